package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatus;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetStatusBuilder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * The ReplicaSet controller: as many pods as spec.replicas, surplus deleted worst first
 * (unscheduled, pending, not ready, restarting, newest), and the status counts the Deployment
 * controller adds up.
 */
final class ReplicaSetController {
    private final Controllers c;

    ReplicaSetController(Controllers controllers) {
        this.c = controllers;
    }

    void reconcile(String namespace, String name) {
        ReplicaSet rs = c.cluster().get(Resources.REPLICASETS, namespace, name);
        if (rs == null || rs.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        List<Pod> pods = active(rs);
        int desired = Kube.nz(rs.getSpec().getReplicas());
        if (pods.size() < desired) {
            for (int i = pods.size(); i < desired; i++) {
                String podName = rs.getMetadata().getName() + "-" + Kube.randomSuffix(c.random(), 5);
                Pod pod = c.kubelet().newPod(rs, rs.getSpec().getTemplate(), podName, Map.of(), null);
                pod.getMetadata().setGenerateName(rs.getMetadata().getName() + "-");
                if (c.store().create(Resources.PODS, namespace, pod).ok()) {
                    c.recorder().normal(rs, "replicaset-controller", "SuccessfulCreate", "Created pod: " + podName);
                }
            }
        } else if (pods.size() > desired) {
            List<Pod> ranked = new ArrayList<>(pods);
            ranked.sort(DELETE_FIRST);
            for (int i = 0; i < pods.size() - desired; i++) {
                Pod pod = ranked.get(i);
                if (c.store().delete(Resources.PODS, namespace, pod.getMetadata().getName()).ok()) {
                    c.recorder().normal(rs, "replicaset-controller", "SuccessfulDelete", "Deleted pod: " + pod.getMetadata().getName());
                }
            }
        }
        updateStatus(rs, active(rs));
    }

    private List<Pod> active(ReplicaSet rs) {
        List<Pod> out = new ArrayList<>();
        for (Pod p : c.cluster().<Pod>owned(Resources.PODS, rs.getMetadata().getUid())) {
            String phase = p.getStatus() == null ? null : p.getStatus().getPhase();
            if (p.getMetadata().getDeletionTimestamp() == null && !"Succeeded".equals(phase) && !"Failed".equals(phase)) {
                out.add(p);
            }
        }
        return out;
    }

    private void updateStatus(ReplicaSet rs, List<Pod> pods) {
        Instant now = c.sim().now();
        int minReady = Kube.nz(rs.getSpec().getMinReadySeconds());
        int labelled = 0;
        int ready = 0;
        int available = 0;
        Instant nextAvailable = null;
        Map<String, String> templateLabels = rs.getSpec().getTemplate().getMetadata() == null ? Map.of()
                : rs.getSpec().getTemplate().getMetadata().getLabels();
        for (Pod p : pods) {
            if (templateLabels == null || Selector.ofLabels(templateLabels).matches(p.getMetadata().getLabels() == null ? Map.of() : p.getMetadata().getLabels())) {
                labelled++;
            }
            if (Kubelet.isReady(p)) {
                ready++;
                Instant availableAt = Kubelet.readySince(p).plusSeconds(minReady);
                if (minReady == 0 || !availableAt.isAfter(now)) {
                    available++;
                } else if (nextAvailable == null || availableAt.isBefore(nextAvailable)) {
                    nextAvailable = availableAt;
                }
            }
        }
        ReplicaSetStatus status = new ReplicaSetStatusBuilder()
                .withReplicas(pods.size())
                .withFullyLabeledReplicas(Kube.omitZero(labelled))
                .withReadyReplicas(Kube.omitZero(ready))
                .withAvailableReplicas(Kube.omitZero(available))
                .withObservedGeneration(rs.getMetadata().getGeneration())
                .build();
        if (!Kube.sameContent(rs.getStatus(), status)) {
            ReplicaSet updated = new ReplicaSetBuilder(rs).withStatus(status).build();
            c.store().updateStatus(Resources.REPLICASETS, rs.getMetadata().getNamespace(), rs.getMetadata().getName(), updated);
        }
        if (nextAvailable != null) {
            c.sim().after(Duration.between(now, nextAvailable).plusMillis(10), Cluster.Work.of(rs));
        }
    }

    /** controller.ActivePods order: the pods to delete first come first. */
    static final Comparator<Pod> DELETE_FIRST = Comparator
            .comparing((Pod p) -> p.getSpec().getNodeName() != null)
            .thenComparingInt(p -> switch (p.getStatus() == null || p.getStatus().getPhase() == null ? "" : p.getStatus().getPhase()) {
                case "Pending" -> 0;
                case "Unknown" -> 1;
                case "Running" -> 2;
                default -> 0;
            })
            .thenComparing(Kubelet::isReady)
            .thenComparing(Comparator.comparing((Pod p) -> Kubelet.isReady(p) ? Kubelet.readySince(p) : Instant.EPOCH).reversed())
            .thenComparing(Comparator.comparingInt(ReplicaSetController::restarts).reversed())
            .thenComparing(Comparator.comparing((Pod p) -> Kube.parseTime(p.getMetadata().getCreationTimestamp())).reversed());

    private static int restarts(Pod p) {
        int max = 0;
        if (p.getStatus() != null && p.getStatus().getContainerStatuses() != null) {
            for (ContainerStatus cs : p.getStatus().getContainerStatuses()) {
                max = Math.max(max, Kube.nz(cs.getRestartCount()));
            }
        }
        return max;
    }
}
