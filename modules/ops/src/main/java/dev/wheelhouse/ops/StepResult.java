package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.StepStatus;

/** How a step ended and its short output (journaled: never a secret). */
public record StepResult(StepStatus status, String output) {
    public StepResult {
        if (status == StepStatus.STARTED) {
            throw new IllegalArgumentException("a finished step cannot be STARTED");
        }
        output = output == null ? "" : output;
    }

    public static StepResult ok(String output) {
        return new StepResult(StepStatus.SUCCEEDED, output);
    }

    public static StepResult skipped(String why) {
        return new StepResult(StepStatus.SKIPPED, why);
    }

    public static StepResult failed(String why) {
        return new StepResult(StepStatus.FAILED, why);
    }
}
