package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.logs.LogLinesViewModel;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.PodLogRequest;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.WorkloadDetails;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One Deployment, StatefulSet, DaemonSet or Pod in detail: its revisions and YAML (read through
 * the gateway, again whenever its row changes), its pods and the events about it and them (from
 * the live snapshots), its pods' logs, and the operations the user may start on it, each
 * disabled with the reason when the environment is read-only or RBAC says no.
 */
public final class WorkloadDetailViewModel implements AutoCloseable {
    /** The kinds that have a detail pane. */
    public static final List<String> KINDS = List.of("Deployment", "StatefulSet", "DaemonSet", "Pod");

    /** One operation button's state. */
    public static final class Action {
        private final Operation operation;
        private final ReadOnlyBooleanWrapper disabled = new ReadOnlyBooleanWrapper(true);
        private final ReadOnlyStringWrapper reason = new ReadOnlyStringWrapper("checking permissions…");

        Action(Operation operation) {
            this.operation = operation;
        }

        public Operation operation() {
            return operation;
        }

        public ReadOnlyBooleanProperty disabledProperty() {
            return disabled.getReadOnlyProperty();
        }

        /** Why it is disabled ("" when enabled). */
        public ReadOnlyStringProperty reasonProperty() {
            return reason.getReadOnlyProperty();
        }

        void set(boolean off, String why) {
            disabled.set(off);
            reason.set(off ? why : "");
        }
    }

    private final RowKey key;
    private final Environment environment;
    private final Supplier<ClusterGateway> gateway;
    private final UiExecutor executor;
    private final WorkloadOperations operations;
    private final ReadOnlyObjectWrapper<WorkloadDetails> details = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private final ObservableList<Revision> revisions = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper yaml = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ResourceRow> row = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> pods = FXCollections.observableArrayList();
    private final ObservableList<String> containers = FXCollections.observableArrayList();
    private final StringProperty logPod = new SimpleStringProperty();
    private final StringProperty logContainer = new SimpleStringProperty();
    private final BooleanProperty previous = new SimpleBooleanProperty();
    private final LogLinesViewModel logs;
    private final Map<Operation, Action> actions = new EnumMap<>(Operation.class);
    private final ReadOnlyObjectWrapper<Predicate<ResourceRow>> podScope = new ReadOnlyObjectWrapper<>(r -> false);
    private final ReadOnlyObjectWrapper<Predicate<ResourceRow>> eventScope = new ReadOnlyObjectWrapper<>(r -> false);

    private boolean reading;
    private boolean readAgain;
    private boolean closed;
    private Set<String> podNames;
    private ClusterSnapshot lastSnapshot;

    /**
     * @param logFlush runs a log flush a little later ({@link LogLinesViewModel#after} in the window)
     */
    public WorkloadDetailViewModel(RowKey key, Environment environment, Supplier<ClusterGateway> gateway, UiExecutor executor,
                                   WorkloadOperations operations, Consumer<Runnable> logFlush) {
        if (!KINDS.contains(key.kind())) {
            throw new IllegalArgumentException("no detail pane for a " + key.kind());
        }
        this.key = key;
        this.environment = Objects.requireNonNull(environment);
        this.gateway = Objects.requireNonNull(gateway);
        this.executor = Objects.requireNonNull(executor);
        this.operations = Objects.requireNonNull(operations);
        this.logs = new LogLinesViewModel(executor, logFlush);
        if (!key.kind().equals("Pod")) {
            for (Operation op : Operation.values()) {
                actions.put(op, new Action(op));
            }
        }
        logPod.addListener((obs, was, now) -> follow());
        logContainer.addListener((obs, was, now) -> follow());
        previous.addListener((obs, was, now) -> follow());
    }

    /** How often the log view is flushed in the window. */
    public static final Duration LOG_FLUSH = Duration.ofMillis(150);

    /** Reads the details and checks the permissions (off the FX thread). */
    public void start() {
        read();
        checkAccess();
    }

    // --- details ---------------------------------------------------------------------------

    private void read() {
        if (closed) {
            return;
        }
        if (reading) {
            readAgain = true;
            return;
        }
        reading = true;
        readAgain = false;
        BackgroundTask.of("details of " + key, () -> gateway.get().details(key))
                .onSuccess(d -> {
                    reading = false;
                    if (closed) {
                        return;
                    }
                    problem.set("");
                    details.set(d);
                    List<Revision> newestFirst = new ArrayList<>(d.revisions());
                    newestFirst.sort(Comparator.comparingLong(Revision::number).reversed());
                    revisions.setAll(newestFirst);
                    yaml.set(d.yaml());
                    if (!containers.equals(d.containers())) {
                        containers.setAll(d.containers());
                    }
                    if (logContainer.get() == null || !containers.contains(logContainer.get())) {
                        logContainer.set(containers.isEmpty() ? null : containers.getFirst());
                    }
                    // The selector and the revisions decide which pods and events are its own.
                    podNames = null;
                    show(lastSnapshot);
                    if (readAgain) {
                        read();
                    }
                })
                .onFailure(t -> {
                    reading = false;
                    if (!closed) {
                        problem.set(UiExecutor.describe(t));
                    }
                })
                .executeWith(executor);
    }

    /**
     * A new snapshot: follows the workload's row (reading the details again when it changed),
     * its pods and the events about them. FX thread.
     */
    public void show(ClusterSnapshot snapshot) {
        if (snapshot == null || closed) {
            return;
        }
        lastSnapshot = snapshot;
        ResourceRow now = snapshot.rows(key.kind()).stream().filter(r -> r.key().equals(key)).findFirst().orElse(null);
        ResourceRow was = row.get();
        row.set(now);
        if (was != null && now != null && !was.equals(now)) {
            read();
        }
        Predicate<ResourceRow> inPods = this::isPod;
        Set<String> names = new HashSet<>();
        snapshot.rows("Pod").stream().filter(inPods).forEach(p -> names.add(p.name()));
        if (!names.equals(podNames)) {
            podNames = Set.copyOf(names);
            podScope.set(inPods);
            eventScope.set(this::isEvent);
            List<String> sorted = names.stream().sorted().toList();
            pods.setAll(sorted);
            if (logPod.get() == null || !names.contains(logPod.get())) {
                logPod.set(sorted.isEmpty() ? null : sorted.getFirst());
            }
        }
    }

    private boolean isPod(ResourceRow r) {
        if (!r.context().equals(key.context()) || !r.namespace().equals(key.namespace())) {
            return false;
        }
        if (key.kind().equals("Pod")) {
            return r.name().equals(key.name());
        }
        WorkloadDetails d = details.get();
        return d != null && d.selects(r.labels());
    }

    /** Events about the workload itself, its pods and (for a Deployment) its ReplicaSets. */
    private boolean isEvent(ResourceRow r) {
        if (!r.context().equals(key.context()) || !r.namespace().equals(key.namespace()) || r.cells().size() < 4) {
            return false;
        }
        String object = r.cell(3);
        int slash = object.indexOf('/');
        if (slash < 0) {
            return false;
        }
        String kind = object.substring(0, slash);
        String name = object.substring(slash + 1);
        if (kind.equals(key.kind().toLowerCase(Locale.ROOT)) && name.equals(key.name())) {
            return true;
        }
        if (kind.equals("pod")) {
            return podNames != null && podNames.contains(name);
        }
        if (kind.equals("replicaset") && key.kind().equals("Deployment")) {
            return revisions.stream().anyMatch(rev -> rev.replicaSet().equals(name));
        }
        return false;
    }

    // --- operations ------------------------------------------------------------------------

    /** The operations of a workload, in button order (none for a pod). */
    public List<Action> actions() {
        return List.copyOf(actions.values());
    }

    public Action action(Operation operation) {
        return actions.get(operation);
    }

    /** Opens an operation's wizard, if the action is enabled. */
    public void open(Operation operation) {
        Action a = actions.get(operation);
        if (a != null && !a.disabled.get()) {
            operations.open(operation, environment.name(), key);
        }
    }

    /** Asks (off the FX thread) whether the user may change the workload, and sets each action. */
    public void checkAccess() {
        if (actions.isEmpty() || closed) {
            return;
        }
        if (environment.readOnly()) {
            actions.values().forEach(a -> a.set(true, environment.name() + " is read-only"));
            return;
        }
        String plural = plural(key.kind());
        // Every operation writes the workload itself (scale too: spec.replicas), so one question covers them.
        BackgroundTask.of("may I change " + key, () -> gateway.get().canI(key.context(), "patch", plural + ".apps", key.namespace()))
                .onSuccess(decision -> {
                    if (closed) {
                        return;
                    }
                    for (Action a : actions.values()) {
                        if (a.operation == Operation.SCALE && key.kind().equals("DaemonSet")) {
                            a.set(true, "a DaemonSet runs one pod per node: it cannot be scaled");
                        } else if (decision.verdict() == AccessDecision.Verdict.DENIED) {
                            a.set(true, "no permission to patch " + plural + " in " + key.namespace());
                        } else {
                            // UNKNOWN (the question could not be asked) stays possible: the API server has the last word.
                            a.set(false, "");
                        }
                    }
                })
                .onFailure(t -> actions.values().forEach(a -> a.set(false, "")))
                .executeWith(executor);
    }

    static String plural(String kind) {
        return kind.toLowerCase(Locale.ROOT) + "s";
    }

    // --- logs ------------------------------------------------------------------------------

    private void follow() {
        String pod = logPod.get();
        if (closed || pod == null) {
            return;
        }
        String container = logContainer.get() == null ? "" : logContainer.get();
        PodLogRequest request = new PodLogRequest(new RowKey(key.context(), "Pod", key.namespace(), pod), container,
                previous.get(), 500);
        logs.follow(request.describe(), listener -> gateway.get().followLog(request, listener), reason -> reason);
    }

    // --- what the view binds to -------------------------------------------------------------

    public RowKey key() {
        return key;
    }

    public Environment environment() {
        return environment;
    }

    /** "Deployment storefront · shop-prod". */
    public String title() {
        return key.kind() + " " + key.name() + " · " + key.namespace();
    }

    public ReadOnlyObjectProperty<WorkloadDetails> detailsProperty() {
        return details.getReadOnlyProperty();
    }

    /** Why the details could not be read ("" when they could). */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** Newest first. */
    public ObservableList<Revision> revisions() {
        return revisions;
    }

    public ReadOnlyStringProperty yamlProperty() {
        return yaml.getReadOnlyProperty();
    }

    /** The workload's row in the latest snapshot (null when it is gone). */
    public ReadOnlyObjectProperty<ResourceRow> rowProperty() {
        return row.getReadOnlyProperty();
    }

    /** Which pod rows are the workload's (changes when its pods or its selector do). */
    public ReadOnlyObjectProperty<Predicate<ResourceRow>> podScopeProperty() {
        return podScope.getReadOnlyProperty();
    }

    /** Which event rows are about it or its pods. */
    public ReadOnlyObjectProperty<Predicate<ResourceRow>> eventScopeProperty() {
        return eventScope.getReadOnlyProperty();
    }

    /** Its pods' names, sorted (the log chooser). */
    public ObservableList<String> pods() {
        return pods;
    }

    public ObservableList<String> containers() {
        return containers;
    }

    public StringProperty logPodProperty() {
        return logPod;
    }

    public StringProperty logContainerProperty() {
        return logContainer;
    }

    /** Show the previous (terminated) container's log instead of following the current one. */
    public BooleanProperty previousProperty() {
        return previous;
    }

    public LogLinesViewModel logs() {
        return logs;
    }

    @Override
    public void close() {
        closed = true;
        logs.close();
    }
}
