package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;

/** Progress of a running operation, called on the engine's thread after each journal write. */
public interface OperationListener {
    OperationListener NONE = new OperationListener() {};

    default void operationStarted(long operationId, OperationPlan plan) {}

    default void stepStarted(long operationId, int sequence, PlannedStep step) {}

    default void stepFinished(long operationId, int sequence, PlannedStep step, StepStatus status, String output) {}

    default void operationFinished(long operationId, Outcome outcome) {}
}
