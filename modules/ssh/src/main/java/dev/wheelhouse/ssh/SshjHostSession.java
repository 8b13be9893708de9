package dev.wheelhouse.ssh;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.ConnectionState.Phase;
import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.LogSource;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import dev.wheelhouse.ssh.metrics.MetricsBlockParser;
import dev.wheelhouse.ssh.metrics.SampleAssembler;
import dev.wheelhouse.ssh.remote.RemoteCommands;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One host's persistent connection, run by its own virtual thread: connect, stay UP while the
 * connection lives (SSHJ's keep-alive drops a dead one), on a drop go DOWN with the reason and
 * retry after a backoff delay, and restart the metrics stream and log follows after each
 * reconnect. A refused host key is not retried until {@link #reconnect()}.
 */
final class SshjHostSession implements HostSession {
    private static final Logger LOG = LoggerFactory.getLogger(SshjHostSession.class);
    private static final Duration POLL = Duration.ofSeconds(1);

    private final HostRef ref;
    private final Connector connector;
    private final SshSettings settings;
    private final Runnable onClosed;

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition woken = lock.newCondition();
    private boolean wake;

    private final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
    private final List<Consumer<HostMetricsSample>> sampleListeners = new CopyOnWriteArrayList<>();
    private final List<Follow> follows = new CopyOnWriteArrayList<>();
    private final ArrayDeque<HostMetricsSample> recent = new ArrayDeque<>();

    private volatile ConnectionState state;
    private volatile Connection connection;
    private volatile boolean closed;
    private volatile MetricsSpec metricsSpec;
    private Stream metrics; // guarded by lock

    SshjHostSession(HostRef ref, Connector connector, SshSettings settings, Runnable onClosed) {
        this.ref = ref;
        this.connector = connector;
        this.settings = settings;
        this.onClosed = onClosed;
        this.state = new ConnectionState(Phase.CONNECTING, describeTarget(), null, HostKeyStatus.NOT_CHECKED, Instant.now(), 0, null, null);
        Thread.ofVirtual().name("wheelhouse-ssh-" + ref.alias()).start(this::run);
    }

    HostRef ref() {
        return ref;
    }

    private String describeTarget() {
        try {
            return connector.resolve(ref).target();
        } catch (RuntimeException e) {
            return ref.alias();
        }
    }

    @Override
    public String alias() {
        return ref.alias();
    }

    @Override
    public ConnectionState state() {
        return state;
    }

    @Override
    public Subscription onState(Consumer<ConnectionState> listener) {
        stateListeners.add(listener);
        safely(listener, state);
        return () -> stateListeners.remove(listener);
    }

    @Override
    public Subscription onSample(Consumer<HostMetricsSample> listener) {
        sampleListeners.add(listener);
        return () -> sampleListeners.remove(listener);
    }

    @Override
    public List<HostMetricsSample> recentSamples() {
        synchronized (recent) {
            return List.copyOf(recent);
        }
    }

    @Override
    public void startMetrics(MetricsSpec spec) {
        lock.lock();
        try {
            metricsSpec = spec;
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
            Connection c = connection;
            if (c != null && !closed) {
                metrics = startMetricsStream(c, spec);
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void stopMetrics() {
        lock.lock();
        try {
            metricsSpec = null;
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription followLog(LogSource source, LogListener listener) {
        Follow follow = new Follow(source, listener);
        follows.add(follow);
        Connection c = connection;
        if (c != null && !closed) {
            follow.start(c);
        }
        return () -> {
            follows.remove(follow);
            follow.stop();
        };
    }

    @Override
    public void reconnect() {
        signal();
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        Connection c = connection;
        if (c != null) {
            c.close();
        }
        signal();
        onClosed.run();
    }

    // ---- the supervising thread ----

    private void run() {
        int attempt = 0;
        boolean everUp = false;
        String lastError = null;
        while (!closed) {
            publish(new ConnectionState(everUp ? Phase.RECONNECTING : Phase.CONNECTING, state.target(), lastError,
                    state.hostKey(), Instant.now(), attempt, null, null));
            Connection c = null;
            try {
                c = connector.connect(ref, settings.hostKeyDecision());
                if (closed) {
                    break;
                }
                Connection live = c;
                c.client().getTransport().setDisconnectListener((reason, message) -> {
                    String why = message == null || message.isBlank() ? "" : " (" + message + ")";
                    live.dropped("connection lost" + (reason == null || reason == net.schmizz.sshj.common.DisconnectReason.UNKNOWN ? why : ": " + reason + why));
                    signal();
                });
                everUp = true;
                attempt = 0;
                connection = c;
                publish(new ConnectionState(Phase.UP, c.target(), lastError, c.hostKey(), Instant.now(), 0, null, null));
                startStreams(c);
                lastError = awaitDrop(c);
                if (closed) {
                    break;
                }
                LOG.info("{}: {}", ref.alias(), lastError);
            } catch (HostConnectException e) {
                lastError = e.getMessage();
                LOG.info("{}: {}", ref.alias(), lastError);
                if (e.hostKeyRefused()) {
                    UnknownHostKey unknown = e.unknownKey();
                    publish(new ConnectionState(Phase.DOWN, state.target(), lastError, e.hostKey(), Instant.now(), attempt, null, unknown));
                    awaitSignal(null);
                    attempt = 0;
                    continue;
                }
            } catch (RuntimeException e) {
                lastError = "unexpected failure: " + e;
                LOG.warn("{}: session failure", ref.alias(), e);
            } finally {
                connection = null;
                stopStreams();
                if (c != null) {
                    c.close();
                }
            }
            if (closed) {
                break;
            }
            attempt++;
            Duration delay = settings.backoff().delay(attempt, ThreadLocalRandom.current());
            publish(new ConnectionState(Phase.DOWN, state.target(), lastError, state.hostKey(), Instant.now(), attempt,
                    Instant.now().plus(delay), null));
            awaitSignal(delay);
        }
        publish(new ConnectionState(Phase.CLOSED, state.target(), state.lastError(), state.hostKey(), Instant.now(), 0, null, null));
    }

    /** Blocks until the connection dies (returns why) or the session closes. */
    private String awaitDrop(Connection c) {
        while (!closed) {
            awaitSignal(POLL);
            if (!c.alive()) {
                // The transport may note its reason a moment after it stops running.
                awaitSignal(Duration.ofMillis(100));
                return c.dropReason() != null ? c.dropReason() : "connection lost";
            }
        }
        return null;
    }

    private void startStreams(Connection c) {
        lock.lock();
        try {
            MetricsSpec spec = metricsSpec;
            if (spec != null && metrics == null) {
                metrics = startMetricsStream(c, spec);
            }
        } finally {
            lock.unlock();
        }
        for (Follow follow : follows) {
            follow.start(c);
        }
    }

    private void stopStreams() {
        lock.lock();
        try {
            if (metrics != null) {
                metrics.close();
                metrics = null;
            }
        } finally {
            lock.unlock();
        }
        for (Follow follow : follows) {
            follow.connectionLost();
        }
    }

    private void publish(ConnectionState next) {
        state = next;
        for (Consumer<ConnectionState> listener : stateListeners) {
            safely(listener, next);
        }
    }

    private <T> void safely(Consumer<T> listener, T value) {
        try {
            listener.accept(value);
        } catch (RuntimeException e) {
            LOG.warn("{}: a listener failed", ref.alias(), e);
        }
    }

    private void signal() {
        lock.lock();
        try {
            wake = true;
            woken.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for {@link #signal()} or the timeout (null: no timeout). */
    private void awaitSignal(Duration timeout) {
        lock.lock();
        try {
            if (timeout == null) {
                while (!wake && !closed) {
                    woken.await();
                }
            } else {
                long nanos = timeout.toNanos();
                while (!wake && !closed && nanos > 0) {
                    nanos = woken.awaitNanos(nanos);
                }
            }
            wake = false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closed = true;
        } finally {
            lock.unlock();
        }
    }

    // ---- metrics ----

    private Stream startMetricsStream(Connection c, MetricsSpec spec) {
        Stream stream = new Stream();
        Thread.ofVirtual().name("wheelhouse-ssh-metrics-" + ref.alias()).start(() -> {
            while (!stream.stopped && c.alive()) {
                SampleAssembler assembler = new SampleAssembler(ref.alias(), spec.service());
                MetricsBlockParser parser = new MetricsBlockParser(raw -> deliver(assembler.next(raw, Instant.now())));
                try (RemoteStream remote = RemoteStream.start(c.client(), RemoteCommands.metrics(spec))) {
                    if (!stream.attach(remote)) {
                        return;
                    }
                    Integer exit = remote.pump(parser::line);
                    if (stream.stopped) {
                        return;
                    }
                    LOG.info("{}: the metrics command ended (exit status {}); restarting it", ref.alias(), exit);
                } catch (IOException e) {
                    if (stream.stopped || !c.alive()) {
                        return;
                    }
                    LOG.info("{}: metrics stream failed: {}", ref.alias(), e.toString());
                }
                // Something ended the command on a live connection: try again, not in a tight loop.
                sleep(spec.interval().multipliedBy(5));
            }
        });
        return stream;
    }

    private void deliver(HostMetricsSample sample) {
        synchronized (recent) {
            recent.addLast(sample);
            while (recent.size() > Math.max(1, settings.sampleHistory())) {
                recent.removeFirst();
            }
        }
        for (Consumer<HostMetricsSample> listener : sampleListeners) {
            safely(listener, sample);
        }
    }

    private static void sleep(Duration d) {
        try {
            Thread.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** A running remote stream that can be stopped from another thread. */
    private static final class Stream {
        volatile boolean stopped;
        private RemoteStream remote;

        synchronized boolean attach(RemoteStream r) {
            if (stopped) {
                r.close();
                return false;
            }
            remote = r;
            return true;
        }

        synchronized void close() {
            stopped = true;
            if (remote != null) {
                remote.close();
            }
        }
    }

    // ---- log follows ----

    /** One followed log: restarted on each reconnect until its subscription is closed. */
    private final class Follow {
        private final LogSource source;
        private final LogListener listener;
        private volatile boolean cancelled;
        private Stream current; // guarded by this

        Follow(LogSource source, LogListener listener) {
            this.source = source;
            this.listener = listener;
        }

        synchronized void start(Connection c) {
            if (cancelled || (current != null && !current.stopped)) {
                return;
            }
            Stream stream = new Stream();
            current = stream;
            Thread.ofVirtual().name("wheelhouse-ssh-log-" + ref.alias()).start(() -> {
                String reason;
                try (RemoteStream remote = RemoteStream.start(c.client(), RemoteCommands.follow(source))) {
                    if (!stream.attach(remote)) {
                        return;
                    }
                    Integer exit = remote.pump(line -> {
                        if (!stream.stopped) {
                            listener.line(line);
                        }
                    });
                    reason = "the follow command ended (exit status " + exit + ")";
                } catch (IOException e) {
                    reason = c.alive() ? "follow failed: " + e.getMessage() : "connection lost";
                } catch (RuntimeException e) {
                    LOG.warn("{}: a log listener failed", ref.alias(), e);
                    reason = "follow failed: " + e;
                }
                if (!stream.stopped && !cancelled) {
                    listener.interrupted(reason);
                }
                stream.stopped = true;
            });
        }

        synchronized void connectionLost() {
            if (current != null) {
                current.close();
                current = null;
                if (!cancelled) {
                    listener.interrupted("connection lost; resumes after the reconnect");
                }
            }
        }

        synchronized void stop() {
            cancelled = true;
            if (current != null) {
                current.close();
                current = null;
            }
        }
    }
}
