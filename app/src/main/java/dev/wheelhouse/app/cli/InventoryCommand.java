package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.MetricsStatus;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.cluster.Units;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import java.io.PrintWriter;
import java.lang.reflect.RecordComponent;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse inventory --env NAME`: the Kubernetes part of an environment as the live views
 * show it (nodes, workloads with versions and health, storage, network, current metrics), for
 * scripts and incident reports.
 */
@Command(name = "inventory", mixinStandardHelpOptions = true,
        description = "Print the nodes, workloads, storage, network and metrics of an environment.")
final class InventoryCommand implements Callable<Integer> {
    private static final Set<String> WORKLOAD_KINDS =
            Set.of("Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Pod", "HorizontalPodAutoscaler");
    private static final Set<String> STORAGE_KINDS = Set.of("PersistentVolume", "PersistentVolumeClaim", "StorageClass");
    private static final Set<String> NETWORK_KINDS = Set.of("Service", "Endpoints", "Ingress", "NetworkPolicy");
    private static final int TOP_PODS = 10;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", required = true, description = "The environment (as listed by `wheelhouse envs`).")
    String envName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "30",
            description = "How long to wait for every list to answer (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Environment env = global.environment(envName);
        if (env.kubeTargets().isEmpty()) {
            err.println("wheelhouse inventory: environment '" + envName + "' has no Kubernetes targets");
            return ExitCodes.BAD_INPUT;
        }

        Inventory inventory;
        try (ClusterGateway gateway = new Fabric8ClusterGateway(global.kubeconfigFile())) {
            inventory = gateway.inventory(env, Duration.ofSeconds(timeoutSeconds));
        }

        List<TargetHealth> misconfigured = targets(inventory, FeedStatus.MISCONFIGURED);
        if (!misconfigured.isEmpty()) {
            misconfigured.forEach(t -> err.println("wheelhouse inventory: " + t.detail()));
            return ExitCodes.BAD_INPUT;
        }
        List<TargetHealth> unreachable = inventory.targets().stream()
                .filter(t -> t.status() == FeedStatus.UNREACHABLE || t.status() == FeedStatus.RECONNECTING
                        || t.status() == FeedStatus.CONNECTING)
                .toList();
        boolean nothingReached = unreachable.size() == inventory.targets().size();
        if (!nothingReached) {
            if (format == ListFormat.json) {
                out.println(Json.write(json(inventory)));
            } else {
                printTable(inventory, out);
            }
            out.flush();
        }
        for (TargetHealth t : unreachable) {
            err.println("wheelhouse inventory: " + (t.status() == FeedStatus.CONNECTING
                    ? "context '" + t.context() + "' at " + t.server() + " did not answer within " + timeoutSeconds + "s"
                    : t.detail()));
        }
        err.flush();
        return unreachable.isEmpty() ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    private static List<TargetHealth> targets(Inventory inventory, FeedStatus status) {
        return inventory.targets().stream().filter(t -> t.status() == status).toList();
    }

    // --- table

    private void printTable(Inventory inv, PrintWriter out) {
        boolean contexts = inv.targets().size() > 1;
        out.println("ENVIRONMENT " + inv.environment() + " at " + inv.takenAt().truncatedTo(ChronoUnit.SECONDS)
                + (inv.complete() ? "" : " (incomplete: see the lines marked !)"));
        TextTable targets = new TextTable("CONTEXT", "SERVER", "STATUS", "DETAIL");
        for (TargetHealth t : inv.targets()) {
            targets.row(t.context(), t.server(), word(t.status()), t.detail());
        }
        targets.print(out);

        section(out, "NODES", inv, Set.of("Node"));
        TextTable nodes = table(contexts, "NAME", "STATUS", "ROLES", "VERSION", "CPU REQ/LIM/ALLOC", "MEMORY REQ/LIM/ALLOC",
                "CPU USED", "MEMORY USED", "PODS", "TAINTS");
        for (Inventory.Node n : inv.nodes()) {
            Usage u = n.usage();
            row(nodes, contexts, n.context(), n.name(), n.status(), String.join(",", n.roles()), n.kubeletVersion(),
                    Units.cpu(n.requested().cpuMillis()) + "/" + Units.cpu(n.limits().cpuMillis()) + "/"
                            + Units.cpu(n.allocatable().cpuMillis()) + " (" + Units.percent(n.requested().cpuMillis(),
                            n.allocatable().cpuMillis()) + ")",
                    Units.bytes(n.requested().memoryBytes()) + "/" + Units.bytes(n.limits().memoryBytes()) + "/"
                            + Units.bytes(n.allocatable().memoryBytes()) + " (" + Units.percent(n.requested().memoryBytes(),
                            n.allocatable().memoryBytes()) + ")",
                    u == null ? "" : Units.cpu(u.cpuMillis()) + " (" + Units.percent(u.cpuMillis(), n.allocatable().cpuMillis()) + ")",
                    u == null ? "" : Units.bytes(u.memoryBytes()) + " (" + Units.percent(u.memoryBytes(), n.allocatable().memoryBytes()) + ")",
                    n.podsCounted() + "/" + n.podCapacity(), String.join(", ", n.taints()));
        }
        print(nodes, inv.nodes().isEmpty(), out);

        section(out, "WORKLOADS", inv, WORKLOAD_KINDS);
        TextTable workloads = table(contexts, "NAMESPACE", "KIND", "NAME", "READY", "UP-TO-DATE", "AVAILABLE", "HEALTH", "STATUS",
                "VERSION", "PODS", "RESTARTS", "IMAGES");
        for (Inventory.Workload w : inv.workloads()) {
            row(workloads, contexts, w.context(), w.namespace(), w.kind(), w.name(), w.ready() + "/" + w.desired(),
                    String.valueOf(w.upToDate()), String.valueOf(w.available()), word(w.health()), w.status(), w.version(),
                    String.valueOf(w.pods()), String.valueOf(w.restarts()),
                    w.images().stream().map(ContainerImage::image).collect(Collectors.joining(",")));
        }
        print(workloads, inv.workloads().isEmpty(), out);

        section(out, "STORAGE", inv, STORAGE_KINDS);
        TextTable storage = table(contexts, "KIND", "NAMESPACE", "NAME", "STATUS", "CAPACITY", "ACCESS", "CLASS", "DETAIL");
        for (Inventory.StorageClass c : inv.storage().classes()) {
            row(storage, contexts, c.context(), "StorageClass", "", c.name() + (c.isDefault() ? " (default)" : ""), "", "", "", "",
                    c.provisioner() + ", " + c.bindingMode() + ", reclaim " + c.reclaimPolicy()
                            + (c.allowExpansion() ? ", expandable" : ""));
        }
        for (Inventory.Volume v : inv.storage().volumes()) {
            row(storage, contexts, v.context(), "PersistentVolume", "", v.name(), v.status(), Units.bytes(v.capacityBytes()),
                    String.join(",", v.accessModes()), v.storageClass(), v.claim().isEmpty() ? "" : "claim " + v.claim());
        }
        for (Inventory.Claim c : inv.storage().claims()) {
            row(storage, contexts, c.context(), "PersistentVolumeClaim", c.namespace(), c.name(), c.status(),
                    c.capacityBytes() > 0 ? Units.bytes(c.capacityBytes()) : Units.bytes(c.requestedBytes()) + " requested",
                    String.join(",", c.accessModes()), c.storageClass(), c.volume().isEmpty() ? "" : "volume " + c.volume());
        }
        print(storage, inv.storage().classes().isEmpty() && inv.storage().volumes().isEmpty() && inv.storage().claims().isEmpty(), out);

        section(out, "NETWORK", inv, NETWORK_KINDS);
        TextTable network = table(contexts, "KIND", "NAMESPACE", "NAME", "HEALTH", "DETAIL");
        for (Inventory.Service s : inv.network().services()) {
            String endpoints = s.selector().isEmpty() ? "" : s.readyEndpoints() < 0 ? ", endpoints unknown"
                    : ", " + s.readyEndpoints() + " ready endpoint" + (s.readyEndpoints() == 1 ? "" : "s")
                            + (s.notReadyEndpoints() > 0 ? " (" + s.notReadyEndpoints() + " not ready)" : "");
            row(network, contexts, s.context(), "Service", s.namespace(), s.name(), word(s.health()),
                    s.type() + " " + s.clusterIp() + (s.externalAddresses().isEmpty() ? "" : " " + String.join(",", s.externalAddresses()))
                            + (s.ports().isEmpty() ? "" : " " + String.join(",", s.ports())) + endpoints);
        }
        for (Inventory.Ingress i : inv.network().ingresses()) {
            String routes = i.routes().stream().map(r -> (r.path().isEmpty() ? "(default)" : r.host() + r.path()) + " -> "
                    + r.service() + ":" + r.port()).collect(Collectors.joining(", "));
            row(network, contexts, i.context(), "Ingress", i.namespace(), i.name(), "",
                    (i.ingressClass().isEmpty() ? "" : i.ingressClass() + " ") + (i.addresses().isEmpty() ? "" : String.join(",", i.addresses()) + " ")
                            + (i.tls() ? "tls " : "") + routes);
        }
        for (Inventory.Policy p : inv.network().policies()) {
            String selected = p.selectedPods() < 0 ? "pods unknown" : p.selectedPods() + " pod" + (p.selectedPods() == 1 ? "" : "s");
            row(network, contexts, p.context(), "NetworkPolicy", p.namespace(), p.name(), "",
                    p.podSelector() + " (" + selected + "); ingress: " + (p.ingress().isEmpty() ? "not restricted" : p.ingress())
                            + "; egress: " + (p.egress().isEmpty() ? "not restricted" : p.egress()));
        }
        print(network, inv.network().services().isEmpty() && inv.network().ingresses().isEmpty()
                && inv.network().policies().isEmpty(), out);

        out.println();
        out.println("METRICS");
        for (MetricsStatus m : inv.metrics().statuses()) {
            out.println("  " + m.context() + ": " + word(m.state()) + (m.detail().isEmpty() ? "" : " - " + m.detail())
                    + (m.lastSample() == null ? "" : " (sampled " + m.lastSample().truncatedTo(ChronoUnit.SECONDS) + ")"));
        }
        if (!inv.metrics().nodes().isEmpty()) {
            TextTable usage = table(contexts, "NODE", "CPU", "MEMORY");
            inv.metrics().nodes().forEach(u -> row(usage, contexts, u.context(), u.name(), Units.cpu(u.usage().cpuMillis()),
                    Units.bytes(u.usage().memoryBytes())));
            usage.print(out);
        }
        if (!inv.metrics().pods().isEmpty()) {
            TextTable pods = table(contexts, "NAMESPACE", "POD", "CPU", "MEMORY");
            inv.metrics().pods().stream().limit(TOP_PODS).forEach(u -> row(pods, contexts, u.context(), u.namespace(), u.name(),
                    Units.cpu(u.usage().cpuMillis()), Units.bytes(u.usage().memoryBytes())));
            pods.print(out);
            if (inv.metrics().pods().size() > TOP_PODS) {
                out.println("(the " + TOP_PODS + " busiest of " + inv.metrics().pods().size() + " pods; --format json has all)");
            }
        }
    }

    /** The heading, then a "!" line for each list of the section that could not be read. */
    private static void section(PrintWriter out, String title, Inventory inv, Set<String> kinds) {
        out.println();
        out.println(title);
        inv.problems().stream().filter(p -> kinds.contains(p.key().kind()))
                .map(FeedState::detail).distinct().forEach(d -> out.println("! " + d));
    }

    private static void print(TextTable table, boolean empty, PrintWriter out) {
        if (empty) {
            out.println("(none)");
        } else {
            table.print(out);
        }
    }

    private static TextTable table(boolean contexts, String... headers) {
        if (!contexts) {
            return new TextTable(headers);
        }
        List<String> all = new ArrayList<>(List.of("CONTEXT"));
        all.addAll(List.of(headers));
        return new TextTable(all.toArray(String[]::new));
    }

    private static void row(TextTable table, boolean contexts, String context, String... cells) {
        if (!contexts) {
            table.row(cells);
            return;
        }
        List<String> all = new ArrayList<>(List.of(context));
        all.addAll(List.of(cells));
        table.row(all.toArray(String[]::new));
    }

    private static String word(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    // --- json

    /** The whole model, plus a summary for scripts; enums in lower case, instants in ISO-8601. */
    private static Object json(Inventory inv) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("nodes", inv.nodes().size());
        summary.put("nodesReady", inv.nodesReady());
        Map<String, Object> byHealth = new LinkedHashMap<>();
        inv.workloadHealth().forEach((h, n) -> byHealth.put(h.name().toLowerCase(Locale.ROOT), n));
        summary.put("workloads", byHealth);
        @SuppressWarnings("unchecked")
        Map<String, Object> tree = (Map<String, Object>) tree(inv);
        tree.put("summary", summary);
        return tree;
    }

    private static Object tree(Object value) {
        if (value == null || value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Health || value instanceof Enum<?>) {
            return ((Enum<?>) value).name().toLowerCase(Locale.ROOT);
        }
        if (value instanceof Instant || value instanceof TemporalAccessor) {
            return value.toString();
        }
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(String.valueOf(k), tree(v)));
            return out;
        }
        if (value instanceof Collection<?> items) {
            return items.stream().map(InventoryCommand::tree).toList();
        }
        if (value instanceof Record record) {
            Map<String, Object> out = new LinkedHashMap<>();
            for (RecordComponent c : record.getClass().getRecordComponents()) {
                try {
                    out.put(c.getName(), tree(c.getAccessor().invoke(record)));
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + record.getClass().getSimpleName(), e);
                }
            }
            return out;
        }
        return value.toString();
    }
}
