package dev.wheelhouse.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.history.H2HistoryStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OperationEngineTest {
    @TempDir
    Path dir;

    H2HistoryStore history;
    OperationEngine engine;
    final List<String> ran = new ArrayList<>();

    @BeforeEach
    void open() {
        history = H2HistoryStore.open(dir);
        engine = new OperationEngine(history, "ops@test-host");
    }

    @AfterEach
    void close() {
        history.close();
    }

    PlannedStep step(StepPhase phase, StepAction action) {
        return PlannedStep.of(phase, cancel -> {
            ran.add(phase.id());
            return action.run(cancel);
        });
    }

    OperationPlan plan(PlannedStep... steps) {
        return new OperationPlan(OperationKind.ROLLBACK, "shop-staging", "storefront", "ctx/ns/Deployment/storefront",
                "1.9.0", "1.8.2", "incident 42", List.of(steps));
    }

    List<PlannedStep> allOk() {
        List<PlannedStep> steps = new ArrayList<>();
        for (StepPhase p : StepPhase.values()) {
            steps.add(step(p, c -> StepResult.ok(p.id() + " done")));
        }
        return steps;
    }

    @Test
    void journalsEveryStepBeforeAndAfterItRuns() {
        List<StepStatus> seenWhileRunning = new ArrayList<>();
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.set(2, step(StepPhase.EXECUTE, c -> {
            // The journal already holds this step as STARTED while it runs.
            OperationRecord now = history.list(dev.wheelhouse.core.history.HistoryQuery.all()).getFirst();
            seenWhileRunning.add(now.steps().getLast().status());
            assertThat(now.steps().getLast().name()).isEqualTo("execute");
            assertThat(now.outcome()).isEqualTo(Outcome.RUNNING);
            return StepResult.ok("patched");
        }));
        List<String> events = new ArrayList<>();
        OperationListener listener = new OperationListener() {
            @Override
            public void stepStarted(long id, int sequence, PlannedStep step) {
                events.add("start " + step.name());
            }

            @Override
            public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
                events.add(status + " " + step.name());
            }
        };
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), listener, CancelSignal.none());

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(seenWhileRunning).containsExactly(StepStatus.STARTED);
        assertThat(events).startsWith("start preflight", "SUCCEEDED preflight", "start lock").hasSize(12);
        OperationRecord op = history.operation(result.operationId()).orElseThrow();
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(op.operator()).isEqualTo("ops@test-host");
        assertThat(op.reason()).isEqualTo("incident 42");
        assertThat(op.kind()).isEqualTo(OperationKind.ROLLBACK);
        assertThat(op.steps()).extracting(StepRecord::name)
                .containsExactly("preflight", "lock", "execute", "watch", "verify", "record");
        assertThat(op.steps()).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(s.finished()).isNotNull();
        });
        assertThat(op.steps().get(2).output()).isEqualTo("patched");
        assertThat(history.verify().intact()).isTrue();
    }

    @Test
    void cancelBeforeExecuteRunsNothingMore() {
        CancelSignal cancel = new CancelSignal();
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.set(1, step(StepPhase.LOCK, c -> {
            cancel.cancel();
            return StepResult.skipped("no lock yet");
        }));
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), null, cancel);

        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(ran).containsExactly("preflight", "lock");
        OperationRecord op = history.operation(result.operationId()).orElseThrow();
        assertThat(op.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(op.steps()).extracting(StepRecord::name, StepRecord::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple("preflight", StepStatus.SUCCEEDED),
                org.assertj.core.groups.Tuple.tuple("lock", StepStatus.SKIPPED),
                org.assertj.core.groups.Tuple.tuple("execute", StepStatus.CANCELLED));
    }

    @Test
    void aToleratedStepFailsWithoutFailingTheOperation() {
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.add(3, PlannedStep.tolerated("web-2: upload", StepPhase.EXECUTE, c -> {
            ran.add("web-2");
            return StepResult.failed("connection refused");
        }));
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), null, null);

        assertThat(result.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(ran).containsExactly("preflight", "lock", "execute", "web-2", "watch", "verify", "record");
        assertThat(history.operation(result.operationId()).orElseThrow().steps().get(3).status()).isEqualTo(StepStatus.FAILED);
    }

    @Test
    void cancelAfterExecuteStillRecords() {
        CancelSignal cancel = new CancelSignal();
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.set(2, step(StepPhase.EXECUTE, c -> {
            cancel.cancel();
            return StepResult.ok("patched");
        }));
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), null, cancel);

        assertThat(result.outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(ran).containsExactly("preflight", "lock", "execute", "record");
    }

    @Test
    void anExceptionFailsTheOperationWithItsMessageAndStillRecords() {
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.set(3, step(StepPhase.WATCH, c -> {
            throw new IllegalStateException("deployment \"storefront\" exceeded its progress deadline");
        }));
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), null, null);

        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(result.failure()).isEqualTo("watch: deployment \"storefront\" exceeded its progress deadline");
        assertThat(ran).containsExactly("preflight", "lock", "execute", "watch", "record");
        OperationRecord op = history.operation(result.operationId()).orElseThrow();
        assertThat(op.outcome()).isEqualTo(Outcome.FAILED);
        StepRecord watch = op.steps().get(3);
        assertThat(watch.status()).isEqualTo(StepStatus.FAILED);
        assertThat(watch.output()).contains("exceeded its progress deadline");
        assertThat(op.steps()).extracting(StepRecord::name).doesNotContain("verify");
        assertThat(history.verify().intact()).isTrue();
    }

    @Test
    void aReturnedFailureFailsTheOperation() {
        List<PlannedStep> steps = new ArrayList<>(allOk());
        steps.set(0, step(StepPhase.PREFLIGHT, c -> StepResult.failed("deployment is paused")));
        OperationResult result = engine.run(plan(steps.toArray(PlannedStep[]::new)), null, null);
        assertThat(result.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(ran).containsExactly("preflight", "record");
    }

    @Test
    void theDefaultOperatorIsUserAtHost() {
        assertThat(Operator.current()).startsWith(System.getProperty("user.name") + "@").doesNotEndWith("@");
    }
}
