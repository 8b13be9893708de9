package dev.wheelhouse.ops;

import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs a plan step by step, journaling each step as STARTED before it runs and with its status
 * and output after, so a crash leaves the last step on the record. Cancel is honoured between
 * steps: before execute it ends the operation CANCELLED with nothing changed; after execute only
 * the record steps still run. A failed step ends the operation FAILED; record steps still run so
 * the journal says where things stood. A tolerated step's failure is journaled and the plan goes
 * on (see {@link PlannedStep#tolerated()}). UI-free: the window and the headless commands share it.
 */
public final class OperationEngine {
    static final int MAX_OUTPUT = 4000;

    private final HistoryStore history;
    private final String operator;
    private final RunMarkers markers;

    public OperationEngine(HistoryStore history) {
        this(history, Operator.current());
    }

    public OperationEngine(HistoryStore history, String operator) {
        this(history, operator, null);
    }

    /**
     * An engine that marks each operation as running while it runs ({@link RunMarkers}), so that
     * one whose process died shows as interrupted. The window and the commands use this one.
     */
    public OperationEngine(HistoryStore history, String operator, RunMarkers markers) {
        this.history = Objects.requireNonNull(history);
        this.operator = Objects.requireNonNull(operator);
        this.markers = markers;
    }

    public RunMarkers markers() {
        return markers;
    }

    public String operator() {
        return operator;
    }

    public OperationResult run(OperationPlan plan, OperationListener listener, CancelSignal cancel) {
        OperationListener l = listener == null ? OperationListener.NONE : listener;
        CancelSignal c = cancel == null ? CancelSignal.none() : cancel;
        long id = history.startOperation(new OperationStart(plan.kind(), plan.environment(), plan.application(),
                plan.target(), plan.fromVersion(), plan.toVersion(), operator, plan.reason(), plan.linkedTo()));
        if (markers != null) {
            markers.running(id);
        }
        try {
            return steps(id, plan, l, c);
        } finally {
            if (markers != null) {
                markers.finished(id);
            }
        }
    }

    private OperationResult steps(long id, OperationPlan plan, OperationListener l, CancelSignal c) {
        l.operationStarted(id, plan);

        List<OperationResult.StepOutcome> done = new ArrayList<>();
        boolean executed = false;
        boolean cancelled = false;
        String failure = null;
        for (PlannedStep step : plan.steps()) {
            boolean recordStep = step.phase() == StepPhase.RECORD;
            if (!cancelled && failure == null && c.isCancelled()) {
                cancelled = true;
                if (!executed) {
                    // Nothing has changed yet: journal where the cancel came, run nothing more.
                    done.add(journal(id, step, l, new StepResult(StepStatus.CANCELLED, "cancelled before this step ran")));
                    break;
                }
            }
            if ((cancelled || failure != null) && !recordStep) {
                continue;
            }
            int sequence = history.startStep(id, step.name());
            l.stepStarted(id, sequence, step);
            StepResult result;
            try {
                result = step.action().run(c);
                if (result == null) {
                    result = StepResult.ok("");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                result = StepResult.failed("interrupted");
            } catch (Exception e) {
                result = StepResult.failed(message(e));
            }
            result = new StepResult(result.status(), shorten(result.output()));
            history.finishStep(id, sequence, result.status(), result.output());
            l.stepFinished(id, sequence, step, result.status(), result.output());
            done.add(new OperationResult.StepOutcome(sequence, step.name(), result.status(), result.output()));
            if (step.phase() == StepPhase.EXECUTE) {
                executed = true;
            }
            if (result.status() == StepStatus.FAILED && failure == null && !step.tolerated()) {
                failure = step.name() + ": " + result.output();
            }
            if (result.status() == StepStatus.CANCELLED && !recordStep) {
                cancelled = true;
            }
        }
        Outcome outcome = failure != null ? Outcome.FAILED : cancelled ? Outcome.CANCELLED : Outcome.SUCCEEDED;
        history.finishOperation(id, outcome);
        l.operationFinished(id, outcome);
        return new OperationResult(id, outcome, done, failure);
    }

    private OperationResult.StepOutcome journal(long id, PlannedStep step, OperationListener l, StepResult result) {
        int sequence = history.startStep(id, step.name());
        l.stepStarted(id, sequence, step);
        history.finishStep(id, sequence, result.status(), result.output());
        l.stepFinished(id, sequence, step, result.status(), result.output());
        return new OperationResult.StepOutcome(sequence, step.name(), result.status(), result.output());
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    static String shorten(String output) {
        if (output == null) {
            return "";
        }
        return output.length() <= MAX_OUTPUT ? output : output.substring(0, MAX_OUTPUT - 1) + "…";
    }
}
