package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.ops.kube.Finding;
import dev.wheelhouse.ops.kube.KubeListener;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubeRun;
import dev.wheelhouse.ops.kube.OpsChoices;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.PreparedOperation;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * What the Kubernetes wizards and dialogs share, around {@link KubeOperations}: reading a proposal
 * in the background, its preflight findings and their remedies (resume a paused rollout; break a
 * held lock, once the user confirmed it), the confirmation, and the run with its steps, pods and
 * rollout line (and the linked rollback of a failed deploy). FX thread only, like its properties.
 */
public final class KubeWizardCommon {
    private final OpsTarget target;
    private final KubeOperations operations;
    private final UiExecutor executor;
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper loaded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final ObservableList<Finding> findings = FXCollections.observableArrayList();
    private final BooleanProperty breakLock = new SimpleBooleanProperty();
    private final BooleanProperty rollbackOnFailure = new SimpleBooleanProperty();
    private final BooleanBinding preflightPassed;
    private final StringBinding blockedBy;
    private final ConfirmStepViewModel confirm;
    private final StepProgressViewModel progress;
    private final StepProgressViewModel rollbackProgress;
    private final ReadOnlyBooleanWrapper rollingBack = new ReadOnlyBooleanWrapper();
    private final ObservableList<PodState> pods = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper rollout = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<KubeRun> run = new ReadOnlyObjectWrapper<>();
    private long loads;

    public KubeWizardCommon(OpsTarget target, KubeOperations operations, UiExecutor executor) {
        this.target = Objects.requireNonNull(target);
        this.operations = Objects.requireNonNull(operations);
        this.executor = Objects.requireNonNull(executor);
        this.confirm = new ConfirmStepViewModel(target.environment());
        this.progress = new StepProgressViewModel(executor);
        this.rollbackProgress = new StepProgressViewModel(executor, progress);
        this.blockedBy = Bindings.createStringBinding(() -> unremedied().stream().findFirst()
                .map(f -> f.message() + (f.remedy().isEmpty() ? "" : " — " + f.remedy())).orElse(""), findings, breakLock);
        this.preflightPassed = Bindings.createBooleanBinding(() -> loaded.get() && !loading.get() && unremedied().isEmpty(),
                loaded, loading, findings, breakLock);
        confirm.blockedProperty().bind(progress.runningProperty());
    }

    /** The blocking findings whose remedy was not taken: a held lock stops nothing once the user chose to break it. */
    private List<Finding> unremedied() {
        return findings.stream().filter(Finding::blocks)
                .filter(f -> !(f.code() == Finding.Code.LOCK_HELD && breakLock.get())).toList();
    }

    /** Reads a proposal in the background; a refusal (not found, 403, unreachable) shows as the error. */
    <P> void load(Callable<P> read, Consumer<P> show) {
        long mine = ++loads;
        loading.set(true);
        error.set(null);
        BackgroundTask.of("read " + target.workload().kubectlName(), read)
                .onSuccess(p -> {
                    // A later read was asked for meanwhile: its answer is the one to show.
                    if (mine != loads) {
                        return;
                    }
                    loading.set(false);
                    loaded.set(true);
                    show.accept(p);
                })
                .onFailure(t -> {
                    if (mine != loads) {
                        return;
                    }
                    loading.set(false);
                    loaded.set(false);
                    error.set(UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** Shows the plan to confirm; false (and the refusal as the error) when the engine refuses it. */
    boolean preview(Supplier<PreparedOperation> prepare) {
        PreparedOperation op = prepare(prepare);
        if (op == null) {
            return false;
        }
        confirm.planProperty().set(op.plan());
        confirm.summaryProperty().set(capitalize(op.summary()));
        return true;
    }

    /** Plans the operation (no I/O); null, with the reason as the error, when refused. */
    PreparedOperation prepare(Supplier<PreparedOperation> prepare) {
        try {
            error.set(null);
            return prepare.get();
        } catch (OpsInputException e) {
            error.set(e.getMessage());
            return null;
        }
    }

    /** The user's choices for the engine; the confirmation is what was typed (or the name, for a preview). */
    OpsChoices choices(String confirmation) {
        return new OpsChoices(confirm.reason(), confirmation, breakLock.get(), rollbackOnFailure.get(), null);
    }

    /** Runs the prepared operation in the background; steps, pods and the rollout line show as they change. */
    void run(PreparedOperation op) {
        pods.clear();
        rollout.set("");
        rollingBack.set(false);
        progress.run(op.plan(), (listener, cancel) -> {
            KubeRun r = operations.run(op, new Relay(listener, rollbackProgress.listener()), cancel);
            progress.post(() -> run.set(r));
            return r.result();
        }, result -> {
            KubeRun r = run.get();
            if (r == null) {
                return;
            }
            progress.describeEnd(capitalize(r.summary()));
            if (r.rollback() != null) {
                rollbackProgress.complete(r.rollback().result());
                rollbackProgress.describeEnd(capitalize(r.rollback().summary()));
            }
        });
    }

    /**
     * Engine thread: step events to the operation's progress (or the linked rollback's), pods and
     * the rollout line through the same batches.
     */
    private final class Relay implements KubeListener {
        private final OperationListener main;
        private final OperationListener linked;
        private volatile long mainId;

        Relay(OperationListener main, OperationListener linked) {
            this.main = main;
            this.linked = linked;
        }

        private OperationListener of(long id) {
            return mainId == 0 || mainId == id ? main : linked;
        }

        @Override
        public void operationStarted(long id, OperationPlan plan) {
            if (mainId == 0) {
                mainId = id;
            }
            of(id).operationStarted(id, plan);
        }

        @Override
        public void stepStarted(long id, int sequence, PlannedStep step) {
            of(id).stepStarted(id, sequence, step);
        }

        @Override
        public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
            of(id).stepFinished(id, sequence, step, status, output);
        }

        @Override
        public void operationFinished(long id, Outcome outcome) {
            of(id).operationFinished(id, outcome);
        }

        @Override
        public void rollout(long id, RolloutStatus status) {
            String line = status.message() + " (" + status.counts() + ")";
            progress.post(() -> rollout.set(line));
        }

        @Override
        public void pods(long id, List<PodState> now) {
            List<PodState> copy = List.copyOf(now);
            progress.post(() -> pods.setAll(copy));
        }

        @Override
        public void rollingBack(long failedId, PreparedOperation rollback) {
            progress.post(() -> {
                rollbackProgress.show(rollback.plan());
                rollingBack.set(true);
            });
        }
    }

    /** kubectl's `rollout resume`, then the proposal is read again (by {@code reload}). */
    void resume(Runnable reload) {
        loading.set(true);
        error.set(null);
        BackgroundTask.of("resume " + target.workload().kubectlName(), () -> operations.resume(target))
                .onSuccess(r -> {
                    loading.set(false);
                    reload.run();
                })
                .onFailure(t -> {
                    loading.set(false);
                    error.set(UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /**
     * Cancel. Returns true when the wizard may close: before the run (nothing has changed) and
     * after it ended. While it runs, the engine is asked to stop and the wizard stays to show
     * where things stood.
     */
    boolean cancel(boolean runPage) {
        if (runPage && progress.runningProperty().get()) {
            progress.cancel();
            return false;
        }
        return true;
    }

    static String capitalize(String text) {
        return text == null || text.isEmpty() ? "" : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    public OpsTarget target() {
        return target;
    }

    public KubeOperations operations() {
        return operations;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** Why the wizard cannot go on: a refusal of the cluster or of the engine, said in full. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    public ObservableList<Finding> findings() {
        return findings;
    }

    /** Set once the user confirmed breaking the lock someone else holds (journaled by the lock step). */
    public BooleanProperty breakLockProperty() {
        return breakLock;
    }

    public BooleanProperty rollbackOnFailureProperty() {
        return rollbackOnFailure;
    }

    /** Read, and no blocking finding left without its remedy. */
    public BooleanBinding preflightPassedProperty() {
        return preflightPassed;
    }

    /** The first blocking finding still in the way, with its remedy ("" when none). */
    public StringBinding blockedByProperty() {
        return blockedBy;
    }

    public ConfirmStepViewModel confirm() {
        return confirm;
    }

    public StepProgressViewModel progress() {
        return progress;
    }

    /** The linked rollback of a failed deploy, once it starts. */
    public StepProgressViewModel rollbackProgress() {
        return rollbackProgress;
    }

    public ReadOnlyBooleanProperty rollingBackProperty() {
        return rollingBack.getReadOnlyProperty();
    }

    /** The workload's pods as the watch last saw them. */
    public ObservableList<PodState> pods() {
        return pods;
    }

    /** The rollout as kubectl's rollout status would say it, with the counts. */
    public ReadOnlyStringProperty rolloutProperty() {
        return rollout.getReadOnlyProperty();
    }

    /** How the run ended (null until it has). */
    public ReadOnlyObjectProperty<KubeRun> runProperty() {
        return run.getReadOnlyProperty();
    }

    public boolean finished() {
        return progress.outcomeProperty().get() != null;
    }
}
