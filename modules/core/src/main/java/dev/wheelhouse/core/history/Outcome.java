package dev.wheelhouse.core.history;

/** How an operation ended; RUNNING until it is finished (or forever, if the process died). */
public enum Outcome {
    RUNNING, SUCCEEDED, FAILED, CANCELLED, ROLLED_BACK
}
