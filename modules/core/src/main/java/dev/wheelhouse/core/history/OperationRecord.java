package dev.wheelhouse.core.history;

import java.time.Instant;
import java.util.List;

/**
 * An operation as journaled, with its steps in order. finished is null while it runs.
 * linkedTo names the operation this one follows from (an automatic rollback's failed deploy), or is null.
 */
public record OperationRecord(
        long id,
        OperationKind kind,
        String environment,
        String application,
        String target,
        String fromVersion,
        String toVersion,
        String operator,
        String reason,
        Instant started,
        Instant finished,
        Outcome outcome,
        List<StepRecord> steps,
        Long linkedTo) {

    public OperationRecord {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }

    public OperationRecord(long id, OperationKind kind, String environment, String application, String target,
                           String fromVersion, String toVersion, String operator, String reason, Instant started,
                           Instant finished, Outcome outcome, List<StepRecord> steps) {
        this(id, kind, environment, application, target, fromVersion, toVersion, operator, reason, started, finished,
                outcome, steps, null);
    }

    /** The last step journaled (the one a dead process was in, when it never finished), or null. */
    public StepRecord lastStep() {
        return steps.isEmpty() ? null : steps.getLast();
    }
}
