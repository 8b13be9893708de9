package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatusBuilder;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The DaemonSet controller: one pod per node the pod fits (taints and node selector), a rolling
 * update within maxUnavailable, ControllerRevisions for history and undo, and the status
 * {@code kubectl rollout status} reads.
 */
final class DaemonSetController {
    static final String TEMPLATE_GENERATION = "pod-template-generation";

    private final Controllers c;
    private final History history;

    DaemonSetController(Controllers controllers) {
        this.c = controllers;
        this.history = new History(controllers);
    }

    void reconcile(String namespace, String name) {
        DaemonSet cached = c.cluster().get(Resources.DAEMONSETS, namespace, name);
        if (cached == null || cached.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        DaemonSet ds = new DaemonSetBuilder(cached).build();
        try {
            sync(ds);
        } catch (DeploymentController.Conflict e) {
            c.sim().after(Duration.ofMillis(50), new Cluster.Work("DaemonSet", namespace, name));
        }
    }

    private void sync(DaemonSet ds) {
        String ns = ds.getMetadata().getNamespace();
        List<ControllerRevision> revisions = history.owned(ds);
        ControllerRevision current = history.updateRevision(ds, ds.getSpec().getTemplate(),
                ds.getStatus() == null ? 0 : Kube.nz(ds.getStatus().getCollisionCount()), revisions);
        String hash = current.getMetadata().getLabels().get(Kube.CONTROLLER_REVISION_HASH);

        List<Node> nodes = c.scheduler().eligible(ds.getSpec().getTemplate().getSpec());
        Set<String> eligible = new HashSet<>();
        nodes.forEach(n -> eligible.add(n.getMetadata().getName()));
        Map<String, Pod> byNode = new HashMap<>();
        for (Pod p : c.cluster().<Pod>owned(Resources.PODS, ds.getMetadata().getUid())) {
            String node = p.getSpec().getNodeName();
            if (node == null || !eligible.contains(node) || byNode.containsKey(node)) {
                c.store().delete(Resources.PODS, ns, p.getMetadata().getName());
                continue;
            }
            byNode.put(node, p);
        }
        for (Node node : nodes) {
            String nodeName = node.getMetadata().getName();
            if (!byNode.containsKey(nodeName)) {
                Map<String, String> labels = new LinkedHashMap<>();
                labels.put(Kube.CONTROLLER_REVISION_HASH, hash);
                labels.put(TEMPLATE_GENERATION, Long.toString(Kube.nz(ds.getMetadata().getGeneration())));
                String podName = ds.getMetadata().getName() + "-" + Kube.randomSuffix(c.random(), 5);
                Pod pod = c.kubelet().newPod(ds, ds.getSpec().getTemplate(), podName, labels, nodeName);
                pod.getMetadata().setGenerateName(ds.getMetadata().getName() + "-");
                if (c.store().create(Resources.PODS, ns, pod).ok()) {
                    c.recorder().normal(ds, "daemonset-controller", "SuccessfulCreate", "Created pod: " + podName);
                }
            }
        }
        boolean rolling = ds.getSpec().getUpdateStrategy() == null || !"OnDelete".equals(ds.getSpec().getUpdateStrategy().getType());
        if (rolling) {
            IntOrString max = ds.getSpec().getUpdateStrategy() == null || ds.getSpec().getUpdateStrategy().getRollingUpdate() == null
                    ? null : ds.getSpec().getUpdateStrategy().getRollingUpdate().getMaxUnavailable();
            int maxUnavailable = Math.max(1, Kube.scaled(max, nodes.size(), true, 1));
            int unavailable = 0;
            for (Node node : nodes) {
                Pod p = byNode.get(node.getMetadata().getName());
                if (p == null || !Kubelet.isReady(p)) {
                    unavailable++;
                }
            }
            for (Node node : nodes) {
                Pod p = byNode.get(node.getMetadata().getName());
                if (unavailable >= maxUnavailable) {
                    break;
                }
                if (p != null && !hash.equals(StatefulSetController.revisionOf(p)) && Kubelet.isReady(p)) {
                    c.store().delete(Resources.PODS, ns, p.getMetadata().getName());
                    c.recorder().normal(ds, "daemonset-controller", "SuccessfulDelete", "Deleted pod: " + p.getMetadata().getName());
                    unavailable++;
                }
            }
        }

        int scheduled = 0;
        int ready = 0;
        int updated = 0;
        Set<String> inUse = new HashSet<>(Set.of(current.getMetadata().getName()));
        Map<String, String> nameOfHash = new HashMap<>();
        for (ControllerRevision r : history.owned(ds)) {
            nameOfHash.put(r.getMetadata().getLabels() == null ? "" : r.getMetadata().getLabels().get(Kube.CONTROLLER_REVISION_HASH),
                    r.getMetadata().getName());
        }
        for (Pod p : c.cluster().<Pod>owned(Resources.PODS, ds.getMetadata().getUid())) {
            if (p.getSpec().getNodeName() == null || !eligible.contains(p.getSpec().getNodeName())) {
                continue;
            }
            scheduled++;
            if (Kubelet.isReady(p)) {
                ready++;
            }
            String rev = StatefulSetController.revisionOf(p);
            if (hash.equals(rev)) {
                updated++;
            }
            if (rev != null && nameOfHash.containsKey(rev)) {
                inUse.add(nameOfHash.get(rev));
            }
        }
        int desired = nodes.size();
        DaemonSetStatus status = new DaemonSetStatusBuilder()
                .withObservedGeneration(ds.getMetadata().getGeneration())
                .withDesiredNumberScheduled(desired)
                .withCurrentNumberScheduled(scheduled)
                .withNumberMisscheduled(0)
                .withNumberReady(ready)
                .withNumberAvailable(Kube.omitZero(ready))
                .withNumberUnavailable(Kube.omitZero(Math.max(0, desired - ready)))
                .withUpdatedNumberScheduled(Kube.omitZero(updated))
                .build();
        if (!Kube.sameContent(ds.getStatus(), status)) {
            c.store().updateStatus(Resources.DAEMONSETS, ns, ds.getMetadata().getName(), new DaemonSetBuilder(ds).withStatus(status).build());
        }
        int limit = ds.getSpec().getRevisionHistoryLimit() == null ? 10 : ds.getSpec().getRevisionHistoryLimit();
        history.truncate(history.owned(ds), limit, inUse);
    }
}
