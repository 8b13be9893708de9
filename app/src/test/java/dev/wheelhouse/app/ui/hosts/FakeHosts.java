package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostReport;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.LogSource;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import dev.wheelhouse.core.workspace.HostRef;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** Hand-made gateway and sessions: the test says what each host's states and samples are. */
final class FakeHosts {
    private FakeHosts() {}

    static final Instant T0 = Instant.parse("2026-11-27T10:00:00Z");

    static HostMetricsSample sample(String host, int second, Double cpu) {
        return new HostMetricsSample(host, T0.plusSeconds(second), Duration.ofHours(50), 4, cpu,
                new HostMetricsSample.Memory(8L << 30, 6L << 30, 0, 0), new HostMetricsSample.Load(0.5, 0.4, 0.3),
                List.of(new HostMetricsSample.FilesystemUsage("/dev/sda1", "/", 100L << 30, 40L << 30, 60L << 30, 1000L, 100L)),
                List.of(new HostMetricsSample.NetworkRate("eth0", 1000, 2000, 1500.0, 300.0)),
                null);
    }

    static ConnectionState state(ConnectionState.Phase phase, String error) {
        return new ConnectionState(phase, "root@127.0.0.1:22", error, phase == ConnectionState.Phase.UP ? HostKeyStatus.KNOWN : HostKeyStatus.NOT_CHECKED,
                T0, 0, null, null);
    }

    static final class Session implements HostSession {
        final String alias;
        final List<Consumer<ConnectionState>> stateListeners = new CopyOnWriteArrayList<>();
        final List<Consumer<HostMetricsSample>> sampleListeners = new CopyOnWriteArrayList<>();
        final List<HostMetricsSample> recent = new ArrayList<>();
        final List<LogListener> follows = new CopyOnWriteArrayList<>();
        final List<LogSource> followed = new CopyOnWriteArrayList<>();
        volatile ConnectionState state;
        volatile MetricsSpec metrics;
        volatile boolean closed;
        volatile int reconnects;
        volatile int followsClosed;

        Session(String alias) {
            this.alias = alias;
            this.state = new ConnectionState(ConnectionState.Phase.CONNECTING, alias, null, HostKeyStatus.NOT_CHECKED, T0, 0, null, null);
        }

        void publish(ConnectionState s) {
            state = s;
            stateListeners.forEach(l -> l.accept(s));
        }

        void emit(HostMetricsSample s) {
            sampleListeners.forEach(l -> l.accept(s));
        }

        @Override
        public String alias() {
            return alias;
        }

        @Override
        public ConnectionState state() {
            return state;
        }

        @Override
        public Subscription onState(Consumer<ConnectionState> listener) {
            stateListeners.add(listener);
            listener.accept(state);
            return () -> stateListeners.remove(listener);
        }

        @Override
        public void startMetrics(MetricsSpec spec) {
            metrics = spec;
        }

        @Override
        public void stopMetrics() {
            metrics = null;
        }

        @Override
        public Subscription onSample(Consumer<HostMetricsSample> listener) {
            sampleListeners.add(listener);
            return () -> sampleListeners.remove(listener);
        }

        @Override
        public List<HostMetricsSample> recentSamples() {
            return List.copyOf(recent);
        }

        @Override
        public Subscription followLog(LogSource source, LogListener listener) {
            follows.add(listener);
            followed.add(source);
            return () -> {
                if (follows.remove(listener)) {
                    followsClosed++;
                }
            };
        }

        @Override
        public void reconnect() {
            reconnects++;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    static final class Gateway implements HostGateway {
        final Map<String, Session> sessions = new LinkedHashMap<>();
        final List<UnknownHostKey> trusted = new CopyOnWriteArrayList<>();

        @Override
        public synchronized HostSession session(HostRef host) {
            return sessions.computeIfAbsent(host.alias(), Session::new);
        }

        Session get(String alias) {
            return sessions.get(alias);
        }

        @Override
        public HostReport probe(HostRef host, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void trust(UnknownHostKey key) {
            trusted.add(key);
        }

        @Override
        public void close() {}
    }

    /** Collects the flushes asked for; the test runs them when it likes. */
    static final class ManualScheduler implements HostsViewModel.FlushScheduler {
        final List<Runnable> pending = new ArrayList<>();

        @Override
        public synchronized void schedule(Runnable flush) {
            pending.add(flush);
        }

        synchronized int runAll() {
            List<Runnable> now = List.copyOf(pending);
            pending.clear();
            now.forEach(Runnable::run);
            return now.size();
        }
    }
}
