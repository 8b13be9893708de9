package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.app.ui.ops.ConfirmStepViewModel;
import dev.wheelhouse.app.ui.ops.StepProgressViewModel;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.hosts.releases.HostLock;
import dev.wheelhouse.core.hosts.releases.HostReleases;
import dev.wheelhouse.core.hosts.releases.Release;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.hosts.HostFleet;
import dev.wheelhouse.ops.hosts.HostOperation;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the host deploy and rollback wizards share: reading the hosts for a plan (off the FX
 * thread), the rows that show them, a held lock and its confirmed breaking, the confirmation and
 * the run with its progress. Each wizard says how its operation is planned.
 */
public abstract class HostWizardModel {
    protected final HostOpsContext context;
    private final ObservableList<HostRow> hosts = FXCollections.observableArrayList();
    private final StringProperty problem = new SimpleStringProperty("");
    private final StringProperty lockHeld = new SimpleStringProperty("");
    private final BooleanProperty breakLock = new SimpleBooleanProperty();
    private final BooleanProperty busy = new SimpleBooleanProperty();
    private final ReadOnlyObjectWrapper<HostOperation> inspected = new ReadOnlyObjectWrapper<>();
    private final ConfirmStepViewModel confirm;
    private final StepProgressViewModel progress;

    protected HostWizardModel(HostOpsContext context) {
        this.context = context;
        this.confirm = new ConfirmStepViewModel(context.environment());
        this.progress = new StepProgressViewModel(context.executor());
    }

    /**
     * Called on the FX thread: takes the wizard's current inputs and returns the planning, which
     * runs in the background (it reads the artifact) and throws OpsInputException for bad input.
     */
    protected abstract java.util.concurrent.Callable<HostOperation> planner(String reason, boolean breakLock);

    /** The confirmation's one sentence. */
    protected abstract String summary(HostOperation op);

    /** Checks the inputs on the FX thread: a message when they are bad (then nothing is read). */
    protected abstract String inputProblem();

    /**
     * Reads every host for the plan (background), then fills the rows; {@code done} gets true
     * when the plan can be confirmed.
     */
    public void inspect(Consumer<Boolean> done) {
        String bad = inputProblem();
        if (bad != null) {
            problem.set(bad);
            done.accept(false);
            return;
        }
        java.util.concurrent.Callable<HostOperation> planning = planner(null, breakLock.get());
        busy.set(true);
        problem.set("");
        // Planning reads the artifact (its size) and inspecting reads the hosts: both off the FX thread.
        BackgroundTask.of("read the hosts", () -> {
            HostOperation op;
            try {
                op = planning.call();
            } catch (OpsInputException e) {
                return new Inspection(null, List.of(), e.getMessage());
            }
            List<String> unreachable = op.fleet().inspect();
            return new Inspection(op, unreachable, null);
        }).onSuccess(i -> {
            busy.set(false);
            if (i.refused() != null) {
                problem.set(i.refused());
                done.accept(false);
                return;
            }
            HostOperation previous = inspected.get();
            inspected.set(i.op());
            closeInBackground(previous);
            hosts.setAll(rows(i.op()));
            List<String> locks = new ArrayList<>();
            for (HostFleet.Host h : i.op().fleet().hosts()) {
                HostLock lock = h.read() == null ? null : h.read().lock();
                if (lock != null) {
                    locks.add(h.alias() + ": locked by " + lock.describe(Instant.now()));
                }
            }
            lockHeld.set(String.join("\n", locks));
            String trouble = !i.unreachable().isEmpty() ? "Not reachable: " + String.join("; ", i.unreachable())
                    : targetProblem(i.op());
            problem.set(trouble == null ? "" : trouble);
            confirm.planProperty().set(i.op().plan());
            confirm.summaryProperty().set(summary(i.op()));
            boolean ok = i.unreachable().isEmpty() && trouble == null && (locks.isEmpty() || breakLock.get());
            confirm.blockedProperty().set(!ok);
            done.accept(ok);
        }).onFailure(t -> {
            busy.set(false);
            problem.set(UiExecutor.describe(t));
            done.accept(false);
        }).executeWith(context.executor());
    }

    private record Inspection(HostOperation op, List<String> unreachable, String refused) {}

    /** A host the plan cannot serve (a rollback without a target); null when all can go. */
    protected String targetProblem(HostOperation op) {
        return null;
    }

    /** Plans again with the reason, reads the hosts, runs it through the engine; the rows and progress follow. */
    public void run(Consumer<OperationResult> finished) {
        java.util.concurrent.Callable<HostOperation> planning = planner(confirm.reason(), breakLock.get());
        confirm.blockedProperty().set(true);
        busy.set(true);
        BackgroundTask.of("prepare the operation", () -> {
            HostOperation op = planning.call();
            op.fleet().inspect();
            return op;
        }).onSuccess(op -> {
            busy.set(false);
            closeInBackground(inspected.get());
            inspected.set(op);
            HistoryStore[] store = new HistoryStore[1];
            BackgroundTask.of("open the history", () -> store[0] = context.history().get())
                    .onSuccess(history -> progress.run(new OperationEngine(history, context.operator()), op.plan(), r -> {
                        closeInBackground(null, history);
                        // Where the hosts ended, read again: what the rows show afterwards is the hosts, not the plan.
                        busy.set(true);
                        // Reading again recomputes each host's target; the rows keep the one this run went to.
                        java.util.Map<String, String> wentTo = new java.util.HashMap<>();
                        op.fleet().hosts().forEach(h -> wentTo.put(h.alias(), h.target()));
                        BackgroundTask.of("read the hosts again", () -> op.fleet().inspect()).onSuccess(unreachable -> {
                            busy.set(false);
                            hosts.setAll(rows(op).stream().map(row -> new HostRow(row.alias(), row.current(), row.currentVersion(),
                                    row.lock(), row.free(), wentTo.get(row.alias()), row.batch(), row.releases(), row.problem())).toList());
                            if (!unreachable.isEmpty()) {
                                problem.set("Not reachable now: " + String.join("; ", unreachable));
                            }
                            closeInBackground(op);
                        }).onFailure(t -> {
                            busy.set(false);
                            closeInBackground(op);
                        }).executeWith(context.executor());
                        if (finished != null) {
                            finished.accept(r);
                        }
                    }))
                    .onFailure(t -> problem.set("The history cannot be opened: " + UiExecutor.describe(t)))
                    .executeWith(context.executor());
        }).onFailure(t -> {
            busy.set(false);
            problem.set(UiExecutor.describe(t));
        }).executeWith(context.executor());
    }

    private void closeInBackground(HostOperation op, AutoCloseable... others) {
        if (op == null && others.length == 0) {
            return;
        }
        BackgroundTask.running("close the host connections", () -> {
            if (op != null) {
                op.close();
            }
            for (AutoCloseable c : others) {
                try {
                    c.close();
                } catch (Exception ignored) {
                    // closing after the run: nothing left to lose
                }
            }
        }).executeWith(context.executor());
    }

    /** Closes what the wizard holds open (the window closed). */
    public void close() {
        closeInBackground(inspected.get());
        inspected.set(null);
    }

    protected List<HostRow> rows(HostOperation op) {
        List<HostRow> rows = new ArrayList<>();
        for (HostFleet.Host h : op.fleet().hosts()) {
            int batch = 0;
            for (int b = 0; b < op.batches().size(); b++) {
                if (op.batches().get(b).contains(h.alias())) {
                    batch = b + 1;
                }
            }
            HostReleases r = h.read();
            if (r == null) {
                rows.add(new HostRow(h.alias(), null, null, null, null, h.target(), batch, List.of(), "not reachable"));
                continue;
            }
            List<String> releases = r.releases().stream().map(HostWizardModel::describe).toList();
            rows.add(new HostRow(h.alias(), r.current(), r.currentVersion(),
                    r.lock() == null ? "free" : "held by " + r.lock().describe(Instant.now()),
                    r.freeBytes() < 0 ? "?" : r.freeBytes() / (1024 * 1024) + " MiB", h.target(), batch, releases, null));
        }
        return rows;
    }

    static String describe(Release r) {
        return r.id() + (r.version() == null ? "" : " (" + r.version() + ")") + (r.current() ? "  ← current" : "")
                + (r.bad() ? "  ✗ bad" : "");
    }

    public ObservableList<HostRow> hosts() {
        return hosts;
    }

    public StringProperty problemProperty() {
        return problem;
    }

    /** Who holds the hosts' locks, with their age; empty when every lock is free. */
    public StringProperty lockHeldProperty() {
        return lockHeld;
    }

    /** The user saw the holder and age and chose to break it (journaled). */
    public BooleanProperty breakLockProperty() {
        return breakLock;
    }

    public BooleanProperty busyProperty() {
        return busy;
    }

    public ReadOnlyObjectProperty<HostOperation> inspectedProperty() {
        return inspected.getReadOnlyProperty();
    }

    public ConfirmStepViewModel confirm() {
        return confirm;
    }

    public StepProgressViewModel progress() {
        return progress;
    }

    public HostOpsContext context() {
        return context;
    }
}
