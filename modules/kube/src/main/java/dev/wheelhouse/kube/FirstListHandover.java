package dev.wheelhouse.kube;

/**
 * A feed's first list being handed to its handler. Fabric8 hands the listed items over after
 * the informer has synced, on its own thread, so the feed counts them: its first list is out
 * once it has been handed as many items as its store held at the sync, and its items then go
 * out in one batch (a flush amid them sent a handful of pods and held the thousands after them
 * back a whole coalescing interval). Each method that can complete the handover returns true
 * to the one caller that completed it. Thread-safe.
 */
final class FirstListHandover {
    private int size = -1;
    private int handed;
    private long syncedNanos;
    private boolean out;

    /** The informer synced with {@code size} items in its store. */
    synchronized boolean synced(int size, long nowNanos) {
        this.size = size;
        this.syncedNanos = nowNanos;
        return completeIfAllHanded();
    }

    /** One more item handed to the handler. */
    synchronized boolean handed() {
        handed++;
        return completeIfAllHanded();
    }

    /** Should the count come short, the handover ends anyway this long after the sync. */
    synchronized boolean overdue(long nowNanos, long graceNanos) {
        if (out || size < 0 || nowNanos - syncedNanos < graceNanos) {
            return false;
        }
        out = true;
        return true;
    }

    /** The feed turned live another way (its watch came up after a failed first list). */
    synchronized void end() {
        out = true;
    }

    synchronized boolean out() {
        return out;
    }

    /** Synced, and items still being handed over. */
    synchronized boolean inProgress() {
        return size >= 0 && !out;
    }

    private boolean completeIfAllHanded() {
        if (out || size < 0 || handed < size) {
            return false;
        }
        out = true;
        return true;
    }
}
