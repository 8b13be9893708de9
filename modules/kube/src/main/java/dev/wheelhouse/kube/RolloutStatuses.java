package dev.wheelhouse.kube;

import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.RolloutStatus.State;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;

/** kubectl's `rollout status` verdicts (pkg/polymorphichelpers/rollout_status.go), one per kind, as pure functions. */
final class RolloutStatuses {
    static final String TIMED_OUT = "ProgressDeadlineExceeded";

    private RolloutStatuses() {}

    static RolloutStatus deployment(Deployment d) {
        String name = d.getMetadata().getName();
        long generation = generation(d.getMetadata().getGeneration());
        DeploymentStatus s = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        long observed = generation(s.getObservedGeneration());
        int desired = d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        int replicas = zero(s.getReplicas());
        int updated = zero(s.getUpdatedReplicas());
        int ready = zero(s.getReadyReplicas());
        int available = zero(s.getAvailableReplicas());
        boolean paused = Boolean.TRUE.equals(d.getSpec().getPaused());
        State state;
        String message;
        DeploymentCondition progressing = s.getConditions() == null ? null : s.getConditions().stream()
                .filter(cond -> "Progressing".equals(cond.getType())).findFirst().orElse(null);
        if (generation > observed) {
            state = State.IN_PROGRESS;
            message = "Waiting for deployment spec update to be observed...";
        } else {
            if (progressing != null && TIMED_OUT.equals(progressing.getReason())) {
                state = State.FAILED;
                message = "deployment \"" + name + "\" exceeded its progress deadline";
            } else if (updated < desired) {
                state = State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + updated + " out of " + desired
                        + " new replicas have been updated...";
            } else if (replicas > updated) {
                state = State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + (replicas - updated)
                        + " old replicas are pending termination...";
            } else if (available < updated) {
                state = State.IN_PROGRESS;
                message = "Waiting for deployment \"" + name + "\" rollout to finish: " + available + " of " + updated
                        + " updated replicas are available...";
            } else {
                state = State.COMPLETE;
                message = "deployment \"" + name + "\" successfully rolled out";
            }
        }
        return new RolloutStatus(state, message, paused, generation, observed, desired, updated, ready, available,
                PodTemplates.images(d.getSpec().getTemplate()), progressing == null ? null : time(progressing.getLastUpdateTime()));
    }

    static RolloutStatus statefulSet(StatefulSet set) {
        String strategy = set.getSpec().getUpdateStrategy() == null ? "RollingUpdate" : set.getSpec().getUpdateStrategy().getType();
        long generation = generation(set.getMetadata().getGeneration());
        StatefulSetStatus s = set.getStatus() == null ? new StatefulSetStatus() : set.getStatus();
        long observed = generation(s.getObservedGeneration());
        int desired = set.getSpec().getReplicas() == null ? 1 : set.getSpec().getReplicas();
        int updated = zero(s.getUpdatedReplicas());
        int ready = zero(s.getReadyReplicas());
        int available = zero(s.getAvailableReplicas());
        State state = State.IN_PROGRESS;
        String message;
        if (strategy != null && !"RollingUpdate".equals(strategy)) {
            state = State.FAILED;
            message = "rollout status is only available for RollingUpdate strategy type (statefulset \""
                    + set.getMetadata().getName() + "\" uses " + strategy + ")";
        } else if (observed == 0 || generation > observed) {
            message = "Waiting for statefulset spec update to be observed...";
        } else if (ready < desired) {
            message = "Waiting for " + (desired - ready) + " pods to be ready...";
        } else if (!java.util.Objects.equals(s.getUpdateRevision(), s.getCurrentRevision())) {
            message = "waiting for statefulset rolling update to complete " + updated + " pods at revision "
                    + s.getUpdateRevision() + "...";
        } else {
            state = State.COMPLETE;
            message = "statefulset rolling update complete " + zero(s.getCurrentReplicas()) + " pods at revision "
                    + s.getCurrentRevision() + "...";
            // kubectl reports no per-replica "updated" once the update is current; every pod is at it.
            updated = Math.max(updated, zero(s.getCurrentReplicas()));
        }
        return new RolloutStatus(state, message, false, generation, observed, desired, updated, ready, available,
                PodTemplates.images(set.getSpec().getTemplate()));
    }

    static RolloutStatus daemonSet(DaemonSet ds) {
        String name = ds.getMetadata().getName();
        String strategy = ds.getSpec().getUpdateStrategy() == null ? "RollingUpdate" : ds.getSpec().getUpdateStrategy().getType();
        long generation = generation(ds.getMetadata().getGeneration());
        DaemonSetStatus s = ds.getStatus() == null ? new DaemonSetStatus() : ds.getStatus();
        long observed = generation(s.getObservedGeneration());
        int desired = zero(s.getDesiredNumberScheduled());
        int updated = zero(s.getUpdatedNumberScheduled());
        int ready = zero(s.getNumberReady());
        int available = zero(s.getNumberAvailable());
        State state = State.IN_PROGRESS;
        String message;
        if (strategy != null && !"RollingUpdate".equals(strategy)) {
            state = State.FAILED;
            message = "rollout status is only available for RollingUpdate strategy type (daemon set \"" + name + "\" uses "
                    + strategy + ")";
        } else if (generation > observed) {
            message = "Waiting for daemon set spec update to be observed...";
        } else if (updated < desired) {
            message = "Waiting for daemon set \"" + name + "\" rollout to finish: " + updated + " out of " + desired
                    + " new pods have been updated...";
        } else if (available < desired) {
            message = "Waiting for daemon set \"" + name + "\" rollout to finish: " + available + " of " + desired
                    + " updated pods are available...";
        } else {
            state = State.COMPLETE;
            message = "daemon set \"" + name + "\" successfully rolled out";
        }
        return new RolloutStatus(state, message, false, generation, observed, desired, updated, ready, available,
                PodTemplates.images(ds.getSpec().getTemplate()));
    }

    private static java.time.Instant time(String text) {
        try {
            return text == null ? null : java.time.Instant.parse(text);
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static long generation(Long value) {
        return value == null ? 0 : value;
    }

    private static int zero(Integer value) {
        return value == null ? 0 : value;
    }
}
