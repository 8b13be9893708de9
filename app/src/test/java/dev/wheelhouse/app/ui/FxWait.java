package dev.wheelhouse.app.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/** Waits for background work to show: the condition is evaluated on the FX thread. */
public final class FxWait {
    private FxWait() {}

    public static void until(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (true) {
            try {
                if (Boolean.TRUE.equals(quietly(condition).get(5, TimeUnit.SECONDS))) {
                    return;
                }
            } catch (Exception e) {
                // a node not there yet: try again
            }
            if (System.nanoTime() > deadline) {
                fail("timed out waiting until " + what);
            }
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting until " + what);
            }
        }
    }

    /** Runs on the FX thread; a failure stays in the future (WaitForAsyncUtils would print it). */
    private static <T> CompletableFuture<T> quietly(Callable<T> call) {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result;
    }

    /** Reads something on the FX thread. */
    public static <T> T onFx(Callable<T> read) {
        try {
            if (Platform.isFxApplicationThread()) {
                return read.call();
            }
            return quietly(read).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading on the FX thread failed", e);
        }
    }
}
