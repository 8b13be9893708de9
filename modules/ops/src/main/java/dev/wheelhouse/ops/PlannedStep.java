package dev.wheelhouse.ops;

import java.util.Objects;

/**
 * A step of a plan: its name (as journaled), its phase and what it does. A {@code tolerated}
 * step may fail without failing the operation: it is journaled FAILED and the plan goes on,
 * and a later step judges (one host of a batch, whose batch may allow some failures).
 */
public record PlannedStep(String name, StepPhase phase, StepAction action, boolean tolerated) {
    public PlannedStep {
        Objects.requireNonNull(name);
        Objects.requireNonNull(phase);
        Objects.requireNonNull(action);
    }

    public PlannedStep(String name, StepPhase phase, StepAction action) {
        this(name, phase, action, false);
    }

    public static PlannedStep tolerated(String name, StepPhase phase, StepAction action) {
        return new PlannedStep(name, phase, action, true);
    }

    public static PlannedStep of(StepPhase phase, StepAction action) {
        return new PlannedStep(phase.id(), phase, action);
    }
}
