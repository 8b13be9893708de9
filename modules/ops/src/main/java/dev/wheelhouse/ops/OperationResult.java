package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import java.util.List;

/** How an operation ended, with each step that was journaled. failure is null unless FAILED. */
public record OperationResult(long operationId, Outcome outcome, List<StepOutcome> steps, String failure) {

    public record StepOutcome(int sequence, String name, StepStatus status, String output) {}

    public OperationResult {
        steps = List.copyOf(steps);
    }

    /** The last step that ran, for "where things stood". */
    public StepOutcome lastStep() {
        return steps.isEmpty() ? null : steps.getLast();
    }
}
