package dev.wheelhouse.app.ui;

import static org.junit.jupiter.api.Assertions.fail;

import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.CompletableFuture;
import javafx.application.Platform;

/**
 * Waits for background work to show: the condition is evaluated on the FX thread. The limits
 * are generous because the build machines are shared (load averages above 10 on 2 cores were
 * seen): they only bound how long a failing test takes, never what passes.
 */
public final class FxWait {
    private static final long WAIT_SECONDS = 30;

    private FxWait() {}

    public static void until(String what, Callable<Boolean> condition) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            try {
                if (Boolean.TRUE.equals(quietly(condition).get(WAIT_SECONDS, TimeUnit.SECONDS))) {
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

    /** Waits until a value read on the FX thread passes the test; a timeout says the last value read. */
    public static <T> void until(String what, Callable<T> value, java.util.function.Predicate<T> test) {
        java.util.concurrent.atomic.AtomicReference<Object> last = new java.util.concurrent.atomic.AtomicReference<>("(never read)");
        try {
            until(what, () -> {
                T v = value.call();
                last.set(v);
                return test.test(v);
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; last seen: " + last.get(), e);
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
            return quietly(read).get(WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("reading on the FX thread failed", e);
        }
    }
}
