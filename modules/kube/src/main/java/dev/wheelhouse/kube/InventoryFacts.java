package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.kube.render.DaemonSetRenderer;
import dev.wheelhouse.kube.render.DeploymentRenderer;
import dev.wheelhouse.kube.render.PodRenderer;
import dev.wheelhouse.kube.render.Related;
import dev.wheelhouse.kube.render.Rows;
import dev.wheelhouse.kube.render.StatefulSetRenderer;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;

/**
 * The per-object part of an inventory, for the kinds a large cluster has thousands of (pods,
 * ReplicaSets, workloads), each kept in a {@link FactsCache}. One per live model, so an inventory
 * taken every few seconds under churn reads only the objects that changed.
 */
final class InventoryFacts {
    final FactsCache<Pod, PodFacts> pods = new FactsCache<>("Pod", Pod.class, InventoryFacts::pod);
    final FactsCache<ReplicaSet, ReplicaSetFacts> replicaSets =
            new FactsCache<>("ReplicaSet", ReplicaSet.class, InventoryFacts::replicaSet);
    final FactsCache<Deployment, WorkloadFacts> deployments =
            new FactsCache<>("Deployment", Deployment.class, InventoryFacts::deployment);
    final FactsCache<StatefulSet, WorkloadFacts> statefulSets =
            new FactsCache<>("StatefulSet", StatefulSet.class, InventoryFacts::statefulSet);
    final FactsCache<DaemonSet, WorkloadFacts> daemonSets =
            new FactsCache<>("DaemonSet", DaemonSet.class, InventoryFacts::daemonSet);

    /**
     * @param node "context/node" the pod holds resources on, or null (not scheduled, or finished)
     * @param owner "context/namespace/Kind/name" of its controller (else its first owner), or null
     * @param requests what it asks for, as the scheduler counts it; ZERO when {@code node} is null
     * @param limits likewise for limits
     * @param restarts its containers' restarts; 0 when it has no owner
     */
    record PodFacts(String node, String owner, Inventory.Resources requests, Inventory.Resources limits, int restarts) {}

    /**
     * @param replicaSet "context/namespace/ReplicaSet/name"
     * @param deployment "context/namespace/Deployment/name" of the Deployment that controls it, or null
     * @param created its creation, or null
     */
    record ReplicaSetFacts(String replicaSet, String deployment, Instant created) {}

    /**
     * @param key "context/namespace/Kind/name", as pods' owners are named
     * @param row as the list shows it (without related objects)
     * @param progressed a Deployment's last Progressing condition update, or null
     */
    record WorkloadFacts(FeedKey feed, String key, ResourceRow row, int desired, int ready, int upToDate, int available,
            Instant progressed) {}

    static PodFacts pod(FeedKey feed, Pod pod) {
        String phase = pod.getStatus() == null ? "" : Rows.nz(pod.getStatus().getPhase());
        boolean holds = pod.getSpec() != null && pod.getSpec().getNodeName() != null
                && !phase.equals("Succeeded") && !phase.equals("Failed");
        OwnerReference owner = InventoryBuilder.controller(pod);
        return new PodFacts(
                holds ? feed.context() + "/" + pod.getSpec().getNodeName() : null,
                owner == null ? null : key(feed, pod.getMetadata().getNamespace(), owner.getKind(), owner.getName()),
                holds ? InventoryBuilder.podResources(pod, r -> r == null ? null : r.getRequests()) : Inventory.Resources.ZERO,
                holds ? InventoryBuilder.podResources(pod, r -> r == null ? null : r.getLimits()) : Inventory.Resources.ZERO,
                owner == null ? 0 : PodRenderer.summarize(pod).restarts());
    }

    static ReplicaSetFacts replicaSet(FeedKey feed, ReplicaSet rs) {
        OwnerReference owner = InventoryBuilder.controller(rs);
        String ns = rs.getMetadata().getNamespace();
        return new ReplicaSetFacts(key(feed, ns, "ReplicaSet", rs.getMetadata().getName()),
                owner != null && "Deployment".equals(owner.getKind()) ? key(feed, ns, "Deployment", owner.getName()) : null,
                Rows.instant(rs.getMetadata().getCreationTimestamp()));
    }

    static WorkloadFacts deployment(FeedKey feed, Deployment d) {
        var c = DeploymentRenderer.counts(d);
        DeploymentCondition progressing = DeploymentRenderer.condition(d.getStatus(), "Progressing");
        return new WorkloadFacts(feed, key(feed, d.getMetadata().getNamespace(), "Deployment", d.getMetadata().getName()),
                ResourceKinds.DEPLOYMENT.render(d, Related.NONE), c.desired(), c.ready(), c.upToDate(), c.available(),
                progressing == null ? null : Rows.instant(progressing.getLastUpdateTime()));
    }

    static WorkloadFacts statefulSet(FeedKey feed, StatefulSet s) {
        var c = StatefulSetRenderer.counts(s);
        return new WorkloadFacts(feed, key(feed, s.getMetadata().getNamespace(), "StatefulSet", s.getMetadata().getName()),
                ResourceKinds.STATEFUL_SET.render(s, Related.NONE), c.desired(), c.ready(), c.upToDate(), c.available(), null);
    }

    static WorkloadFacts daemonSet(FeedKey feed, DaemonSet d) {
        var c = DaemonSetRenderer.counts(d);
        return new WorkloadFacts(feed, key(feed, d.getMetadata().getNamespace(), "DaemonSet", d.getMetadata().getName()),
                ResourceKinds.DAEMON_SET.render(d, Related.NONE), c.desired(), c.ready(), c.upToDate(), c.available(), null);
    }

    private static String key(FeedKey feed, String namespace, String kind, String name) {
        return feed.context() + "/" + namespace + "/" + kind + "/" + name;
    }
}
