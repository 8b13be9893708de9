package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The hosts of one environment, live. Sessions are opened and metrics started in the
 * background; states and samples arrive on the sessions' threads, are collected here and
 * applied to the cards in one batch at most every {@link #FLUSH_PERIOD} (one FX update for all
 * hosts). A host that is down only changes its own card.
 */
public final class HostsViewModel implements AutoCloseable {
    public static final Duration FLUSH_PERIOD = Duration.ofMillis(250);
    public static final int SERIES_LIMIT = 150;

    /** When to run the next batched flush: after a period in the window; by hand in tests. */
    @FunctionalInterface
    public interface FlushScheduler {
        void schedule(Runnable flush);

        static FlushScheduler after(Duration delay) {
            return flush -> Thread.ofVirtual().name("wheelhouse-hosts-flush").start(() -> {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    return;
                }
                flush.run();
            });
        }
    }

    private final HostGateway gateway;
    private final UiExecutor executor;
    private final FlushScheduler scheduler;
    private final MetricsSpec spec;
    private final ObservableList<HostCardModel> hosts = FXCollections.observableArrayList();
    private final ObservableList<HostCardModel> hostsView = FXCollections.unmodifiableObservableList(hosts);
    private final Map<String, HostCardModel> byAlias = new LinkedHashMap<>();

    private final Object lock = new Object();
    private Map<String, ConnectionState> pendingStates = new LinkedHashMap<>();
    private Map<String, List<HostMetricsSample>> pendingSamples = new LinkedHashMap<>();
    private boolean flushScheduled;
    private boolean closed;
    private final List<Subscription> subscriptions = new CopyOnWriteArrayList<>();
    private final List<HostSession> sessions = new CopyOnWriteArrayList<>();
    private int flushes;

    public HostsViewModel(HostGateway gateway, Environment environment, UiExecutor executor, FlushScheduler scheduler, MetricsSpec spec) {
        this.gateway = Objects.requireNonNull(gateway);
        this.executor = Objects.requireNonNull(executor);
        this.scheduler = Objects.requireNonNull(scheduler);
        this.spec = spec == null ? MetricsSpec.defaults() : spec;
        for (HostRef ref : environment.hosts()) {
            HostCardModel card = new HostCardModel(ref, SERIES_LIMIT);
            byAlias.put(ref.alias(), card);
            hosts.add(card);
        }
    }

    public ObservableList<HostCardModel> hosts() {
        return hostsView;
    }

    public MetricsSpec spec() {
        return spec;
    }

    /** How many batched updates have been applied (for tests and diagnostics). */
    public int flushes() {
        return flushes;
    }

    /** Opens every host's session and starts its metrics, each in its own background task. */
    public void start() {
        for (HostCardModel card : hosts) {
            BackgroundTask.running("open host " + card.alias(), () -> open(card))
                    .onFailure(t -> card.noticeProperty().set("Could not start: " + UiExecutor.describe(t)))
                    .executeWith(executor);
        }
    }

    private void open(HostCardModel card) {
        HostSession session = gateway.session(card.ref());
        synchronized (lock) {
            if (closed) {
                session.close();
                return;
            }
            sessions.add(session);
        }
        card.session(session);
        String alias = card.alias();
        subscriptions.add(session.onSample(sample -> offerSamples(alias, List.of(sample))));
        subscriptions.add(session.onState(state -> offerState(alias, state)));
        offerSamples(alias, session.recentSamples());
        session.startMetrics(spec);
    }

    /** From any thread: a host's new state; only the newest per host is kept until the flush. */
    public void offerState(String alias, ConnectionState state) {
        boolean schedule;
        synchronized (lock) {
            if (closed) {
                return;
            }
            pendingStates.put(alias, state);
            schedule = markScheduled();
        }
        if (schedule) {
            scheduleFlush();
        }
    }

    /** From any thread: new samples of a host, all kept (bounded) until the flush. */
    public void offerSamples(String alias, List<HostMetricsSample> samples) {
        if (samples.isEmpty()) {
            return;
        }
        boolean schedule;
        synchronized (lock) {
            if (closed) {
                return;
            }
            List<HostMetricsSample> list = pendingSamples.computeIfAbsent(alias, a -> new ArrayList<>());
            list.addAll(samples);
            if (list.size() > SERIES_LIMIT) {
                list.subList(0, list.size() - SERIES_LIMIT).clear();
            }
            schedule = markScheduled();
        }
        if (schedule) {
            scheduleFlush();
        }
    }

    private boolean markScheduled() {
        if (flushScheduled) {
            return false;
        }
        flushScheduled = true;
        return true;
    }

    private void scheduleFlush() {
        scheduler.schedule(() -> executor.onUiThread(this::flush));
    }

    /** FX thread: applies everything collected since the last flush, in one go. */
    void flush() {
        Map<String, ConnectionState> states;
        Map<String, List<HostMetricsSample>> samples;
        synchronized (lock) {
            flushScheduled = false;
            if (closed) {
                return;
            }
            states = pendingStates;
            samples = pendingSamples;
            pendingStates = new LinkedHashMap<>();
            pendingSamples = new LinkedHashMap<>();
        }
        samples.forEach((alias, list) -> {
            HostCardModel card = byAlias.get(alias);
            if (card != null) {
                card.addSamples(list);
            }
        });
        states.forEach((alias, state) -> {
            HostCardModel card = byAlias.get(alias);
            if (card != null) {
                card.stateProperty().set(state);
            }
        });
        flushes++;
    }

    /** The user accepted the unknown key: record it and reconnect, in the background. */
    public void acceptHostKey(HostCardModel card, UnknownHostKey key) {
        card.keyRefusedProperty().set(false);
        card.noticeProperty().set("Saving the key of " + key.knownHostsName() + " and reconnecting…");
        BackgroundTask.running("trust host key of " + card.alias(), () -> {
                    gateway.trust(key);
                    HostSession session = card.session();
                    if (session != null) {
                        session.reconnect();
                    }
                })
                .onSuccess(ignored -> card.noticeProperty().set("Key " + key.fingerprint() + " saved; reconnecting."))
                .onFailure(t -> card.noticeProperty().set("Could not save the key: " + UiExecutor.describe(t)))
                .executeWith(executor);
    }

    /** The user refused the unknown key: the host stays down and is not asked about again. */
    public void refuseHostKey(HostCardModel card) {
        card.keyRefusedProperty().set(true);
        card.noticeProperty().set("Host key refused; the host stays disconnected.");
    }

    /** Tries the host again now (and asks about an unknown key again). */
    public void reconnect(HostCardModel card) {
        card.keyRefusedProperty().set(false);
        HostSession session = card.session();
        if (session == null) {
            return;
        }
        BackgroundTask.running("reconnect " + card.alias(), session::reconnect)
                .onFailure(t -> card.noticeProperty().set("Could not reconnect: " + UiExecutor.describe(t)))
                .executeWith(executor);
    }

    /** Stops the listeners, the metrics streams and the sessions, in the background; idempotent. */
    @Override
    public void close() {
        List<Subscription> subs;
        List<HostSession> open;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            subs = List.copyOf(subscriptions);
            open = List.copyOf(sessions);
            subscriptions.clear();
            sessions.clear();
        }
        subs.forEach(Subscription::close);
        // Closing a session closes its channels and socket: not on the FX thread.
        BackgroundTask.running("close hosts", () -> open.forEach(s -> {
                    try {
                        s.stopMetrics();
                    } finally {
                        s.close();
                    }
                }))
                .executeWith(executor);
    }

    public boolean isClosed() {
        synchronized (lock) {
            return closed;
        }
    }
}
