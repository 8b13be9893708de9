package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.OperationKind;
import java.util.List;
import java.util.Objects;

/**
 * An operation before it runs: what, where, from which version to which, why, and its steps in
 * order. The window shows it before the user confirms; the engine runs it.
 */
public record OperationPlan(OperationKind kind, String environment, String application, String target,
                            String fromVersion, String toVersion, String reason, List<PlannedStep> steps) {
    public OperationPlan {
        Objects.requireNonNull(kind);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }
}
