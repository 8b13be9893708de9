package dev.wheelhouse.core.hosts;

/** Receives a followed log's lines, in order, on the follow's own thread. */
public interface LogListener {
    void line(String line);

    /** The follow stopped by itself (the remote command ended, or the connection dropped; it resumes after a reconnect). */
    default void interrupted(String reason) {}
}
