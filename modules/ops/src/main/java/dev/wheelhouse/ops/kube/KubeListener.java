package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.ops.OperationListener;
import java.util.List;

/**
 * Progress of a Kubernetes operation: the engine's step events, and while watching, the rollout's
 * status line and the pods whenever they change (not on every poll). Called on the operation's
 * thread: the window hops to the FX thread (coalesced), the command prints to stderr.
 */
public interface KubeListener extends OperationListener {
    KubeListener NONE = new KubeListener() {};

    default void rollout(long operationId, RolloutStatus status) {}

    default void pods(long operationId, List<PodState> pods) {}

    /** A failed deploy is being rolled back by a second operation, linked to the first. */
    default void rollingBack(long failedOperationId, PreparedOperation rollback) {}
}
