package dev.wheelhouse.app.ui.tasks;

/**
 * Runs each task at once on the calling thread and calls back before execute() returns: for
 * view-model tests, which then need neither a toolkit nor any waiting.
 */
public final class CurrentThreadUiExecutor implements UiExecutor {

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        T result;
        try {
            result = task.call();
        } catch (Throwable failure) {
            task.failed(failure);
            return TaskHandle.DONE;
        }
        task.succeeded(result);
        return TaskHandle.DONE;
    }

    @Override
    public void onUiThread(Runnable uiWork) {
        uiWork.run();
    }

    @Override
    public void close() {}
}
