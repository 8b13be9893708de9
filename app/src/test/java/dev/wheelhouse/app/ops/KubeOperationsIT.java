package dev.wheelhouse.app.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8Leases;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.kube.KubeClients;
import dev.wheelhouse.kube.KubeOptions;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.RunMarkers;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.kube.ChangeProposal;
import dev.wheelhouse.ops.kube.Finding;
import dev.wheelhouse.ops.kube.KubeListener;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubeRun;
import dev.wheelhouse.ops.kube.OpsChoices;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.RevisionRow;
import dev.wheelhouse.ops.kube.RollbackProposal;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The operations API the window's wizards use, against the practice sandbox and a real H2 history. */
class KubeOperationsIT {
    static Sandbox sandbox;
    static KubeClients clients;
    static Fabric8Rollouts rollouts;
    static Fabric8Leases leases;
    static Workspace workspace;

    @TempDir
    Path dir;
    H2HistoryStore history;
    KubeOperations ops;

    @BeforeAll
    static void start(@TempDir Path shared) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        clients = new KubeClients(sandbox.writeKubeconfig(shared.resolve("kubeconfig")), KubeOptions.DEFAULTS);
        rollouts = new Fabric8Rollouts(clients);
        leases = new Fabric8Leases(clients);
        workspace = sandbox.seed().workspace();
    }

    @AfterAll
    static void stop() {
        clients.close();
        sandbox.close();
    }

    @BeforeEach
    void open() {
        history = H2HistoryStore.open(dir);
        ops = new KubeOperations(rollouts, leases, history, new OperationEngine(history, "ana@laptop", RunMarkers.in(dir)),
                KubeOperations.Settings.DEFAULTS.withPoll(Duration.ofMillis(100)), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        rollouts.beforeEachWrite(null);
        history.close();
    }

    static OpsTarget target(String env, String app) {
        return OpsTarget.of(workspace.environment(env).orElseThrow(), workspace.application(app).orElseThrow());
    }

    static String ns(String env) {
        return sandbox.seed().namespace(env).orElseThrow();
    }

    @Test
    void theRollbackProposalListsRevisionsWithWhoAndWhyAndSkipsOneThatFailed() {
        OpsTarget storefront = target("sandbox-dev", "storefront");
        RollbackProposal first = ops.proposeRollback(storefront);
        assertThat(first.revisions()).extracting(RevisionRow::number).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        RevisionRow current = first.current();
        assertThat(current.number()).isEqualTo(first.revisions().getFirst().number());
        RevisionRow previous = first.revisions().get(1);
        assertThat(first.suggested()).isEqualTo(previous);
        assertThat(first.blockers()).isEmpty();
        assertThat(current.age()).isPositive();
        // The sandbox's change-causes are free text: all of it is the why.
        assertThat(current.why()).isNotBlank();

        // The history says the previous version failed here: the suggestion goes one further back.
        long failed = history.startOperation(new OperationStart(OperationKind.DEPLOY, "sandbox-dev", "storefront",
                storefront.workload().journalName(), "x", previous.version(), "bob@desk", "release train"));
        history.finishOperation(failed, Outcome.FAILED);
        RollbackProposal second = ops.proposeRollback(storefront);
        RevisionRow marked = second.revision(previous.number()).orElseThrow();
        assertThat(marked.failed()).isTrue();
        assertThat(marked.who()).isEqualTo("bob@desk");
        assertThat(marked.why()).isEqualTo("release train");
        assertThat(marked.operationId()).isEqualTo(failed);
        assertThat(second.suggested().number()).isEqualTo(second.revisions().get(2).number());

        var diff = second.diffTo(second.suggested());
        assertThat(diff).first().satisfies(l -> {
            assertThat(l.area()).isEqualTo(TemplateDiff.Area.IMAGE);
            assertThat(l.key()).isEqualTo("container/storefront/image");
            assertThat(l.describe()).startsWith("~ container/storefront/image: ");
        });
    }

    @Test
    void thePreflightFindsGitOpsNoHistoryAndAHeldLock() {
        var deployment = sandbox.client().apps().deployments().inNamespace(ns("sandbox-prod")).withName("catalog");
        deployment.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"argocd.argoproj.io/tracking-id\":"
                + "\"shop:apps/Deployment:shop-prod/catalog\"}},\"spec\":{\"revisionHistoryLimit\":0}}");
        leases.acquire(target("sandbox-prod", "catalog").lockKey(), "bob@desk", "deploy catalog", Duration.ofMinutes(5), false);
        try {
            RollbackProposal p = ops.proposeRollback(target("sandbox-prod", "catalog"));
            assertThat(p.findings()).extracting(Finding::code).containsExactly(Finding.Code.GITOPS, Finding.Code.NO_HISTORY,
                    Finding.Code.LOCK_HELD, Finding.Code.CONFIRM);
            assertThat(p.findings()).filteredOn(f -> f.code() == Finding.Code.GITOPS).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(Finding.Severity.WARNING);
                assertThat(f.message()).isEqualTo("deployment/catalog is managed by Argo CD, which will revert this change at its next sync");
            });
            assertThat(p.findings()).filteredOn(f -> f.code() == Finding.Code.LOCK_HELD).singleElement()
                    .satisfies(f -> assertThat(f.message()).contains("bob@desk since"));
            assertThat(p.lock()).hasValueSatisfying(h -> assertThat(h.holder()).isEqualTo("bob@desk"));
            // revisionHistoryLimit 0 blocks a rollback even with the lock broken.
            assertThatThrownBy(() -> ops.prepareRollback(p, 0, OpsChoices.of("", "sandbox-prod").withBreakLock(true)))
                    .isInstanceOf(OpsInputException.class).hasMessageContaining("keeps no old revisions (revisionHistoryLimit 0)");
        } finally {
            leases.release(target("sandbox-prod", "catalog").lockKey(), "bob@desk");
            deployment.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"argocd.argoproj.io/tracking-id\":null}},"
                    + "\"spec\":{\"revisionHistoryLimit\":10}}");
        }
    }

    @Test
    void aWriteThatConflictsTwiceFailsTheExecuteStepWithAClearMessageAndChangesNothing() {
        OpsTarget checkout = target("sandbox-staging", "checkout");
        var deployment = sandbox.client().apps().deployments().inNamespace(ns("sandbox-staging")).withName("checkout");
        String before = deployment.get().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
        AtomicInteger writes = new AtomicInteger();
        rollouts.beforeEachWrite(r -> deployment.patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"edited-by\":\"someone-" + writes.incrementAndGet() + "\"}}}"));

        ChangeProposal p = ops.proposeDeploy(checkout, before.substring(0, before.lastIndexOf(':')) + ":3.4.0");
        KubeRun run = ops.run(ops.prepareChange(p, OpsChoices.of("conflict test", null)), KubeListener.NONE, CancelSignal.none());

        assertThat(run.verified()).isFalse();
        assertThat(run.changed()).isFalse();
        assertThat(run.summary()).contains("failed at execute: deployment/checkout in namespace " + ns("sandbox-staging")
                + " changed while it was being written, twice (409 Conflict)", "nothing was changed");
        assertThat(writes).hasValue(2);
        assertThat(deployment.get().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).isEqualTo(before);
        OperationRecord op = history.operation(run.operationId()).orElseThrow();
        assertThat(op.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(op.steps()).extracting(s -> s.name() + "=" + s.status()).containsExactly("preflight=SUCCEEDED",
                "lock=SUCCEEDED", "execute=FAILED", "record=SUCCEEDED");
        assertThat(op.steps().get(2).output()).contains("409 Conflict");
        assertThat(leases.holder(checkout.lockKey())).as("released at the end").isEmpty();
    }

    @Test
    void cancelBeforeExecuteChangesNothingAndReleasesTheLock() {
        OpsTarget payments = target("sandbox-staging", "payments");
        CancelSignal cancel = new CancelSignal();
        String before = rollouts.state(payments.workload()).images().getFirst();
        RollbackProposal p = ops.proposeRollback(payments);
        KubeRun run = ops.run(ops.prepareRollback(p, 0, OpsChoices.of("", null)), new KubeListener() {
            @Override
            public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
                if (step.phase() == StepPhase.LOCK) {
                    cancel.cancel();
                }
            }
        }, cancel);

        assertThat(run.result().outcome()).isEqualTo(Outcome.CANCELLED);
        assertThat(run.changed()).isFalse();
        assertThat(rollouts.state(payments.workload()).images().getFirst()).isEqualTo(before);
        assertThat(history.operation(run.operationId()).orElseThrow().steps()).extracting(StepRecord::name, StepRecord::status)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("preflight", StepStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("lock", StepStatus.SUCCEEDED),
                        org.assertj.core.groups.Tuple.tuple("execute", StepStatus.CANCELLED));
        assertThat(leases.holder(payments.lockKey())).isEmpty();
    }

    @Test
    void aPausedRolloutIsABlockerWhoseRemedyIsResume() {
        OpsTarget orders = target("sandbox-dev", "checkout");
        sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("checkout")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        RollbackProposal paused = ops.proposeRollback(orders);
        assertThat(paused.blockers()).extracting(Finding::code).containsExactly(Finding.Code.PAUSED);
        assertThat(paused.blockers().getFirst().remedy()).startsWith("resume it first (kubectl rollout resume deployment/checkout");

        assertThat(ops.resume(orders).changed()).isTrue();
        assertThat(ops.proposeRollback(orders).blockers()).isEmpty();
    }
}
