package dev.wheelhouse.app.ui.tasks;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The window's executor: a virtual thread per task, callbacks through Platform.runLater. */
public final class FxUiExecutor implements UiExecutor {
    private static final Logger LOG = LoggerFactory.getLogger(FxUiExecutor.class);

    private final ExecutorService workers =
            Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("wheelhouse-ui-task-", 0).factory());
    private final AtomicBoolean closed = new AtomicBoolean();

    @Override
    public <T> TaskHandle execute(BackgroundTask<T> task) {
        AtomicBoolean cancelled = new AtomicBoolean();
        Future<?> future;
        try {
            future = workers.submit(() -> {
                T result;
                try {
                    result = task.call();
                } catch (Throwable failure) {
                    LOG.debug("background task '{}' failed", task.name(), failure);
                    deliver(cancelled, () -> task.failed(failure));
                    return;
                }
                deliver(cancelled, () -> task.succeeded(result));
            });
        } catch (RejectedExecutionException shuttingDown) {
            return TaskHandle.DONE;
        }
        return () -> {
            cancelled.set(true);
            future.cancel(true);
        };
    }

    private void deliver(AtomicBoolean cancelled, Runnable callback) {
        if (closed.get() || cancelled.get()) {
            return;
        }
        Platform.runLater(() -> {
            if (!closed.get() && !cancelled.get()) {
                callback.run();
            }
        });
    }

    @Override
    public void onUiThread(Runnable uiWork) {
        if (Platform.isFxApplicationThread()) {
            uiWork.run();
        } else {
            Platform.runLater(uiWork);
        }
    }

    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        workers.shutdown();
        try {
            if (!workers.awaitTermination(3, TimeUnit.SECONDS)) {
                workers.shutdownNow();
            }
        } catch (InterruptedException e) {
            workers.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
