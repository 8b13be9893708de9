package dev.wheelhouse.ops;

/** Set by the operator (a button, Ctrl-C); read by the engine between steps and by long steps. */
public final class CancelSignal {
    private volatile boolean cancelled;

    public static CancelSignal none() {
        return new CancelSignal();
    }

    public void cancel() {
        cancelled = true;
    }

    public boolean isCancelled() {
        return cancelled;
    }
}
