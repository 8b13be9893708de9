package dev.wheelhouse.core.hosts;

import java.time.Instant;

/** Receives a followed log's lines, in order, on the follow's own thread. */
public interface LogListener {
    void line(String line);

    /**
     * A line and the time its source stamped it (a pod's log is read with timestamps, as
     * {@code kubectl logs --timestamps}); the line is the message alone. A listener that has no
     * use for the time takes the message as any other line.
     */
    default void line(Instant at, String line) {
        line(line);
    }

    /** The follow stopped by itself (the remote command ended, or the connection dropped; it resumes after a reconnect). */
    default void interrupted(String reason) {}
}
