package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.ops.LockGateway;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.LockKey;
import java.time.Duration;
import java.util.Optional;

/**
 * Holds an operation lock while the operation runs: takes it, renews it every third of its
 * duration on a virtual thread (so it expires soon after the process dies, never while it
 * lives), and releases it at the end.
 */
final class LeaseKeeper implements AutoCloseable {
    private final LockGateway locks;
    private final LockKey key;
    private final String holder;
    private final Duration duration;
    private Thread renewer;
    private volatile boolean lost;
    private volatile boolean released;

    LeaseKeeper(LockGateway locks, LockKey key, String holder, Duration duration) {
        this.locks = locks;
        this.key = key;
        this.holder = holder;
        this.duration = duration;
    }

    /**
     * Takes the lock and starts renewing it; returns what to journal (who held it before, if
     * it was broken).
     */
    synchronized String take(String operation, boolean breakHeld) {
        Optional<LockHolder> before = locks.holder(key);
        LockHolder now = locks.acquire(key, holder, operation, duration, breakHeld);
        released = false;
        if (renewer == null) {
            renewer = Thread.ofVirtual().name("lock-renewer-" + key.name()).start(this::renewLoop);
        }
        String took = "holding " + key.describe() + " as " + now.holder() + " (expires " + duration.toSeconds()
                + " s after the last renewal)";
        return before.filter(b -> !b.holder().equals(holder) && !b.expired(java.time.Instant.now()))
                .map(b -> "BROKE the lock held by " + b.describe() + "; " + took).orElse(took);
    }

    boolean lost() {
        return lost;
    }

    private void renewLoop() {
        long every = Math.max(200, duration.toMillis() / 3);
        while (!released) {
            try {
                Thread.sleep(every);
            } catch (InterruptedException e) {
                return;
            }
            if (released) {
                return;
            }
            try {
                if (!locks.renew(key, holder, duration)) {
                    lost = true;
                    return;
                }
            } catch (RuntimeException e) {
                // A missed renewal is retried at the next tick; the lease outlives three of them.
            }
        }
    }

    /** Releases the lock (once); returns what to journal. */
    synchronized String release() {
        if (released) {
            return "";
        }
        released = true;
        if (renewer != null) {
            renewer.interrupt();
            renewer = null;
        }
        if (lost) {
            return "the lock was taken over by someone else during the operation";
        }
        locks.release(key, holder);
        return "released " + key.describe();
    }

    @Override
    public void close() {
        try {
            release();
        } catch (RuntimeException e) {
            // Releasing is best effort here: an unreleased lease expires on its own.
        }
    }
}
