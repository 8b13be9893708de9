package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.ops.OperationResult;

/**
 * How a Kubernetes operation ended.
 *
 * @param changed whether the execute step changed the workload
 * @param last the rollout status last read (null if none was)
 * @param summary one line for the operator: what was done, or what failed and what was left
 * @param rollback the linked rollback after a failed deploy, or null
 */
public record KubeRun(OperationResult result, boolean changed, RolloutStatus last, String summary, KubeRun rollback) {

    /** Every step succeeded: changed (or nothing to do), rolled out and verified. */
    public boolean verified() {
        return result.outcome() == Outcome.SUCCEEDED;
    }

    public long operationId() {
        return result.operationId();
    }
}
