package dev.wheelhouse.core.ops;

/**
 * A rollout operation refused before anything was changed: the kubeconfig cannot serve the context, the workload does not exist, is
 * paused, or the asked revision is not among its revisions. The message says which and what to do.
 */
public class RolloutRefusedException extends RuntimeException {
    public enum Reason { MISCONFIGURED, NOT_FOUND, PAUSED, NO_SUCH_REVISION, NO_PREVIOUS_REVISION }

    private final Reason reason;

    public RolloutRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
