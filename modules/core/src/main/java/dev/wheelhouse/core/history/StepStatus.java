package dev.wheelhouse.core.history;

/** A step's state: STARTED is written before the step runs, the others after. */
public enum StepStatus {
    STARTED, SUCCEEDED, FAILED, SKIPPED, CANCELLED
}
