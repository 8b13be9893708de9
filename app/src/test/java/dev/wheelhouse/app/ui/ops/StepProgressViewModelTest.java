package dev.wheelhouse.app.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.ops.StepProgressViewModel.StepRow;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.app.ui.tasks.TaskHandle;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generic progress of an operation, with the real engine and a real H2 history file. */
class StepProgressViewModelTest {
    @TempDir
    Path dir;

    HistoryStore history;
    OperationEngine engine;

    @BeforeEach
    void open() {
        history = H2HistoryStore.open(dir);
        engine = new OperationEngine(history, "tester@box");
    }

    @AfterEach
    void close() {
        history.close();
    }

    static OperationPlan plan(List<PlannedStep> steps) {
        return new OperationPlan(OperationKind.RESTART, "dev", "shop", "ctx/ns/Deployment/shop", "1.0", "1.0", "why", steps);
    }

    static PlannedStep step(StepPhase phase, String output) {
        return PlannedStep.of(phase, cancel -> StepResult.ok(output));
    }

    @Test
    void showsEveryStepPendingThenHowEachEndedWithTheOperationsId() {
        var vm = new StepProgressViewModel(new CurrentThreadUiExecutor());
        OperationPlan plan = plan(List.of(step(StepPhase.PREFLIGHT, "fine"), step(StepPhase.EXECUTE, "patched"),
                PlannedStep.of(StepPhase.WATCH, c -> StepResult.failed("ProgressDeadlineExceeded")),
                step(StepPhase.RECORD, "where it stood")));
        vm.show(plan);
        assertThat(vm.steps()).allMatch(StepRow::pending);

        AtomicReference<OperationResult> got = new AtomicReference<>();
        vm.run(engine, plan, got::set);

        assertThat(vm.runningProperty().get()).isFalse();
        assertThat(vm.steps()).extracting(StepRow::name, StepRow::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("preflight", StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("execute", StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("watch", StepStatus.FAILED),
                org.assertj.core.groups.Tuple.tuple("record", StepStatus.SUCCEEDED));
        assertThat(vm.steps().get(2).output()).isEqualTo("ProgressDeadlineExceeded");
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.FAILED);
        long id = vm.operationIdProperty().get();
        assertThat(id).isPositive().isEqualTo(got.get().operationId());
        assertThat(vm.summaryProperty().get()).isEqualTo("Failed (operation " + id + ") at watch: ProgressDeadlineExceeded");

        OperationRecord record = history.operation(id).orElseThrow();
        assertThat(record.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(record.operator()).isEqualTo("tester@box");
        assertThat(record.steps()).extracting(s -> s.name() + "=" + s.status())
                .containsExactly("preflight=SUCCEEDED", "execute=SUCCEEDED", "watch=FAILED", "record=SUCCEEDED");
    }

    @Test
    void cancelBeforeExecuteChangesNothingAndIsJournaled() {
        AtomicBoolean executed = new AtomicBoolean();
        AtomicReference<StepProgressViewModel> self = new AtomicReference<>();
        var vm = new StepProgressViewModel(new CurrentThreadUiExecutor());
        self.set(vm);
        OperationPlan plan = plan(List.of(
                // The user presses Cancel while the preflight runs.
                PlannedStep.of(StepPhase.PREFLIGHT, c -> {
                    self.get().cancel();
                    return StepResult.ok("fine");
                }),
                PlannedStep.of(StepPhase.EXECUTE, c -> {
                    executed.set(true);
                    return StepResult.ok("patched");
                }),
                step(StepPhase.RECORD, "recorded")));
        vm.run(engine, plan, r -> {});

        assertThat(executed).isFalse();
        assertThat(vm.outcomeProperty().get()).isEqualTo(Outcome.CANCELLED);
        assertThat(vm.steps().get(1).status()).isEqualTo(StepStatus.CANCELLED);
        assertThat(vm.summaryProperty().get()).startsWith("Cancelled (operation ")
                .endsWith("execute — cancelled before this step ran");
        assertThat(history.operation(vm.operationIdProperty().get()).orElseThrow().outcome()).isEqualTo(Outcome.CANCELLED);
    }

    /** Runs tasks at once but holds every FX hop until the test releases them, like a busy FX thread. */
    static final class HeldHops implements UiExecutor {
        final List<Runnable> hops = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            return new CurrentThreadUiExecutor().execute(task);
        }

        @Override
        public void onUiThread(Runnable uiWork) {
            hops.add(uiWork);
        }

        @Override
        public void close() {}
    }

    @Test
    void engineEventsReachTheUiThreadInBatchesNotOneHopPerEvent() {
        HeldHops executor = new HeldHops();
        var vm = new StepProgressViewModel(executor);
        OperationPlan plan = plan(List.of(step(StepPhase.PREFLIGHT, "a"), step(StepPhase.LOCK, "b"),
                step(StepPhase.EXECUTE, "c"), step(StepPhase.WATCH, "d"), step(StepPhase.VERIFY, "e"),
                step(StepPhase.RECORD, "f")));
        vm.run(engine, plan, r -> {});
        // 13 events (started + 6 x started/finished), one hop asked for while the FX thread was busy.
        assertThat(executor.hops).hasSize(1);
        assertThat(vm.hopsProperty().get()).isEqualTo(1);
        assertThat(vm.steps()).allMatch(r -> r.status() == StepStatus.SUCCEEDED);
        executor.hops.forEach(Runnable::run);
        assertThat(vm.hopsProperty().get()).as("the late hop finds nothing left to do").isEqualTo(1);
    }
}
