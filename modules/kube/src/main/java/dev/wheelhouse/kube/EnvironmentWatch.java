package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.ClusterBatch;
import dev.wheelhouse.core.cluster.ClusterListener;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.MetricsStatus;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowChange;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live model of one environment: an informer per context x namespace x kind (cluster-scoped
 * kinds once per context), a metrics sampler per context, and one thread (the "loop") that owns
 * the model. Informer handlers only drop the object into a pending map (the latest version of
 * each object wins) and ask for a flush; the loop flushes at most once per coalesce interval:
 * renders the changed objects, builds an immutable snapshot and hands one batch to each listener.
 * Objects are {@link Trim trimmed} to what the views read as they arrive.
 * Several views of one environment share one model: a listener that joins late first gets a
 * batch with every current row.
 *
 * <p>Each context's pods are listed first, its other kinds once the pods have answered (see
 * {@link #startAfterPods}).
 *
 * <p>Feed states: CONNECTING until the first list; LIVE; RECONNECTING when a live feed's watch
 * is down longer than the grace period or its re-list fails (rows kept, marked stale); FORBIDDEN,
 * UNSUPPORTED, UNREACHABLE from the first list's error (Fabric8 keeps retrying with backoff, and
 * the feed turns LIVE when it succeeds); MISCONFIGURED when the kubeconfig cannot give a client,
 * or the watch could not be started at all.
 */
final class EnvironmentWatch implements ClusterSubscription {
    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentWatch.class);
    private static final AtomicLong IDS = new AtomicLong();
    /** Rows in one batch, while the pods come first, from which they are rendered on every core. */
    static final int RENDER_IN_PARALLEL_FROM = 1000;

    private final Environment environment;
    private final KubeClients clients;
    private final List<ClusterListener> listeners = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final KubeOptions options;
    private final Clock clock;
    private final Consumer<EnvironmentWatch> onClose;
    private final ScheduledExecutorService loop;
    private volatile Thread loopThread;

    /** Written only on the loop after start(); read by the poll and the handlers. */
    private final Map<FeedKey, Feed> feeds = new LinkedHashMap<>();
    private final Map<String, MetricsSampler> samplers = new LinkedHashMap<>();
    /** Loop: per context, the feeds that start once its pods have listed. */
    private final Map<String, List<Feed>> waitingForPods = new HashMap<>();

    // Handed over from informer and sampler threads to the loop.
    private final ConcurrentHashMap<RowKey, Change> pending = new ConcurrentHashMap<>();
    private final Set<FeedKey> stateChanged = ConcurrentHashMap.newKeySet();
    private final AtomicBoolean flushScheduled = new AtomicBoolean();
    private volatile boolean feedsDirty = true;
    private volatile boolean metricsDirty;
    private volatile long lastFlushNanos;
    private volatile long lastChangeNanos;

    // Loop-thread state.
    private final Map<FeedKey, Map<String, HasMetadata>> objects = new HashMap<>();
    private final Map<String, Map<RowKey, ResourceRow>> rows = new HashMap<>();
    private final Map<String, List<ResourceRow>> published = new HashMap<>();
    private final Map<RowKey, Usage> latestUsage = new HashMap<>();
    private final Map<String, MetricsStatus> metricsStatuses = new LinkedHashMap<>();
    private long sequence;

    // Any thread.
    private final Map<RowKey, UsageRing> series = new ConcurrentHashMap<>();
    private volatile ClusterSnapshot snapshot;
    private volatile boolean closed;

    private record Change(FeedKey feed, HasMetadata object, boolean deleted) {}

    /** When each object was last offered (System.nanoTime), so a re-list after a reconnect removes only what it may. */
    private final Map<RowKey, Long> touched = new ConcurrentHashMap<>();
    private final Map<String, String> servers = new ConcurrentHashMap<>();

    /** One informer and its state. The state changes under the feed's lock, from any thread. */
    private static final class Feed {
        final FeedKey key;
        final ResourceKind<?> kind;
        final String what;
        final String server;
        KubeClients.Client client;
        SharedIndexInformer<?> informer;
        volatile FeedState state;
        volatile boolean everSynced;
        long notWatchingSince;
        final FirstListHandover firstList = new FirstListHandover();

        Feed(FeedKey key, ResourceKind<?> kind, String server, Instant now) {
            this.key = key;
            this.kind = kind;
            this.what = key.describe(kind.info().plural());
            this.server = server;
            this.state = new FeedState(key, FeedStatus.CONNECTING, "connecting to " + server, now, null);
        }
    }

    EnvironmentWatch(Environment environment, KubeClients clients, KubeOptions options, Clock clock,
            Consumer<EnvironmentWatch> onClose) {
        this.environment = environment;
        this.clients = clients;
        this.options = options;
        this.clock = clock;
        this.onClose = onClose;
        long id = IDS.incrementAndGet();
        this.loop = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "wheelhouse-kube-" + environment.name() + "-" + id);
            t.setDaemon(true);
            loopThread = t;
            return t;
        });
        this.snapshot = new ClusterSnapshot(environment.name(), 0, clock.instant(), List.of(), List.of(), Map.of(),
                MetricsSnapshot.NONE);
    }

    /** Starts the informers and samplers on the loop, so the caller (maybe the FX thread) never waits. */
    EnvironmentWatch start() {
        loop.execute(this::startFeedsOrFail);
        loop.scheduleWithFixedDelay(this::pollWatches, options.watchPoll().toMillis(), options.watchPoll().toMillis(),
                TimeUnit.MILLISECONDS);
        return this;
    }

    /**
     * Loop: an error nothing else expected (a bug, a class missing from the class path) must not
     * end the task silently, leaving the view "connecting" for ever: every list not started
     * says why, in place, and the log has the stack.
     */
    private void startFeedsOrFail() {
        try {
            startFeeds();
        } catch (RuntimeException | LinkageError e) {
            LOG.error("cannot start watching environment {}", environment.name(), e);
            String why = "cannot start watching: " + FeedErrors.rootMessage(e);
            Instant now = clock.instant();
            for (KubeTarget target : environment.kubeTargets()) {
                for (FeedKey key : feedKeys(target.context(), target.namespaces())) {
                    feeds.computeIfAbsent(key, k -> new Feed(k, ResourceKinds.of(k.kind()), servers.getOrDefault(k.context(), ""), now));
                }
                metricsStatuses.putIfAbsent(target.context(), new MetricsStatus(target.context(), MetricsState.FAILED, why, null));
            }
            waitingForPods.clear();
            for (Feed feed : feeds.values()) {
                if (feed.informer == null && feed.state.status() == FeedStatus.CONNECTING) {
                    feed.state = new FeedState(feed.key, FeedStatus.MISCONFIGURED, why, now, null);
                }
            }
            feedsDirty = true;
            metricsDirty = true;
            requestFlush();
        }
    }

    /** One feed per kind and namespace of a context (cluster-scoped kinds once). */
    private static List<FeedKey> feedKeys(String ctx, java.util.Collection<String> namespaces) {
        List<FeedKey> keys = new ArrayList<>();
        for (ResourceKind<?> kind : ResourceKinds.ALL) {
            if (kind.namespaced()) {
                namespaces.forEach(ns -> keys.add(new FeedKey(ctx, ns, kind.kind())));
            } else {
                keys.add(new FeedKey(ctx, "", kind.kind()));
            }
        }
        return keys;
    }

    private void startFeeds() {
        Instant now = clock.instant();
        Map<String, Set<String>> namespacesByContext = new LinkedHashMap<>();
        Map<String, KubeClients.Client> clientByContext = new HashMap<>();
        Map<String, String> problems = new HashMap<>();
        for (KubeTarget target : environment.kubeTargets()) {
            String ctx = target.context();
            Set<String> namespaces = namespacesByContext.computeIfAbsent(ctx, c -> new LinkedHashSet<>());
            try {
                KubeClients.Client client = clientByContext.get(ctx);
                if (client == null && !problems.containsKey(ctx)) {
                    client = clients.client(ctx);
                    clientByContext.put(ctx, client);
                }
                if (client != null) {
                    namespaces.addAll(target.namespaces().isEmpty() ? List.of(client.namespace()) : target.namespaces());
                }
            } catch (KubeconfigException e) {
                problems.put(ctx, e.getMessage());
                namespaces.addAll(target.namespaces());
            }
        }
        for (var entry : namespacesByContext.entrySet()) {
            String ctx = entry.getKey();
            KubeClients.Client client = clientByContext.get(ctx);
            String server = client == null ? "" : client.server();
            servers.put(ctx, server);
            List<FeedKey> keys = feedKeys(ctx, entry.getValue());
            List<Feed> later = new ArrayList<>();
            for (FeedKey key : keys) {
                Feed feed = new Feed(key, ResourceKinds.of(key.kind()), server, now);
                feed.client = client;
                feeds.put(key, feed);
                if (client == null) {
                    feed.state = new FeedState(key, FeedStatus.MISCONFIGURED, problems.get(ctx), now, null);
                } else if (key.kind().equals(ResourceKinds.POD.kind())) {
                    startInformer(feed, client);
                } else {
                    later.add(feed);
                }
            }
            if (!later.isEmpty()) {
                waitingForPods.put(ctx, later);
                loop.schedule(() -> startAfterPods(ctx), options.podsFirstAtMost().toMillis(), TimeUnit.MILLISECONDS);
            }
            if (client == null) {
                metricsStatuses.put(ctx, new MetricsStatus(ctx, MetricsState.FAILED, problems.get(ctx), null));
            } else {
                metricsStatuses.put(ctx, new MetricsStatus(ctx, MetricsState.COLLECTING, "", null));
                MetricsSampler sampler = new MetricsSampler(ctx, client.client(), server, List.copyOf(entry.getValue()),
                        options.metricsInterval(), clock, this::onSample);
                samplers.put(ctx, sampler);
                if (!waitingForPods.containsKey(ctx)) {
                    sampler.start();
                }
            }
        }
        feedsDirty = true;
        metricsDirty = true;
        requestFlush();
    }

    /**
     * Loop: starts a context's other lists and its metrics sampling (a metrics list of every pod)
     * once its pods have had a first answer (listed,
     * forbidden, unreachable...) and the rows of those listed have gone out, or at the latest
     * after {@link KubeOptions#podsFirstAtMost()}. The pods are by far the largest list of a
     * cluster and the one read first in an incident; listed at once with the 40-odd others, they
     * shared the connection, the JSON parsing and the two cores of a laptop with all of them, and
     * started as soon as the pods had listed, the others still held up their rows
     * (docs/BENCHMARKS.md, Views). Once only.
     */
    private void startAfterPods(String ctx) {
        List<Feed> later = waitingForPods.remove(ctx);
        if (later == null || closed) {
            return;
        }
        later.forEach(feed -> startInformer(feed, feed.client));
        MetricsSampler sampler = samplers.get(ctx);
        if (sampler != null) {
            sampler.start();
        }
        feedsDirty = true;
        requestFlush();
    }

    private List<Feed> podFeeds(String ctx) {
        return feeds.values().stream()
                .filter(f -> f.key.context().equals(ctx) && f.key.kind().equals(ResourceKinds.POD.kind()) && f.informer != null)
                .toList();
    }

    /**
     * Loop, after each flush: a context whose pod lists have all answered, and whose listed pods
     * have all gone out in a batch, starts its other lists. (A feed's answer is a state change,
     * which asks for a flush.)
     */
    private void startAfterPodsAreOut() {
        for (String ctx : List.copyOf(waitingForPods.keySet())) {
            boolean answered = podFeeds(ctx).stream().noneMatch(f -> f.state.status() == FeedStatus.CONNECTING);
            boolean out = pending.keySet().stream()
                    .noneMatch(k -> k.context().equals(ctx) && k.kind().equals(ResourceKinds.POD.kind()));
            if (answered && out) {
                startAfterPods(ctx);
            }
        }
    }

    private <T extends HasMetadata> void startInformer(Feed feed, KubeClients.Client client) {
        @SuppressWarnings("unchecked")
        ResourceKind<T> kind = (ResourceKind<T>) feed.kind;
        SharedIndexInformer<T> informer;
        try {
            informer = kind.informer(client.client(), feed.key.namespace());
        } catch (RuntimeException e) {
            setState(feed, FeedStatus.UNREACHABLE, feed.what + ": " + FeedErrors.rootMessage(e));
            return;
        }
        feed.informer = informer;
        informer.addEventHandler(new ResourceEventHandler<T>() {
            @Override
            public void onAdd(T obj) {
                offer(feed, obj, false);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                offer(feed, newObj, false);
            }

            @Override
            public void onDelete(T obj, boolean deletedFinalStateUnknown) {
                offer(feed, obj, true);
            }
        });
        informer.exceptionHandler((started, t) -> {
            if (closed) {
                return false;
            }
            FeedErrors.Verdict v = FeedErrors.classify(t, feed.key.context(), kind.info().plural(), feed.what, feed.server);
            if (feed.everSynced && v.status() == FeedStatus.UNREACHABLE) {
                setState(feed, FeedStatus.RECONNECTING, "reconnecting: " + v.detail());
            } else {
                setState(feed, v.status(), v.detail());
            }
            LOG.debug("{}: {}", feed.what, v.detail());
            return v.retry();
        });
        informer.start().whenComplete((ok, failure) -> {
            if (closed) {
                return;
            }
            if (failure == null) {
                feed.everSynced = true;
                if (feed.firstList.synced(feed.informer.getStore().list().size(), System.nanoTime())) {
                    setState(feed, FeedStatus.LIVE, "");
                }
            } else if (feed.state.status() == FeedStatus.CONNECTING) {
                FeedErrors.Verdict v = FeedErrors.classify(failure, feed.key.context(), kind.info().plural(), feed.what,
                        feed.server);
                setState(feed, v.status(), v.detail());
            }
        });
    }

    /**
     * Informer thread: no work but trimming the object and a map put. The items of a feed's first
     * list go out together: the feed turns live (a state change, which flushes) once the last of
     * them is handed over ({@link FirstListHandover}).
     */
    private void offer(Feed from, HasMetadata object, boolean deleted) {
        // A nameless object is not kept, but it counts among the first list's items.
        if (object != null && object.getMetadata() != null && object.getMetadata().getName() != null) {
            Trim.trim(object);
            FeedKey feed = from.key;
            RowKey key = new RowKey(feed.context(), feed.kind(), feed.namespace(), object.getMetadata().getName());
            long now = System.nanoTime();
            touched.put(key, now);
            pending.put(key, new Change(feed, object, deleted));
            lastChangeNanos = now;
        }
        if (from.firstList.out()) {
            requestFlush();
        } else if (from.firstList.handed()) {
            setState(from, FeedStatus.LIVE, "");
        }
    }

    private void setState(Feed feed, FeedStatus status, String detail) {
        synchronized (feed) {
            FeedState old = feed.state;
            if (old.status() == status && old.detail().equals(detail)) {
                return;
            }
            Instant now = clock.instant();
            Instant synced = status == FeedStatus.LIVE ? now : old.lastSynced();
            feed.state = new FeedState(feed.key, status, detail, now, synced);
            feed.notWatchingSince = 0;
            if (status == FeedStatus.LIVE && old.status() == FeedStatus.CONNECTING) {
                LOG.debug("{}: live", feed.what);
            } else if (status != old.status()) {
                LOG.info("{}: {} {}", feed.what, status, detail);
            }
        }
        stateChanged.add(feed.key);
        feedsDirty = true;
        lastChangeNanos = System.nanoTime();
        requestFlush();
    }

    /** Loop: a live feed whose watch stays down past the grace period is RECONNECTING, and LIVE again once it watches. */
    private void pollWatches() {
        if (closed) {
            return;
        }
        long now = System.nanoTime();
        for (Feed feed : feeds.values()) {
            SharedIndexInformer<?> informer = feed.informer;
            if (informer == null) {
                continue;
            }
            boolean watching = informer.isWatching();
            FeedStatus status = feed.state.status();
            if (status == FeedStatus.LIVE) {
                if (watching) {
                    feed.notWatchingSince = 0;
                } else if (feed.notWatchingSince == 0) {
                    feed.notWatchingSince = now;
                } else if (now - feed.notWatchingSince >= options.reconnectGrace().toNanos()) {
                    setState(feed, FeedStatus.RECONNECTING, "watch of " + feed.what + " lost; reconnecting with backoff");
                }
            } else if (feed.firstList.inProgress()) {
                // Should the count of the first list's items ever come short, the feed is not left connecting.
                if (feed.firstList.overdue(now, options.reconnectGrace().toNanos())) {
                    setState(feed, FeedStatus.LIVE, "");
                }
            } else if (watching && status != FeedStatus.MISCONFIGURED) {
                boolean reconnected = feed.everSynced;
                feed.everSynced = true;
                feed.firstList.end();
                setState(feed, FeedStatus.LIVE, "");
                if (reconnected) {
                    reconcile(feed);
                }
            }
        }
    }

    /**
     * After a watch came back, list once and make the rows match the list: a real API server
     * makes the informer re-list itself (410 Gone), but a restarted test server or sandbox may
     * not, and its deletions and changes during the outage (with resource versions it reuses)
     * would otherwise linger. Objects offered since the list began are newer and left alone.
     */
    private void reconcile(Feed feed) {
        KubeClients.Client client = feed.client;
        if (client == null) {
            return;
        }
        long started = System.nanoTime();
        Thread.ofVirtual().name("wheelhouse-relist-" + feed.key.kind()).start(() -> {
            Map<String, HasMetadata> listed = new HashMap<>();
            try {
                var resources = client.client().resources(feed.kind.type());
                var list = feed.kind.namespaced() ? resources.inNamespace(feed.key.namespace()).list() : resources.list();
                for (HasMetadata item : list.getItems()) {
                    Trim.trim(item);
                    listed.put(item.getMetadata().getName(), item);
                }
            } catch (RuntimeException e) {
                LOG.debug("re-list of {} after reconnect failed", feed.what, e);
                return;
            }
            onLoopLater(() -> {
                for (var entry : objectsOf(feed.key).entrySet()) {
                    RowKey key = new RowKey(feed.key.context(), feed.key.kind(), feed.key.namespace(), entry.getKey());
                    if (!listed.containsKey(entry.getKey()) && untouchedSince(key, started)) {
                        pending.putIfAbsent(key, new Change(feed.key, entry.getValue(), true));
                    }
                }
                listed.forEach((name, object) -> {
                    RowKey key = new RowKey(feed.key.context(), feed.key.kind(), feed.key.namespace(), name);
                    if (untouchedSince(key, started)) {
                        pending.putIfAbsent(key, new Change(feed.key, object, false));
                    }
                });
                requestFlush();
            });
        });
    }

    private boolean untouchedSince(RowKey key, long nanos) {
        Long at = touched.get(key);
        return at == null || at - nanos < 0;
    }

    private void onSample(MetricsSampler.Sample sample) {
        if (closed) {
            return;
        }
        onLoopLater(() -> {
            MetricsStatus old = metricsStatuses.get(sample.context());
            Instant last = sample.state() == MetricsState.AVAILABLE ? sample.at() : old == null ? null : old.lastSample();
            metricsStatuses.put(sample.context(), new MetricsStatus(sample.context(), sample.state(), sample.detail(), last));
            latestUsage.keySet().removeIf(k -> k.context().equals(sample.context()));
            latestUsage.putAll(sample.usage());
            int capacity = options.metricsCapacity();
            sample.usage().forEach((key, usage) -> series.computeIfAbsent(key, k -> new UsageRing(capacity)).add(usage));
            Instant cutoff = sample.at().minus(options.metricsWindow());
            series.entrySet().removeIf(e -> e.getKey().context().equals(sample.context()) && e.getValue().newest().isBefore(cutoff));
            metricsDirty = true;
            requestFlush();
        });
    }

    private void onLoopLater(Runnable task) {
        try {
            loop.execute(task);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            // closed meanwhile: nothing left to update
        }
    }

    private void requestFlush() {
        if (closed || !flushScheduled.compareAndSet(false, true)) {
            return;
        }
        long wait = lastFlushNanos + options.coalesce().toNanos() - System.nanoTime();
        try {
            loop.schedule(this::flush, Math.max(5_000_000L, wait), TimeUnit.NANOSECONDS);
        } catch (java.util.concurrent.RejectedExecutionException e) {
            flushScheduled.set(false);
        }
    }

    /** Loop: apply what is pending, render, publish one batch. */
    private void flush() {
        if (closed) {
            return;
        }
        try {
            publish();
            startAfterPodsAreOut();
        } finally {
            // Measured from the end of a delivery, so batches reach the listener at most once per interval;
            // changes offered meanwhile only went into pending, so look again before letting go.
            lastFlushNanos = System.nanoTime();
            flushScheduled.set(false);
            if (!pending.isEmpty() || feedsDirty || metricsDirty) {
                requestFlush();
            }
        }
    }

    private void publish() {
        Set<RowKey> render = new LinkedHashSet<>();
        Set<RowKey> removed = new LinkedHashSet<>();
        Set<FeedKey> policyNamespaces = new LinkedHashSet<>();

        for (RowKey key : new ArrayList<>(pending.keySet())) {
            Change c = pending.remove(key);
            if (c == null) {
                continue;
            }
            Map<String, HasMetadata> byName = objects.computeIfAbsent(c.feed(), f -> new HashMap<>());
            HasMetadata before;
            if (c.deleted()) {
                before = byName.remove(key.name());
                touched.remove(key, touched.get(key));
                render.remove(key);
                removed.add(key);
            } else {
                before = byName.put(key.name(), c.object());
                removed.remove(key);
                render.add(key);
            }
            dependents(key, before, c.deleted() ? null : c.object(), render, policyNamespaces);
        }
        boolean statesChanged = feedsDirty;
        feedsDirty = false;
        for (FeedKey key : new ArrayList<>(stateChanged)) {
            stateChanged.remove(key);
            if (key.kind().equals("Endpoints")) {
                objectsOf(new FeedKey(key.context(), key.namespace(), "Service")).keySet()
                        .forEach(name -> render.add(new RowKey(key.context(), "Service", key.namespace(), name)));
            } else if (key.kind().equals("Pod")) {
                policyNamespaces.add(key);
            }
        }
        for (FeedKey ns : policyNamespaces) {
            objectsOf(new FeedKey(ns.context(), ns.namespace(), "NetworkPolicy")).keySet()
                    .forEach(name -> render.add(new RowKey(ns.context(), "NetworkPolicy", ns.namespace(), name)));
        }

        List<RowChange> changes = new ArrayList<>();
        Set<String> changedKinds = new LinkedHashSet<>();
        for (RowChange change : renderRows(render)) {
            RowKey key = change.key();
            Map<RowKey, ResourceRow> of = rows.computeIfAbsent(key.kind(), k -> new LinkedHashMap<>());
            // A row rendered the same as before is no change (a status heartbeat, a dependent
            // re-rendered to the same count): nothing goes out, and the model keeps the very
            // object the tables show, which is how they tell unchanged rows cheaply.
            if (change.row().equals(of.get(key))) {
                continue;
            }
            of.put(key, change.row());
            changes.add(change);
            changedKinds.add(key.kind());
        }
        for (RowKey key : removed) {
            Map<RowKey, ResourceRow> of = rows.get(key.kind());
            if (of != null && of.remove(key) != null) {
                changes.add(new RowChange(key, null));
                changedKinds.add(key.kind());
            }
        }
        boolean metricsChanged = metricsDirty;
        metricsDirty = false;
        if (changes.isEmpty() && !statesChanged && !metricsChanged && sequence > 0) {
            return;
        }
        for (String kind : changedKinds) {
            published.put(kind, List.copyOf(rows.get(kind).values()));
        }
        ClusterSnapshot previous = snapshot;
        List<FeedState> feedStates = feeds.values().stream().map(f -> f.state).toList();
        ClusterSnapshot next = new ClusterSnapshot(environment.name(), ++sequence, clock.instant(),
                statesChanged ? feedStates : previous.feeds(),
                statesChanged ? targets(feedStates) : previous.targets(),
                Map.copyOf(published),
                metricsChanged ? new MetricsSnapshot(List.copyOf(metricsStatuses.values()), latestUsage) : previous.metrics());
        snapshot = next;
        ClusterBatch batch = new ClusterBatch(next, changes, statesChanged, metricsChanged);
        listeners.forEach(l -> deliver(l, batch));
    }

    private void deliver(ClusterListener listener, ClusterBatch batch) {
        try {
            listener.onBatch(batch);
        } catch (RuntimeException e) {
            LOG.warn("a listener of environment {} failed on a batch", environment.name(), e);
        }
    }

    /** Adds a listener; once the model has published, the listener first gets every current row as one batch. */
    void addListener(ClusterListener listener) {
        // registered at once (so the model is not closed under a joining view), caught up on the loop
        listeners.add(listener);
        onLoopLater(() -> {
            if (sequence > 0 && listeners.contains(listener)) {
                List<RowChange> all = new ArrayList<>();
                rows.values().forEach(of -> of.forEach((key, row) -> all.add(new RowChange(key, row))));
                deliver(listener, new ClusterBatch(snapshot, all, true, true));
            }
        });
    }

    /** Removes a listener; returns how many are left. */
    int removeListener(ClusterListener listener) {
        listeners.remove(listener);
        return listeners.size();
    }

    /**
     * Rows that show another object: a Service its Endpoints, a NetworkPolicy the pods of its
     * namespace it selects. Only a pod that comes, goes or changes its labels can change what a
     * policy selects: the status churn of thousands of pods leaves the policies alone.
     */
    private void dependents(RowKey key, HasMetadata before, HasMetadata after, Set<RowKey> render,
            Set<FeedKey> policyNamespaces) {
        String ctx = key.context();
        String ns = key.namespace();
        if (key.kind().equals("Endpoints") && objectsOf(new FeedKey(ctx, ns, "Service")).containsKey(key.name())) {
            render.add(new RowKey(ctx, "Service", ns, key.name()));
        } else if (key.kind().equals("Pod") && (before == null || after == null
                || !java.util.Objects.equals(before.getMetadata().getLabels(), after.getMetadata().getLabels()))) {
            policyNamespaces.add(new FeedKey(ctx, ns, "Pod"));
        }
    }

    /**
     * Loop: the rows of these keys' objects, in their order. While the pods come first, a large
     * batch (the first list of thousands of pods) is rendered on every core, with the loop
     * waiting: renderers are pure functions of an object and what {@link ModelRelated} reads, and
     * nothing writes the model's maps meanwhile. On one thread, 10,000 pods took the loop 400 ms
     * of the 2.5-3 s to the first full pods table on two cores (docs/BENCHMARKS.md, Views, fifth
     * pass). Later batches leave the other core to the FX thread, which then has rows to draw.
     */
    private List<RowChange> renderRows(Set<RowKey> keys) {
        List<RowKey> present = new ArrayList<>(keys.size());
        List<HasMetadata> objectsToRender = new ArrayList<>(keys.size());
        Map<String, ModelRelated> related = new HashMap<>();
        for (RowKey key : keys) {
            HasMetadata object = objectsOf(new FeedKey(key.context(), key.namespace(), key.kind())).get(key.name());
            if (object != null) {
                present.add(key);
                objectsToRender.add(object);
                related.computeIfAbsent(key.context(), ctx -> new ModelRelated(ctx, objects, this::listed));
            }
        }
        RowChange[] out = new RowChange[present.size()];
        IntStream indices = IntStream.range(0, out.length);
        boolean podsFirst = !waitingForPods.isEmpty();
        (podsFirst && out.length >= RENDER_IN_PARALLEL_FROM ? indices.parallel() : indices).forEach(i -> {
            RowKey key = present.get(i);
            out[i] = new RowChange(key, renderRow(key, objectsToRender.get(i), related.get(key.context())));
        });
        return Arrays.asList(out);
    }

    private ResourceRow renderRow(RowKey key, HasMetadata object, ModelRelated related) {
        ResourceKind<?> kind = ResourceKinds.of(key.kind());
        try {
            return kind.render(object, related).withContext(key.context());
        } catch (RuntimeException e) {
            // one odd object must not stop the view: show it, say it could not be read
            LOG.warn("cannot render {}", key, e);
            List<String> cells = new ArrayList<>(Collections.nCopies(kind.info().columns().size(), "?"));
            cells.set(0, key.name());
            return new ResourceRow(key.context(), key.kind(), key.namespace(), key.name(), cells, Health.UNKNOWN,
                    "unreadable", null, Map.of(), List.of(), "");
        }
    }

    private Map<String, HasMetadata> objectsOf(FeedKey key) {
        return objects.getOrDefault(key, Map.of());
    }

    /** A feed has listed at least once: "none found" means none. */
    private boolean listed(FeedKey key) {
        Feed feed = feeds.get(key);
        return feed != null && feed.state.lastSynced() != null;
    }

    private List<TargetHealth> targets(List<FeedState> states) {
        Map<String, List<FeedState>> byContext = new LinkedHashMap<>();
        states.forEach(s -> byContext.computeIfAbsent(s.key().context(), c -> new ArrayList<>()).add(s));
        List<TargetHealth> out = new ArrayList<>();
        byContext.forEach((ctx, of) -> out.add(target(ctx, of)));
        return out;
    }

    private TargetHealth target(String ctx, List<FeedState> of) {
        String server = servers.getOrDefault(ctx, "");
        int live = count(of, FeedStatus.LIVE);
        int forbidden = count(of, FeedStatus.FORBIDDEN);
        int total = of.size();
        FeedState misconfigured = first(of, FeedStatus.MISCONFIGURED);
        if (misconfigured != null) {
            return new TargetHealth(ctx, server, FeedStatus.MISCONFIGURED, misconfigured.detail(), live, forbidden, total);
        }
        FeedState unreachable = first(of, FeedStatus.UNREACHABLE);
        if (unreachable != null && live + forbidden == 0 && count(of, FeedStatus.RECONNECTING) == 0) {
            return new TargetHealth(ctx, server, FeedStatus.UNREACHABLE, unreachable.detail(), live, forbidden, total);
        }
        FeedState reconnecting = first(of, FeedStatus.RECONNECTING);
        if (reconnecting != null || unreachable != null) {
            int n = count(of, FeedStatus.RECONNECTING) + count(of, FeedStatus.UNREACHABLE);
            String why = (reconnecting != null ? reconnecting : unreachable).detail();
            return new TargetHealth(ctx, server, FeedStatus.RECONNECTING, n + " of " + total + " lists reconnecting: " + why,
                    live, forbidden, total);
        }
        if (first(of, FeedStatus.CONNECTING) != null) {
            return new TargetHealth(ctx, server, FeedStatus.CONNECTING, "connecting to " + server, live, forbidden, total);
        }
        List<String> notes = new ArrayList<>();
        if (forbidden > 0) {
            notes.add(forbidden + " of " + total + " lists forbidden");
        }
        int unsupported = count(of, FeedStatus.UNSUPPORTED);
        if (unsupported > 0) {
            notes.add(unsupported + " not served");
        }
        return new TargetHealth(ctx, server, FeedStatus.LIVE, String.join("; ", notes), live, forbidden, total);
    }

    private static int count(List<FeedState> of, FeedStatus status) {
        return (int) of.stream().filter(s -> s.status() == status).count();
    }

    private static FeedState first(List<FeedState> of, FeedStatus status) {
        return of.stream().filter(s -> s.status() == status).findFirst().orElse(null);
    }

    // --- ClusterSubscription

    Environment environment() {
        return environment;
    }

    @Override
    public ClusterSnapshot snapshot() {
        return snapshot;
    }

    /**
     * The loop only copies what the inventory reads (references, not objects: an object from the
     * informers is never changed afterwards); the caller's thread does the work, so a large
     * cluster's inventory never holds up the batches.
     */
    @Override
    public Inventory inventory() {
        if (Thread.currentThread() == loopThread) {
            return inventoryInputs().build();
        }
        try {
            return loop.submit(this::inventoryInputs).get(30, TimeUnit.SECONDS).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the inventory of " + environment.name(), e);
        } catch (ExecutionException | TimeoutException | java.util.concurrent.RejectedExecutionException e) {
            throw new IllegalStateException("cannot take the inventory of " + environment.name() + ": " + FeedErrors.rootMessage(e), e);
        }
    }

    /** What the inventory read of each pod and workload, for the next inventory: most are unchanged by then. */
    private final InventoryFacts inventoryFacts = new InventoryFacts();

    private record InventoryInputs(String environment, Instant now, Map<FeedKey, Map<String, HasMetadata>> objects,
            Set<FeedKey> listed, Map<RowKey, Usage> usage, List<FeedState> states, List<TargetHealth> targets,
            List<MetricsStatus> metrics, InventoryFacts facts) {
        Inventory build() {
            return new InventoryBuilder(objects, listed::contains, usage, facts).build(environment, now, states, targets, metrics);
        }
    }

    /** Loop: a shallow copy of what the inventory reads. */
    private InventoryInputs inventoryInputs() {
        List<FeedState> states = feeds.values().stream().map(f -> f.state).toList();
        Map<FeedKey, Map<String, HasMetadata>> copy = new HashMap<>();
        objects.forEach((feed, byName) -> copy.put(feed, new HashMap<>(byName)));
        Set<FeedKey> listed = new java.util.HashSet<>();
        feeds.keySet().forEach(k -> {
            if (listed(k)) {
                listed.add(k);
            }
        });
        return new InventoryInputs(environment.name(), clock.instant(), copy, listed, new HashMap<>(latestUsage), states,
                targets(states), List.copyOf(metricsStatuses.values()), inventoryFacts);
    }

    @Override
    public List<dev.wheelhouse.core.cluster.Usage> series(RowKey key) {
        UsageRing ring = series.get(key);
        return ring == null ? List.of() : ring.toList();
    }

    /**
     * Blocking: waits until every feed has settled and every context has a metrics verdict, then
     * until the informers' events are in (no change for two coalesce intervals), within the timeout.
     * Returns false when the timeout passed first.
     */
    boolean awaitSettled(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        long quiet = options.coalesce().toNanos() * 2;
        while (System.nanoTime() < deadline) {
            Boolean settled = onLoop(() -> {
                if (feeds.isEmpty() && sequence == 0) {
                    return environment.kubeTargets().isEmpty();
                }
                boolean feedsSettled = feeds.values().stream().allMatch(f -> f.state.status().isSettled());
                boolean metricsSettled = metricsStatuses.values().stream().allMatch(m -> m.state() != MetricsState.COLLECTING);
                return feedsSettled && metricsSettled && pending.isEmpty() && !flushScheduled.get()
                        && System.nanoTime() - lastChangeNanos >= quiet;
            });
            if (Boolean.TRUE.equals(settled)) {
                return true;
            }
            Thread.sleep(25);
        }
        return false;
    }

    private <V> V onLoop(java.util.concurrent.Callable<V> task) throws InterruptedException {
        try {
            return loop.submit(task).get();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Does not block (a view may close on the FX thread): the informers stop on the loop. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        loop.execute(() -> samplers.values().forEach(MetricsSampler::close));
        loop.execute(() -> feeds.values().forEach(f -> {
            if (f.informer != null) {
                try {
                    f.informer.stop();
                } catch (RuntimeException e) {
                    LOG.debug("stopping {}", f.what, e);
                }
            }
        }));
        loop.shutdown();
        onClose.accept(this);
    }

    /** Blocking: waits until the informers are stopped (after {@link #close()}), at most the timeout. */
    void awaitClosed(Duration timeout) {
        if (Thread.currentThread() == loopThread) {
            return;
        }
        try {
            loop.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
