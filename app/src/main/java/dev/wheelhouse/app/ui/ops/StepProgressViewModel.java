package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Any operation plan while it runs: its steps (pending, started, then how each ended, with its
 * output), the operation's id, its outcome and Cancel. Generic over {@link OperationPlan} so every
 * wizard (Kubernetes, hosts) and dialog shows progress the same way. The engine runs on a
 * background thread; its listener's events are queued and reach the FX thread as one batch per
 * hop, never one hop per event.
 */
public final class StepProgressViewModel {
    /** One step of the plan as shown; status null = not reached yet. */
    public record StepRow(int index, String name, StepPhase phase, StepStatus status, String output) {
        public boolean pending() {
            return status == null;
        }
    }

    private final UiExecutor executor;
    private final ObservableList<StepRow> steps = FXCollections.observableArrayList();
    private final ReadOnlyLongWrapper operationId = new ReadOnlyLongWrapper(0);
    private final ReadOnlyObjectWrapper<Outcome> outcome = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper cancelling = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<OperationResult> result = new ReadOnlyObjectWrapper<>();
    private final ConcurrentLinkedQueue<Runnable> pending = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean hopScheduled = new AtomicBoolean();
    private final ReadOnlyLongWrapper hops = new ReadOnlyLongWrapper();
    private OperationPlan plan;
    private CancelSignal cancel;

    private final StepProgressViewModel batchWith;

    public StepProgressViewModel(UiExecutor executor) {
        this(executor, null);
    }

    /**
     * A progress whose events share another's batches (a linked operation, such as the rollback
     * of a failed deploy): one queue keeps the two in the order the engine sent them.
     */
    public StepProgressViewModel(UiExecutor executor, StepProgressViewModel batchWith) {
        this.executor = Objects.requireNonNull(executor);
        this.batchWith = batchWith;
    }

    /** Shows the plan's steps, all pending, before it runs. */
    public void show(OperationPlan plan) {
        this.plan = Objects.requireNonNull(plan);
        List<StepRow> rows = new ArrayList<>();
        for (int i = 0; i < plan.steps().size(); i++) {
            PlannedStep s = plan.steps().get(i);
            rows.add(new StepRow(i, s.name(), s.phase(), null, ""));
        }
        steps.setAll(rows);
        operationId.set(0);
        outcome.set(null);
        result.set(null);
        summary.set("");
    }

    /** How a wizard runs its plan: through the engine, with this listener and cancel signal. */
    @FunctionalInterface
    public interface Runner {
        OperationResult run(OperationListener listener, CancelSignal cancel) throws Exception;
    }

    /** Runs the plan as it is, through the engine. */
    public void run(OperationEngine engine, OperationPlan plan, Consumer<OperationResult> finished) {
        run(plan, (listener, signal) -> engine.run(plan, listener, signal), finished);
    }

    /**
     * Runs a plan on a background thread; the runner passes {@link #listener()} (or a listener
     * that delegates to it) to the engine. {@code finished} gets the result on the FX thread,
     * after the last step shows. Does nothing if already running.
     */
    public void run(OperationPlan plan, Runner runner, Consumer<OperationResult> finished) {
        if (running.get()) {
            return;
        }
        show(plan);
        running.set(true);
        cancelling.set(false);
        summary.set("Running…");
        CancelSignal signal = new CancelSignal();
        this.cancel = signal;
        OperationListener listener = listener();
        // Never cancelled through the executor: interrupting the engine mid-step would journal
        // a failure that did not happen; Cancel goes through the signal instead.
        BackgroundTask.of("operation " + plan.kind().id(), () -> runner.run(listener, signal))
                .onSuccess(r -> {
                    drain();
                    complete(r);
                    if (finished != null) {
                        finished.accept(r);
                    }
                })
                .onFailure(t -> {
                    drain();
                    running.set(false);
                    cancelling.set(false);
                    outcome.set(Outcome.FAILED);
                    summary.set(UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /**
     * Asks the running operation to stop. Before its execute step nothing changes; after it, the
     * watch stops and the record says where things stood.
     */
    public void cancel() {
        if (running.get() && cancel != null && !cancel.isCancelled()) {
            cancel.cancel();
            cancelling.set(true);
            summary.set(executed() ? "Cancelling: stopping the watch and recording where things stand…"
                    : "Cancelling before anything is changed…");
        }
    }

    /** Whether the execute step has started: after it, Cancel no longer undoes anything. */
    public boolean executed() {
        return steps.stream().anyMatch(r -> r.phase() == StepPhase.EXECUTE && r.status() != null);
    }

    /**
     * Shows how an operation ended. {@link #run} calls it; a linked operation's progress (which
     * has no runner of its own) is completed by its wizard.
     */
    public void complete(OperationResult r) {
        running.set(false);
        cancelling.set(false);
        operationId.set(r.operationId());
        result.set(r);
        outcome.set(r.outcome());
        summary.set(describe(r));
    }

    /** Replaces the end line with a fuller one (what was changed, where things stood). */
    public void describeEnd(String text) {
        summary.set(text);
    }

    /** "Succeeded (operation 12)", or the failure and where things stood. */
    static String describe(OperationResult r) {
        String id = " (operation " + r.operationId() + ")";
        return switch (r.outcome()) {
            case SUCCEEDED -> "Succeeded" + id;
            case CANCELLED -> {
                var last = r.lastStep();
                yield "Cancelled" + id + (last == null ? "" : ": " + last.name() + " — " + last.output());
            }
            case FAILED -> "Failed" + id + (r.failure() == null ? "" : " at " + r.failure());
            case ROLLED_BACK -> "Rolled back" + id;
            case RUNNING -> "Still running" + id;
        };
    }

    /**
     * The listener that shows the engine's events here. Operations with more to say (a rollout's
     * pods) wrap it and send their extras through {@link #post}, so they share its batches.
     */
    public OperationListener listener() {
        return new OperationListener() {
            @Override
            public void operationStarted(long id, OperationPlan p) {
                post(() -> {
                    if (operationId.get() == 0 && p.equals(plan)) {
                        operationId.set(id);
                    }
                });
            }

            @Override
            public void stepStarted(long id, int sequence, PlannedStep step) {
                post(() -> update(id, step, StepStatus.STARTED, ""));
            }

            @Override
            public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
                post(() -> update(id, step, status, output));
            }
        };
    }

    /** Any thread: queue a change of FX state; one hop to the FX thread carries everything queued. */
    public void post(Runnable change) {
        if (batchWith != null) {
            batchWith.post(change);
            return;
        }
        pending.add(change);
        if (hopScheduled.compareAndSet(false, true)) {
            executor.onUiThread(this::drain);
        }
    }

    private void drain() {
        hopScheduled.set(false);
        Runnable change;
        boolean any = false;
        while ((change = pending.poll()) != null) {
            change.run();
            any = true;
        }
        if (any) {
            hops.set(hops.get() + 1);
        }
    }

    private void update(long id, PlannedStep step, StepStatus status, String output) {
        // Steps of another operation (a linked rollback) belong to another progress view.
        if (operationId.get() != 0 && id != operationId.get()) {
            return;
        }
        int index = plan == null ? -1 : plan.steps().indexOf(step);
        if (index < 0) {
            return;
        }
        StepRow row = steps.get(index);
        steps.set(index, new StepRow(row.index(), row.name(), row.phase(), status, output == null ? "" : output));
    }

    public ObservableList<StepRow> steps() {
        return steps;
    }

    public OperationPlan plan() {
        return plan;
    }

    /** 0 until the operation is journaled. */
    public ReadOnlyLongProperty operationIdProperty() {
        return operationId.getReadOnlyProperty();
    }

    /** null until it ends. */
    public ReadOnlyObjectProperty<Outcome> outcomeProperty() {
        return outcome.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<OperationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty cancellingProperty() {
        return cancelling.getReadOnlyProperty();
    }

    /** One line: running, cancelling, or how it ended with the operation's id. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How many FX hops carried engine events (tests check events are batched, not hopped singly). */
    public ReadOnlyLongProperty hopsProperty() {
        return hops.getReadOnlyProperty();
    }
}
