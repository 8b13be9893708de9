package dev.wheelhouse.core.ops;

/**
 * A rollout operation refused or stopped by the cluster: the kubeconfig cannot serve the context,
 * the workload does not exist, is paused, the asked revision is not among its revisions, the user
 * may not do it (403: the message names verb, resource and namespace), or the object kept
 * changing under the write (409 twice). Nothing was changed by the refused call. The message
 * says which and what to do.
 */
public class RolloutRefusedException extends RuntimeException {
    public enum Reason { MISCONFIGURED, NOT_FOUND, PAUSED, NO_SUCH_REVISION, NO_PREVIOUS_REVISION, FORBIDDEN, CONFLICT, INVALID }

    private final Reason reason;

    public RolloutRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
