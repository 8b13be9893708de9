package dev.wheelhouse.app.ui.tasks;

/** A submitted background task: cancelling it means its callbacks never run. */
public interface TaskHandle {
    TaskHandle DONE = () -> {};

    void cancel();
}
