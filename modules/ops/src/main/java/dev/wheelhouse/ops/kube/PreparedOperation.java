package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.ops.ChangeResult;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.ops.OperationPlan;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A confirmed operation, planned and ready to run once: its plan (what the wizard shows as the
 * steps to come), the target, a one-line summary and the template diff. Run it with
 * {@link KubeOperations#run}; it keeps what its steps learn (the last status, whether the
 * workload was changed) for the run's summary.
 */
public final class PreparedOperation {
    private final OperationPlan plan;
    private final OpsTarget target;
    private final String summary;
    private final String done;
    private final List<TemplateDiff.Line> diff;
    final OpsChoices choices;
    final Long linkedTo;
    /** For a deploy: the revision to go back to if it fails (0: none known). */
    final long previousRevision;
    final AtomicReference<RolloutStatus> last = new AtomicReference<>();
    final AtomicReference<ChangeResult> change = new AtomicReference<>();
    final AtomicReference<java.time.Instant> executedAt = new AtomicReference<>();
    volatile KubeListener listener = KubeListener.NONE;
    volatile long operationId;
    volatile boolean failed;
    volatile LeaseKeeper keeper;
    /** Set when a failed deploy will be rolled back under the same lock: the record step keeps it. */
    volatile boolean keepLock;

    PreparedOperation(OperationPlan plan, OpsTarget target, String summary, String done, List<TemplateDiff.Line> diff,
                      OpsChoices choices, Long linkedTo, long previousRevision) {
        this.plan = plan;
        this.target = target;
        this.summary = summary;
        this.done = done;
        this.diff = List.copyOf(diff);
        this.choices = choices;
        this.linkedTo = linkedTo;
        this.previousRevision = previousRevision;
    }

    public OperationPlan plan() {
        return plan;
    }

    public OpsTarget target() {
        return target;
    }

    /** "roll back deployment/storefront in sandbox-staging (...) from revision 4 (...) to revision 3 (...)". */
    public String summary() {
        return summary;
    }

    /** The summary in the past tense, for when it is done: "rolled back deployment/storefront ...". */
    public String done() {
        return done;
    }

    public List<TemplateDiff.Line> diff() {
        return diff;
    }

    boolean changed() {
        return change.get() != null && change.get().changed();
    }
}
