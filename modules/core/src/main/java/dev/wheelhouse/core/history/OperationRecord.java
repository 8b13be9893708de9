package dev.wheelhouse.core.history;

import java.time.Instant;
import java.util.List;

/** An operation as journaled, with its steps in order. finished is null while it runs. */
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
        List<StepRecord> steps) {

    public OperationRecord {
        steps = steps == null ? List.of() : List.copyOf(steps);
    }
}
