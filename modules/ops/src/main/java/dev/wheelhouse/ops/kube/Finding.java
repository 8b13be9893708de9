package dev.wheelhouse.ops.kube;

/**
 * Something the preflight found. A BLOCKER stops the operation unless its remedy is taken (resume
 * a paused rollout, break a held lock); a WARNING is shown and confirmed past; INFO just says.
 *
 * @param remedy what to do about it, for a button or a hint ("" when nothing)
 */
public record Finding(Severity severity, Code code, String message, String remedy) {
    public enum Severity { BLOCKER, WARNING, INFO }

    public enum Code {
        /** The rollout is paused: {@link KubeOperations#resume} offers kubectl's `rollout resume`. */
        PAUSED,
        /** Argo CD or Flux manages the workload and will revert a change unless its sync is suspended. */
        GITOPS,
        /** revisionHistoryLimit 0: no old revision is kept to go back to. */
        NO_HISTORY,
        /** RBAC: the user may not patch the workload (or it could not be checked: INFO). */
        RBAC,
        /** Another operation holds the application's lock in this environment (who, since when). */
        LOCK_HELD,
        /** The workload's current rollout is failing or incomplete. */
        ROLLOUT,
        /** The environment is production: the user types its name to confirm. */
        CONFIRM,
        /** The environment is read-only. */
        READ_ONLY
    }

    public Finding {
        remedy = remedy == null ? "" : remedy;
    }

    public boolean blocks() {
        return severity == Severity.BLOCKER;
    }

    /** "warning: managed by Argo CD ... (suspend sync first)". */
    public String describe() {
        return severity.name().toLowerCase(java.util.Locale.ROOT) + ": " + message + (remedy.isEmpty() ? "" : " (" + remedy + ")");
    }
}
