package dev.wheelhouse.ops;

/** The phases of every operation, in order; a plan names its steps after them. */
public enum StepPhase {
    PREFLIGHT, LOCK, EXECUTE, WATCH, VERIFY, RECORD;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
