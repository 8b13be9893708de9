package dev.wheelhouse.ops;

/** What a step does. Throwing fails the step (and the operation) with the exception's message. */
@FunctionalInterface
public interface StepAction {
    StepResult run(CancelSignal cancel) throws Exception;
}
