package dev.wheelhouse.app.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.ops.RollbackWizardViewModel.Page;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.LockKey;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8Leases;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.ops.kube.Finding;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rollback wizard's view-model with the same-thread executor: every page's rule, against the
 * sandbox and a real H2 history (no window; each call returns when its background work is done).
 */
class RollbackWizardViewModelTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static Fabric8Rollouts rollouts;
    static Fabric8Leases leases;
    static HistoryStore history;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(100)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        Path kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        rollouts = new Fabric8Rollouts(kubeconfig);
        leases = new Fabric8Leases(kubeconfig);
        history = H2HistoryStore.open(dir.resolve("data"));
    }

    @AfterAll
    static void stop() {
        history.close();
        leases.close();
        rollouts.close();
        sandbox.close();
    }

    static RollbackWizardViewModel wizard(String env, String app) {
        Environment e = sandbox.seed().environment(env).orElseThrow();
        Application a = sandbox.seed().applications().stream().filter(x -> x.name().equals(app)).findFirst().orElseThrow();
        var vm = new RollbackWizardViewModel(OpsTarget.of(e, a), new KubeOperations(rollouts, leases, history),
                new CurrentThreadUiExecutor());
        vm.load();
        return vm;
    }

    @Test
    void preselectsTheSuggestedRevisionShowsItsDiffAndRunsToTheEnd() {
        var vm = wizard("sandbox-staging", "checkout");
        assertThat(vm.revisions()).isNotEmpty();
        assertThat(vm.selectedProperty().get()).isNotNull();
        assertThat(vm.isSuggested(vm.selectedProperty().get())).isTrue();
        assertThat(vm.isCurrent(vm.selectedProperty().get())).isFalse();
        assertThat(vm.diff()).anyMatch(l -> l.area() == TemplateDiff.Area.IMAGE);
        assertThat(vm.revisionChosenProperty().get()).isTrue();

        // The current revision is not a target: Next stays where it is.
        var current = vm.revisions().stream().filter(vm::isCurrent).findFirst().orElseThrow();
        vm.selectedProperty().set(current);
        assertThat(vm.revisionChosenProperty().get()).isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.REVISIONS);
        var target = vm.revisions().stream().filter(r -> r.number() < current.number()).findFirst().orElseThrow();
        vm.selectedProperty().set(target);

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.PREFLIGHT);
        assertThat(vm.common().preflightPassedProperty().get()).isTrue();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CONFIRM);
        assertThat(vm.common().confirm().planProperty().get().steps()).extracting(s -> s.name())
                .containsExactly("preflight", "lock", "execute", "watch", "verify", "record");
        assertThat(vm.common().confirm().summaryProperty().get()).startsWith("Roll back deployment/checkout in sandbox-staging")
                .contains("to revision " + target.number());
        vm.common().confirm().reasonProperty().set("view-model test");

        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.RUN);
        var progress = vm.common().progress();
        assertThat(progress.outcomeProperty().get()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(progress.steps()).allMatch(s -> s.status() == StepStatus.SUCCEEDED);
        assertThat(vm.common().pods()).isNotEmpty().allMatch(p -> p.ready());
        assertThat(vm.common().rolloutProperty().get()).contains("successfully rolled out");
        long id = progress.operationIdProperty().get();
        var record = history.operation(id).orElseThrow();
        assertThat(record.reason()).isEqualTo("view-model test");
        assertThat(record.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(vm.cancel()).as("after the end, Cancel closes").isTrue();
    }

    @Test
    void aHeldLockBlocksUntilTheUserChoosesToBreakIt() {
        leases.acquire(LockKey.forApplication(WorkloadRef.deployment(Sandbox.CONTEXT, "shop-dev", "storefront"), "storefront"),
                "bob@far-away", "restart storefront", Duration.ofMinutes(5), false);
        var vm = wizard("sandbox-dev", "storefront");
        vm.next();
        assertThat(vm.common().findings()).anyMatch(f -> f.code() == Finding.Code.LOCK_HELD && f.message().contains("bob@far-away"));
        assertThat(vm.common().preflightPassedProperty().get()).isFalse();
        assertThat(vm.common().blockedByProperty().get()).contains("bob@far-away since");
        vm.next();
        assertThat(vm.pageProperty().get()).as("blocked: Next does nothing").isEqualTo(Page.PREFLIGHT);

        vm.common().breakLockProperty().set(true);
        assertThat(vm.common().preflightPassedProperty().get()).isTrue();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CONFIRM);
        assertThat(vm.cancel()).as("before the run, Cancel closes and nothing changed").isTrue();
        assertThat(history.list(new dev.wheelhouse.core.history.HistoryQuery("sandbox-dev", "storefront", 10))).isEmpty();
    }

    @Test
    void productionCannotBeConfirmedWithoutTheNameAndNothingRuns() {
        var vm = wizard("sandbox-prod", "catalog");
        vm.next();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CONFIRM);
        assertThat(vm.common().confirm().confirmableProperty().get()).isFalse();
        vm.next();
        assertThat(vm.pageProperty().get()).isEqualTo(Page.CONFIRM);
        vm.common().confirm().typedProperty().set("sandbox-prod ");
        assertThat(vm.common().confirm().confirmableProperty().get()).isFalse();
        assertThat(history.list(new dev.wheelhouse.core.history.HistoryQuery("sandbox-prod", "catalog", 10))).isEmpty();
    }
}
