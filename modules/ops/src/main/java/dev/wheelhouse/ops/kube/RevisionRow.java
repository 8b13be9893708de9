package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.ops.Revision;
import java.time.Duration;

/**
 * A revision as the rollback wizard lists it: the revision, its age, its version (the image tag
 * of the application's container), and who put it there and why, from the history (or from the
 * change-cause "user@host: reason" Wheelhouse writes) when known.
 *
 * @param known whether it is known to have failed (a journaled operation to it failed or was rolled back)
 * @param operationId the history operation that put it there, or 0
 */
public record RevisionRow(Revision revision, String version, Duration age, String who, String why, boolean failed,
                          long operationId) {
    public RevisionRow {
        who = who == null ? "" : who;
        why = why == null ? "" : why;
    }

    public long number() {
        return revision.number();
    }

    /** "revision 3 (app=shop/app:1.8.2)". */
    public String describe() {
        return KubeOperations.describe(revision);
    }
}
