package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.ops.StepPhase;

/** What each phase of an operation does, in the words the confirmation page shows. */
final class StepDescriptions {
    private StepDescriptions() {}

    static String of(StepPhase phase) {
        return switch (phase) {
            case PREFLIGHT -> "check again that nothing changed since the plan was made";
            case LOCK -> "take the application's lock in this environment, so no one else changes it meanwhile";
            case EXECUTE -> "make the change";
            case WATCH -> "watch the rollout until every replica runs the new template";
            case VERIFY -> "verify: all available, no crash loops, health check";
            case RECORD -> "record where things stand and release the lock";
        };
    }
}
