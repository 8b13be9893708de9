package dev.wheelhouse.app.ui.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import javafx.application.Platform;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxToolkit;

/** The window's executor: work off the FX thread, outcome on it, nothing after close. */
class FxUiExecutorFxTest {
    private final FxUiExecutor executor = new FxUiExecutor();

    @BeforeAll
    static void toolkit() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    record Seen(boolean workOnFx, boolean workVirtual, boolean callbackOnFx, Object value) {}

    @Test
    void runsTheWorkInTheBackgroundAndDeliversOnTheFxThread() throws Exception {
        CompletableFuture<Seen> seen = new CompletableFuture<>();
        AtomicBoolean[] work = {new AtomicBoolean(), new AtomicBoolean()};
        BackgroundTask.of("answer", () -> {
                    work[0].set(Platform.isFxApplicationThread());
                    work[1].set(Thread.currentThread().isVirtual());
                    return 42;
                })
                .onSuccess(v -> seen.complete(new Seen(work[0].get(), work[1].get(), Platform.isFxApplicationThread(), v)))
                .onFailure(seen::completeExceptionally)
                .executeWith(executor);

        assertThat(seen.get(5, TimeUnit.SECONDS)).isEqualTo(new Seen(false, true, true, 42));
    }

    @Test
    void aFailureIsDeliveredOnTheFxThreadAndDescribedWithoutAStackTrace() throws Exception {
        CompletableFuture<String> failure = new CompletableFuture<>();
        BackgroundTask.of("fail", () -> {
                    throw new java.nio.file.NoSuchFileException("/x/workspace.yaml");
                })
                .onSuccess(v -> failure.complete("succeeded?"))
                .onFailure(t -> failure.complete(Platform.isFxApplicationThread() + " " + UiExecutor.describe(t)))
                .executeWith(executor);

        assertThat(failure.get(5, TimeUnit.SECONDS)).isEqualTo("true /x/workspace.yaml: no such file or directory");
        assertThat(UiExecutor.describe(new IOException())).isEqualTo("IOException");
    }

    @Test
    void afterCloseNoCallbackRuns() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicBoolean called = new AtomicBoolean();
        BackgroundTask.of("slow", () -> {
                    started.countDown();
                    release.await();
                    return 1;
                })
                .onSuccess(v -> called.set(true))
                .onFailure(t -> called.set(true))
                .executeWith(executor);
        assertThat(started.await(5, TimeUnit.SECONDS)).isTrue();

        // Closed first, then the work finishes: its result must be dropped.
        Thread.ofVirtual().start(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            release.countDown();
        });
        executor.close();
        CompletableFuture<Void> fxQueueDrained = new CompletableFuture<>();
        Platform.runLater(() -> fxQueueDrained.complete(null));
        fxQueueDrained.get(5, TimeUnit.SECONDS);

        assertThat(called).isFalse();
        assertThat(executor.execute(BackgroundTask.of("late", () -> 1).onSuccess(v -> called.set(true))))
                .isSameAs(TaskHandle.DONE);
    }
}
