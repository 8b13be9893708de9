package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.connections.ConnectionState;
import dev.wheelhouse.app.ui.connections.ConnectionStatus;
import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.ClusterBatch;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.MetricsStatus;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The live picture of one environment's Kubernetes targets: owns the one subscription of its
 * view, and turns the gateway's batches (background thread) into one FX update per batch.
 * Batches that arrive while an update is still queued replace each other: only the latest
 * snapshot is applied, with the union of what changed.
 */
public final class EnvironmentLiveViewModel implements AutoCloseable {
    /** What one applied batch touched: the kinds whose rows changed, and whether feeds or metrics did. */
    public record Applied(ClusterSnapshot snapshot, Set<String> kinds, boolean feedsChanged, boolean metricsChanged) {}

    private final Environment environment;
    private final Supplier<ClusterGateway> gateway;
    private final UiExecutor executor;
    private final ConnectionStates connections;
    private final ReadOnlyObjectWrapper<Applied> applied = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyLongWrapper updates = new ReadOnlyLongWrapper();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ReadOnlyObjectWrapper<List<KindInfo>> kinds = new ReadOnlyObjectWrapper<>(List.of());

    // Written by the gateway's thread, read on the FX thread.
    private final AtomicReference<Pending> pending = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();
    private volatile ClusterSubscription subscription;
    private final ReadOnlyObjectWrapper<Inventory> inventory = new ReadOnlyObjectWrapper<>();
    private boolean inventoryRunning;
    private long inventoryAskedAt = System.nanoTime() - 10_000_000_000L;
    private final ReadOnlyStringWrapper inventoryFailure = new ReadOnlyStringWrapper("");

    private record Pending(ClusterSnapshot snapshot, Set<String> kinds, boolean feeds, boolean metrics) {
        Pending merge(ClusterBatch batch) {
            Set<String> all = new HashSet<>(kinds);
            batch.changes().forEach(c -> all.add(c.key().kind()));
            return new Pending(batch.snapshot(), all, feeds || batch.feedsChanged(), metrics || batch.metricsChanged());
        }
    }

    public EnvironmentLiveViewModel(
            Environment environment, Supplier<ClusterGateway> gateway, UiExecutor executor, ConnectionStates connections) {
        this.environment = Objects.requireNonNull(environment);
        this.gateway = Objects.requireNonNull(gateway);
        this.executor = Objects.requireNonNull(executor);
        this.connections = connections;
    }

    /** Starts watching (the gateway is made and asked off the FX thread). */
    public void start() {
        BackgroundTask.of("watch " + environment.name(), () -> {
                    ClusterGateway g = gateway.get();
                    List<KindInfo> known = g.kinds();
                    ClusterSubscription s = g.watch(environment, this::onBatch);
                    if (closed.get()) {
                        s.close();
                    } else {
                        subscription = s;
                    }
                    return known;
                })
                .onSuccess(known -> {
                    kinds.set(known);
                    refreshInventory();
                })
                .onFailure(t -> failure.set("Cannot watch " + environment.name() + ": " + UiExecutor.describe(t)))
                .executeWith(executor);
    }

    /** Called by the gateway, off the FX thread: coalesces, and hops at most once per pending update. */
    void onBatch(ClusterBatch batch) {
        if (closed.get()) {
            return;
        }
        Pending before = pending.getAndUpdate(p -> p == null
                ? new Pending(batch.snapshot(), new HashSet<>(), false, false).merge(batch)
                : p.merge(batch));
        if (before == null) {
            executor.onUiThread(this::apply);
        }
    }

    private void apply() {
        Pending p = pending.getAndSet(null);
        if (p == null || closed.get()) {
            return;
        }
        if (p.feeds() && connections != null) {
            // Only real changes: each one redraws the targets.
            Map<TargetId, ConnectionState> changed = new LinkedHashMap<>();
            connectionStates(p.snapshot()).forEach((id, state) -> {
                if (!connections.state(id).equals(state)) {
                    changed.put(id, state);
                }
            });
            if (!changed.isEmpty()) {
                connections.updateAll(changed);
            }
        }
        applied.set(new Applied(p.snapshot(), Set.copyOf(p.kinds()), p.feeds(), p.metrics()));
        updates.set(updates.get() + 1);
        refreshInventory();
    }

    /** The inventory (capacity and allocation) is worked out off the FX thread, at most every 3 s. */
    private void refreshInventory() {
        ClusterSubscription s = subscription;
        long now = System.nanoTime();
        if (s == null || inventoryRunning || now - inventoryAskedAt < 3_000_000_000L) {
            return;
        }
        inventoryRunning = true;
        inventoryAskedAt = now;
        BackgroundTask.of("inventory " + environment.name(), s::inventory)
                .onSuccess(i -> {
                    inventoryRunning = false;
                    if (!closed.get()) {
                        inventoryFailure.set("");
                        inventory.set(i);
                    }
                })
                .onFailure(t -> {
                    inventoryRunning = false;
                    inventoryFailure.set(UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** Why the last inventory could not be worked out ("" when it could). */
    public ReadOnlyStringProperty inventoryFailureProperty() {
        return inventoryFailure.getReadOnlyProperty();
    }

    /** The latest inventory (null until the first is worked out). */
    public ReadOnlyObjectProperty<Inventory> inventoryProperty() {
        return inventory.getReadOnlyProperty();
    }

    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            ClusterSubscription s = subscription;
            subscription = null;
            if (s != null) {
                // Closing stops informers: not on the FX thread.
                Thread.ofVirtual().name("wheelhouse-unwatch").start(s::close);
            }
        }
    }

    /** The usage history of a node or pod, oldest first (does not block). */
    public List<Usage> series(RowKey key) {
        ClusterSubscription s = subscription;
        return s == null ? List.of() : s.series(key);
    }

    public Environment environment() {
        return environment;
    }

    /** The gateway (made off the FX thread on first use), for a workload's detail pane. */
    public Supplier<ClusterGateway> gateway() {
        return gateway;
    }

    public UiExecutor executor() {
        return executor;
    }

    public ReadOnlyObjectProperty<Applied> appliedProperty() {
        return applied.getReadOnlyProperty();
    }

    public ClusterSnapshot snapshot() {
        return applied.get() == null ? null : applied.get().snapshot();
    }

    /** How many FX updates have been applied (for tests and the benchmark). */
    public ReadOnlyLongProperty updatesProperty() {
        return updates.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<List<KindInfo>> kindsProperty() {
        return kinds.getReadOnlyProperty();
    }

    // --- what the views show, as pure functions of a snapshot -----------------------------

    /** The status bar's states of the snapshot's contexts. */
    public static Map<TargetId, ConnectionState> connectionStates(ClusterSnapshot snapshot) {
        Map<TargetId, ConnectionState> states = new LinkedHashMap<>();
        for (TargetHealth t : snapshot.targets()) {
            ConnectionStatus status = switch (t.status()) {
                case LIVE, FORBIDDEN, UNSUPPORTED -> ConnectionStatus.CONNECTED;
                case CONNECTING -> ConnectionStatus.CONNECTING;
                case RECONNECTING -> ConnectionStatus.RECONNECTING;
                case UNREACHABLE, MISCONFIGURED -> ConnectionStatus.FAILED;
            };
            String detail = switch (t.status()) {
                case LIVE, FORBIDDEN, UNSUPPORTED -> t.live() + " of " + t.total() + " lists live"
                        + (t.forbidden() > 0 ? ", " + t.forbidden() + " not permitted" : "")
                        + (t.server().isEmpty() ? "" : " · " + t.server());
                case RECONNECTING -> "reconnecting — data may be stale" + (t.detail().isEmpty() ? "" : ": " + t.detail());
                default -> t.detail();
            };
            states.put(TargetId.kube(t.context()), new ConnectionState(status, detail));
        }
        return states;
    }

    /** What an empty table of this kind says: why it is empty. */
    public static String placeholder(ClusterSnapshot snapshot, KindInfo kind) {
        if (snapshot == null) {
            return "Connecting…";
        }
        List<FeedState> feeds = snapshot.feeds(kind.kind());
        List<String> problems = new ArrayList<>();
        for (FeedState f : feeds) {
            if (f.status() == FeedStatus.FORBIDDEN) {
                problems.add("no permission to list " + kind.plural()
                        + (f.key().clusterScoped() ? " (cluster-wide)" : " in " + f.key().namespace()));
            } else if (f.status().isProblem() && !f.detail().isEmpty()) {
                problems.add(f.detail());
            }
        }
        if (!problems.isEmpty()) {
            return String.join("\n", problems.stream().distinct().toList());
        }
        if (feeds.stream().anyMatch(f -> f.status() == FeedStatus.CONNECTING)) {
            return "Loading " + kind.plural() + "…";
        }
        return "No " + kind.plural() + ".";
    }

    /**
     * The banner over a table whose rows are not all current, or whose some feeds failed while
     * others work: "" when everything is live.
     */
    public static String banner(ClusterSnapshot snapshot, KindInfo kind) {
        if (snapshot == null) {
            return "";
        }
        List<String> lines = new ArrayList<>();
        if (snapshot.stale(kind.kind())) {
            lines.add("reconnecting — data may be stale");
        }
        boolean hasRows = !snapshot.rows(kind.kind()).isEmpty();
        if (hasRows) {
            for (FeedState f : snapshot.feeds(kind.kind())) {
                if (f.status() == FeedStatus.FORBIDDEN) {
                    lines.add("no permission to list " + kind.plural()
                            + (f.key().clusterScoped() ? " (cluster-wide)" : " in " + f.key().namespace()));
                } else if (f.status().isProblem() || f.status() == FeedStatus.RECONNECTING) {
                    if (!f.detail().isEmpty()) {
                        lines.add(f.detail());
                    }
                }
            }
        }
        return String.join("\n", lines.stream().distinct().toList());
    }

    /** The plain line of the metrics tab when there is nothing to chart, or "" when there is. */
    public static String metricsMessage(ClusterSnapshot snapshot) {
        if (snapshot == null) {
            return "Connecting…";
        }
        List<String> lines = new ArrayList<>();
        boolean any = false;
        for (TargetHealth t : snapshot.targets()) {
            MetricsState state = snapshot.metrics().state(t.context());
            MetricsStatus status = snapshot.metrics().statuses().stream()
                    .filter(s -> s.context().equals(t.context())).findFirst().orElse(null);
            switch (state) {
                case AVAILABLE -> any = true;
                case METRICS_UNAVAILABLE -> lines.add("The metrics API (metrics.k8s.io) is not available in " + t.context() + ".");
                case FORBIDDEN -> lines.add("No permission to read metrics (metrics.k8s.io) in " + t.context() + ".");
                case FAILED -> lines.add("Metrics could not be read from " + t.context()
                        + (status == null || status.detail().isEmpty() ? "." : ": " + status.detail()));
                case COLLECTING -> lines.add("Collecting the first metrics sample from " + t.context() + "…");
            }
        }
        return any && lines.stream().noneMatch(l -> l.startsWith("The metrics API")) ? "" : String.join("\n", lines);
    }

    /** The overview's figures, from the rows and the latest usage. */
    public record Summary(
            int nodes, int nodesReady, Map<Health, Integer> workloads, long cpuUsedMillis, long memoryUsedBytes,
            int warnings, Map<String, Integer> versions, List<ResourceRow> unhealthy) {}

    public static final List<String> WORKLOAD_KINDS = List.of("Deployment", "StatefulSet", "DaemonSet");

    public static Summary summary(ClusterSnapshot snapshot) {
        List<ResourceRow> nodes = snapshot.rows("Node");
        int ready = (int) nodes.stream().filter(n -> n.status().startsWith("Ready")).count();
        Map<Health, Integer> workloads = new EnumMap<>(Health.class);
        for (Health h : Health.values()) {
            workloads.put(h, 0);
        }
        Map<String, Integer> versions = new LinkedHashMap<>();
        List<ResourceRow> unhealthy = new ArrayList<>();
        for (String kind : WORKLOAD_KINDS) {
            for (ResourceRow row : snapshot.rows(kind)) {
                workloads.merge(row.health(), 1, Integer::sum);
                if (!row.version().isEmpty()) {
                    versions.merge(row.name() + " " + row.version(), 1, Integer::sum);
                }
                if (row.health() == Health.DEGRADED || row.health() == Health.FAILED) {
                    unhealthy.add(row);
                }
            }
        }
        long cpu = 0;
        long memory = 0;
        for (var e : snapshot.metrics().latest().entrySet()) {
            if (e.getKey().kind().equals("Node")) {
                cpu += e.getValue().cpuMillis();
                memory += e.getValue().memoryBytes();
            }
        }
        int warnings = (int) snapshot.rows("Event").stream().filter(r -> r.health() != Health.HEALTHY).count();
        return new Summary(nodes.size(), ready, workloads, cpu, memory, warnings, versions, unhealthy);
    }

    /** "5m ago" style freshness of a snapshot, for the overview line. */
    static String taken(ClusterSnapshot snapshot, Instant now) {
        return dev.wheelhouse.core.cluster.Ages.since(snapshot.takenAt(), now);
    }
}
