package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.MetricsStatus;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.kube.render.IngressRenderer;
import dev.wheelhouse.kube.render.NetworkPolicyRenderer;
import dev.wheelhouse.kube.render.NodeRenderer;
import dev.wheelhouse.kube.render.Quantities;
import dev.wheelhouse.kube.render.Related;
import dev.wheelhouse.kube.render.Rows;
import dev.wheelhouse.kube.render.Selectors;
import dev.wheelhouse.kube.render.ServiceRenderer;
import dev.wheelhouse.kube.render.StorageClassRenderer;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Builds the JDK-only {@link Inventory} from the live model's objects and metrics: on the caller's
 * thread, over the loop's shallow copy of the model's maps, with the model's {@link InventoryFacts}.
 */
final class InventoryBuilder {
    private final Map<FeedKey, Map<String, HasMetadata>> objects;
    private final Predicate<FeedKey> listed;
    private final Map<RowKey, Usage> latest;
    private final InventoryFacts facts;

    /** @param facts the live model's, kept between its inventories */
    InventoryBuilder(Map<FeedKey, Map<String, HasMetadata>> objects, Predicate<FeedKey> listed, Map<RowKey, Usage> latest,
            InventoryFacts facts) {
        this.objects = objects;
        this.listed = listed;
        this.latest = latest;
        this.facts = facts;
    }

    Inventory build(String environment, Instant now, List<FeedState> feeds, List<TargetHealth> targets,
            List<MetricsStatus> metricsStatuses) {
        List<FeedState> problems = feeds.stream().filter(f -> f.status() != FeedStatus.LIVE).toList();
        List<InventoryFacts.PodFacts> pods = facts.pods.of(objects);
        return new Inventory(environment, now, problems.isEmpty(), targets, problems, nodes(pods), workloads(pods),
                new Inventory.Storage(volumes(), claims(), classes()),
                new Inventory.Network(services(), ingresses(), policies()),
                metrics(metricsStatuses));
    }

    private <T extends HasMetadata> List<Map.Entry<FeedKey, T>> all(String kind, Class<T> type) {
        List<Map.Entry<FeedKey, T>> out = new ArrayList<>();
        objects.forEach((feed, byName) -> {
            if (feed.kind().equals(kind)) {
                byName.values().forEach(o -> out.add(Map.entry(feed, type.cast(o))));
            }
        });
        out.sort(Comparator.comparing((Map.Entry<FeedKey, T> e) -> e.getKey().context())
                .thenComparing(e -> Rows.nz(e.getValue().getMetadata().getNamespace()))
                .thenComparing(e -> e.getValue().getMetadata().getName()));
        return out;
    }

    private Related related(String context) {
        return new ModelRelated(context, objects, listed);
    }

    // --- compute

    private List<Inventory.Node> nodes(List<InventoryFacts.PodFacts> pods) {
        Map<String, Alloc> byNode = new HashMap<>();
        for (InventoryFacts.PodFacts pod : pods) {
            if (pod.node() != null) {
                byNode.computeIfAbsent(pod.node(), k -> new Alloc()).add(pod);
            }
        }
        List<Inventory.Node> out = new ArrayList<>();
        for (var e : all("Node", Node.class)) {
            Node node = e.getValue();
            String ctx = e.getKey().context();
            ResourceRow row = ResourceKinds.NODE.render(node, Related.NONE);
            var st = node.getStatus();
            Map<String, Quantity> capacity = st == null ? null : st.getCapacity();
            Map<String, Quantity> allocatable = st == null ? null : st.getAllocatable();
            Alloc alloc = byNode.getOrDefault(ctx + "/" + node.getMetadata().getName(), new Alloc());
            List<Inventory.Condition> conditions = st == null || st.getConditions() == null ? List.of()
                    : st.getConditions().stream().map(c -> new Inventory.Condition(c.getType(), c.getStatus(),
                            Rows.nz(c.getReason()), Rows.nz(c.getMessage()))).toList();
            out.add(new Inventory.Node(ctx, node.getMetadata().getName(), row.health(), row.status(),
                    NodeRenderer.roles(node).stream().filter(r -> !r.equals("<none>")).toList(),
                    row.version(), NodeRenderer.internalIp(node), row.created(),
                    new Inventory.Resources(Quantities.millis(capacity, "cpu"), Quantities.bytes(capacity, "memory")),
                    new Inventory.Resources(Quantities.millis(allocatable, "cpu"), Quantities.bytes(allocatable, "memory")),
                    new Inventory.Resources(alloc.requestedCpu, alloc.requestedMemory),
                    new Inventory.Resources(alloc.limitCpu, alloc.limitMemory),
                    latest.get(new RowKey(ctx, "Node", "", node.getMetadata().getName())),
                    alloc.pods, (int) Quantities.bytes(allocatable, "pods"), conditions, NodeRenderer.taints(node)));
        }
        return out;
    }

    /** What the pods on one node ask for and are limited to, the way the scheduler counts it. */
    private static final class Alloc {
        long requestedCpu;
        long requestedMemory;
        long limitCpu;
        long limitMemory;
        int pods;

        void add(InventoryFacts.PodFacts pod) {
            pods++;
            requestedCpu += pod.requests().cpuMillis();
            requestedMemory += pod.requests().memoryBytes();
            limitCpu += pod.limits().cpuMillis();
            limitMemory += pod.limits().memoryBytes();
        }
    }

    /**
     * resourcehelper.PodRequests: the containers' sum, sidecar init containers added, the largest
     * ordinary init container (plus the sidecars started before it) if larger, plus overhead.
     */
    static Inventory.Resources podResources(Pod pod,
            Function<io.fabric8.kubernetes.api.model.ResourceRequirements, Map<String, Quantity>> pick) {
        long cpu = 0;
        long memory = 0;
        for (Container c : pod.getSpec().getContainers() == null ? List.<Container>of() : pod.getSpec().getContainers()) {
            Map<String, Quantity> q = pick.apply(c.getResources());
            cpu += Quantities.millis(q, "cpu");
            memory += Quantities.bytes(q, "memory");
        }
        long sidecarCpu = 0;
        long sidecarMemory = 0;
        long initCpu = 0;
        long initMemory = 0;
        for (Container c : pod.getSpec().getInitContainers() == null ? List.<Container>of() : pod.getSpec().getInitContainers()) {
            Map<String, Quantity> q = pick.apply(c.getResources());
            long ccpu = Quantities.millis(q, "cpu");
            long cmem = Quantities.bytes(q, "memory");
            if ("Always".equals(c.getRestartPolicy())) {
                cpu += ccpu;
                memory += cmem;
                sidecarCpu += ccpu;
                sidecarMemory += cmem;
                initCpu = Math.max(initCpu, sidecarCpu);
                initMemory = Math.max(initMemory, sidecarMemory);
            } else {
                initCpu = Math.max(initCpu, ccpu + sidecarCpu);
                initMemory = Math.max(initMemory, cmem + sidecarMemory);
            }
        }
        cpu = Math.max(cpu, initCpu);
        memory = Math.max(memory, initMemory);
        Map<String, Quantity> overhead = pod.getSpec().getOverhead();
        return new Inventory.Resources(cpu + Quantities.millis(overhead, "cpu"), memory + Quantities.bytes(overhead, "memory"));
    }

    // --- workloads

    private List<Inventory.Workload> workloads(List<InventoryFacts.PodFacts> pods) {
        // Pods belong to workloads by owner name (uids are not always set, e.g. by test servers).
        Map<String, int[]> byOwner = new HashMap<>();
        Map<String, String> replicaSetOwner = new HashMap<>();
        Map<String, Instant> newestReplicaSet = new HashMap<>();
        for (InventoryFacts.ReplicaSetFacts rs : facts.replicaSets.of(objects)) {
            if (rs.deployment() != null) {
                replicaSetOwner.put(rs.replicaSet(), rs.deployment());
                if (rs.created() != null) {
                    newestReplicaSet.merge(rs.deployment(), rs.created(), (a, b) -> a.isAfter(b) ? a : b);
                }
            }
        }
        for (InventoryFacts.PodFacts pod : pods) {
            if (pod.owner() == null) {
                continue;
            }
            int[] counts = byOwner.computeIfAbsent(replicaSetOwner.getOrDefault(pod.owner(), pod.owner()), k -> new int[2]);
            counts[0]++;
            counts[1] += pod.restarts();
        }
        List<Inventory.Workload> out = new ArrayList<>();
        for (InventoryFacts.WorkloadFacts d : sorted(facts.deployments.of(objects))) {
            Instant changed = newestReplicaSet.get(d.key());
            if (changed == null || (d.progressed() != null && d.progressed().isAfter(changed))) {
                changed = d.progressed();
            }
            out.add(workload(d, changed, byOwner.get(d.key())));
        }
        for (InventoryFacts.WorkloadFacts s : sorted(facts.statefulSets.of(objects))) {
            out.add(workload(s, null, byOwner.get(s.key())));
        }
        for (InventoryFacts.WorkloadFacts d : sorted(facts.daemonSets.of(objects))) {
            out.add(workload(d, null, byOwner.get(d.key())));
        }
        return out;
    }

    /** In the order of {@link #all}: context, namespace, name. */
    private static List<InventoryFacts.WorkloadFacts> sorted(List<InventoryFacts.WorkloadFacts> workloads) {
        workloads.sort(Comparator.comparing((InventoryFacts.WorkloadFacts w) -> w.feed().context())
                .thenComparing(w -> w.row().namespace()).thenComparing(w -> w.row().name()));
        return workloads;
    }

    private static Inventory.Workload workload(InventoryFacts.WorkloadFacts w, Instant changed, int[] pods) {
        ResourceRow row = w.row();
        List<ContainerImage> images = row.images();
        return new Inventory.Workload(w.feed().context(), row.namespace(), row.kind(), row.name(), row.health(), row.status(),
                w.desired(), w.ready(), w.upToDate(), w.available(), images, row.version(), row.created(),
                changed == null ? row.created() : changed, pods == null ? 0 : pods[0], pods == null ? 0 : pods[1]);
    }

    static OwnerReference controller(HasMetadata o) {
        List<OwnerReference> owners = o.getMetadata().getOwnerReferences();
        if (owners == null || owners.isEmpty()) {
            return null;
        }
        return owners.stream().filter(r -> Boolean.TRUE.equals(r.getController())).findFirst().orElse(owners.getFirst());
    }

    // --- storage

    private List<Inventory.Volume> volumes() {
        List<Inventory.Volume> out = new ArrayList<>();
        for (var e : all("PersistentVolume", PersistentVolume.class)) {
            PersistentVolume pv = e.getValue();
            ResourceRow row = ResourceKinds.PERSISTENT_VOLUME.render(pv, Related.NONE);
            var spec = pv.getSpec();
            out.add(new Inventory.Volume(e.getKey().context(), row.name(), row.health(), row.status(),
                    spec == null ? 0 : Quantities.bytes(spec.getCapacity(), "storage"), modes(row.cell(2)),
                    row.cell(3), row.cell(6), row.cell(5)));
        }
        return out;
    }

    private List<Inventory.Claim> claims() {
        List<Inventory.Claim> out = new ArrayList<>();
        for (var e : all("PersistentVolumeClaim", PersistentVolumeClaim.class)) {
            PersistentVolumeClaim pvc = e.getValue();
            ResourceRow row = ResourceKinds.PERSISTENT_VOLUME_CLAIM.render(pvc, Related.NONE);
            long capacity = pvc.getStatus() == null ? 0 : Quantities.bytes(pvc.getStatus().getCapacity(), "storage");
            long requested = pvc.getSpec() == null || pvc.getSpec().getResources() == null ? 0
                    : Quantities.bytes(pvc.getSpec().getResources().getRequests(), "storage");
            out.add(new Inventory.Claim(e.getKey().context(), row.namespace(), row.name(), row.health(), row.status(),
                    row.cell(2), row.cell(3).isEmpty() ? 0 : capacity, requested, modes(row.cell(4)), row.cell(5)));
        }
        return out;
    }

    private List<Inventory.StorageClass> classes() {
        List<Inventory.StorageClass> out = new ArrayList<>();
        for (var e : all("StorageClass", StorageClass.class)) {
            StorageClass sc = e.getValue();
            ResourceRow row = ResourceKinds.STORAGE_CLASS.render(sc, Related.NONE);
            out.add(new Inventory.StorageClass(e.getKey().context(), sc.getMetadata().getName(), row.cell(1), row.cell(2),
                    row.cell(3), Boolean.TRUE.equals(sc.getAllowVolumeExpansion()), StorageClassRenderer.isDefault(sc)));
        }
        return out;
    }

    private static List<String> modes(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split(","));
    }

    // --- network

    private List<Inventory.Service> services() {
        List<Inventory.Service> out = new ArrayList<>();
        for (var e : all("Service", Service.class)) {
            Service svc = e.getValue();
            Related related = related(e.getKey().context());
            ResourceRow row = ResourceKinds.SERVICE.render(svc, related);
            var count = ServiceRenderer.endpointCount(svc, related);
            var spec = svc.getSpec();
            out.add(new Inventory.Service(e.getKey().context(), row.namespace(), row.name(), row.health(), row.cell(1),
                    row.cell(2), ServiceRenderer.externalAddresses(svc), spec == null ? List.of() : ServiceRenderer.ports(spec),
                    spec == null || spec.getSelector() == null ? Map.of() : spec.getSelector(), count.ready(), count.notReady()));
        }
        return out;
    }

    private List<Inventory.Ingress> ingresses() {
        List<Inventory.Ingress> out = new ArrayList<>();
        for (var e : all("Ingress", Ingress.class)) {
            Ingress ing = e.getValue();
            out.add(new Inventory.Ingress(e.getKey().context(), ing.getMetadata().getNamespace(), ing.getMetadata().getName(),
                    ing.getSpec() == null ? "" : Rows.nz(ing.getSpec().getIngressClassName()), IngressRenderer.hostList(ing),
                    IngressRenderer.addresses(ing), IngressRenderer.routes(ing),
                    ing.getSpec() != null && ing.getSpec().getTls() != null && !ing.getSpec().getTls().isEmpty()));
        }
        return out;
    }

    private List<Inventory.Policy> policies() {
        List<Inventory.Policy> out = new ArrayList<>();
        for (var e : all("NetworkPolicy", NetworkPolicy.class)) {
            NetworkPolicy np = e.getValue();
            var spec = np.getSpec() == null ? new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec() : np.getSpec();
            String selector = Selectors.format(spec.getPodSelector());
            out.add(new Inventory.Policy(e.getKey().context(), np.getMetadata().getNamespace(), np.getMetadata().getName(),
                    selector.equals("<none>") ? "(all pods)" : selector,
                    NetworkPolicyRenderer.selectedPods(np, related(e.getKey().context())),
                    NetworkPolicyRenderer.policyTypes(spec), NetworkPolicyRenderer.ingress(spec), NetworkPolicyRenderer.egress(spec)));
        }
        return out;
    }

    // --- metrics

    private Inventory.Metrics metrics(List<MetricsStatus> statuses) {
        List<Inventory.UsageOf> nodes = new ArrayList<>();
        List<Inventory.UsageOf> pods = new ArrayList<>();
        latest.forEach((key, usage) -> {
            Inventory.UsageOf u = new Inventory.UsageOf(key.context(), key.namespace(), key.name(), usage);
            if (key.kind().equals("Node")) {
                nodes.add(u);
            } else {
                pods.add(u);
            }
        });
        nodes.sort(Comparator.comparing(Inventory.UsageOf::context).thenComparing(Inventory.UsageOf::name));
        pods.sort(Comparator.comparingLong((Inventory.UsageOf u) -> -u.usage().cpuMillis())
                .thenComparing(Inventory.UsageOf::namespace).thenComparing(Inventory.UsageOf::name));
        return new Inventory.Metrics(statuses, nodes, pods);
    }
}
