package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.OperationKind;
import java.util.List;
import java.util.Objects;

/**
 * An operation before it runs: what, where, from which version to which, why, and its steps in
 * order. The window shows it before the user confirms; the engine runs it. linkedTo is the
 * operation this one follows from (an automatic rollback's failed deploy), or null.
 */
public record OperationPlan(OperationKind kind, String environment, String application, String target,
                            String fromVersion, String toVersion, String reason, List<PlannedStep> steps, Long linkedTo) {
    public OperationPlan(OperationKind kind, String environment, String application, String target, String fromVersion,
                         String toVersion, String reason, List<PlannedStep> steps) {
        this(kind, environment, application, target, fromVersion, toVersion, reason, steps, null);
    }

    public OperationPlan {
        Objects.requireNonNull(kind);
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a plan needs at least one step");
        }
    }
}
