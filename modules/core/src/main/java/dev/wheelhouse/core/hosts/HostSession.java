package dev.wheelhouse.core.hosts;

import java.util.List;
import java.util.function.Consumer;

/**
 * One host's persistent connection: it reconnects by itself with backoff, and restarts its
 * metrics stream and log follows after each reconnect. Listeners are called on the session's
 * own threads and must do no slow work (hand off to the UI's coalescing executor).
 */
public interface HostSession extends AutoCloseable {

    String alias();

    ConnectionState state();

    /** Called on every state change; the current state is delivered at once. */
    Subscription onState(Consumer<ConnectionState> listener);

    /**
     * Starts (or restarts with a new spec) the host's one metrics stream: a single remote
     * command that prints a sample every interval over this connection.
     */
    void startMetrics(MetricsSpec spec);

    void stopMetrics();

    Subscription onSample(Consumer<HostMetricsSample> listener);

    /** The most recent samples, oldest first (a bounded ring buffer). */
    List<HostMetricsSample> recentSamples();

    /**
     * Follows a journal or a file: the last lines, then new ones as they come, until the
     * returned subscription is closed. Survives reconnects (the last lines are sent again).
     */
    Subscription followLog(LogSource source, LogListener listener);

    /** Tries again now (for instance after the user accepted a host key); does not block. */
    void reconnect();

    @Override
    void close();
}
