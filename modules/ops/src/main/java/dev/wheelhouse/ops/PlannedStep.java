package dev.wheelhouse.ops;

import java.util.Objects;

/** A step of a plan: its name (as journaled), its phase and what it does. */
public record PlannedStep(String name, StepPhase phase, StepAction action) {
    public PlannedStep {
        Objects.requireNonNull(name);
        Objects.requireNonNull(phase);
        Objects.requireNonNull(action);
    }

    public static PlannedStep of(StepPhase phase, StepAction action) {
        return new PlannedStep(phase.id(), phase, action);
    }
}
