package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.ops.ChangeResult;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutRefusedException.Reason;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.ops.WorkloadState;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The writes of the operations and the other workload kinds against the practice sandbox: the
 * StatefulSet rollback through ControllerRevisions, image, restart and scale, a real 409 (the
 * object changed between read and write), and a real 403 (a denial rule of the sandbox).
 */
class Fabric8WorkloadOpsIT {
    static Sandbox sandbox;
    static Fabric8Rollouts rollouts;
    static String ns;
    static String dev;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(100)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        rollouts = new Fabric8Rollouts(sandbox.writeKubeconfig(dir.resolve("kubeconfig")));
        ns = sandbox.seed().namespace("sandbox-staging").orElseThrow();
        dev = sandbox.seed().namespace("sandbox-dev").orElseThrow();
    }

    @AfterEach
    void noHookNoDenials() {
        rollouts.beforeEachWrite(null);
        sandbox.denied(List.of());
    }

    @AfterAll
    static void stop() {
        rollouts.close();
        sandbox.close();
    }

    static WorkloadRef ref(String namespace, WorkloadKind kind, String name) {
        return new WorkloadRef(Sandbox.CONTEXT, namespace, kind, name);
    }

    static RolloutStatus awaitSettled(WorkloadRef ref) {
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(100))
                .until(() -> rollouts.status(ref).state() != RolloutStatus.State.IN_PROGRESS);
        return rollouts.status(ref);
    }

    @Test
    void rollsAStatefulSetBackThroughItsControllerRevisions() {
        WorkloadRef db = ref(ns, WorkloadKind.STATEFULSET, "orders-db");
        List<Revision> before = rollouts.revisions(db);
        assertThat(before).hasSizeGreaterThan(1);
        Revision current = before.stream().filter(Revision::current).findFirst().orElseThrow();
        assertThat(current.number()).isEqualTo(before.getLast().number());
        Revision previous = before.get(before.size() - 2);
        assertThat(previous.template().fields()).containsKey("container/postgres/image");
        assertThat(rollouts.status(db).state()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(rollouts.status(db).message()).startsWith("statefulset rolling update complete");

        RollbackResult result = rollouts.rollback(db, 0, "ops@test: db incident");

        assertThat(result.changed()).isTrue();
        assertThat(result.to().number()).isEqualTo(previous.number());
        RolloutStatus status = awaitSettled(db);
        assertThat(status.state()).as(status.message()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(status.allAvailable()).isTrue();
        assertThat(status.images()).isEqualTo(previous.images());
        assertThat(rollouts.pods(db)).isNotEmpty().allSatisfy(p -> assertThat(p.images()).isEqualTo(previous.images()));
        // As for Deployments, the old revision comes back with the next number.
        assertThat(rollouts.revisions(db).stream().filter(Revision::current).findFirst().orElseThrow().replicaSet())
                .isEqualTo(previous.replicaSet());
    }

    @Test
    void readsADaemonSetsStatusAndRevisionsTheWayKubectlDoes() {
        WorkloadRef ds = ref(ns, WorkloadKind.DAEMONSET, "log-shipper");
        RolloutStatus status = rollouts.status(ds);
        assertThat(status.state()).as(status.message()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(status.message()).isEqualTo("daemon set \"log-shipper\" successfully rolled out");
        assertThat(rollouts.revisions(ds)).filteredOn(Revision::current).hasSize(1);
        WorkloadState state = rollouts.state(ds);
        assertThat(state.images()).singleElement().asString().startsWith("fluent-bit=");
    }

    @Test
    void rollsADaemonSetBackThroughItsControllerRevisions() {
        WorkloadRef ds = ref(dev, WorkloadKind.DAEMONSET, "log-shipper");
        List<Revision> before = rollouts.revisions(ds);
        Revision current = before.stream().filter(Revision::current).findFirst().orElseThrow();
        Revision previous = before.stream().filter(r -> r.number() < current.number()).reduce((a, b) -> b).orElseThrow();

        RollbackResult result = rollouts.rollback(ds, 0, "ops@test: shipper incident");

        assertThat(result.changed()).isTrue();
        assertThat(result.to().number()).isEqualTo(previous.number());
        RolloutStatus status = awaitSettled(ds);
        assertThat(status.state()).as(status.message()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(status.images()).isEqualTo(previous.images());
        assertThat(rollouts.revisions(ds)).filteredOn(Revision::current).singleElement()
                .satisfies(r -> assertThat(r.replicaSet()).isEqualTo(previous.replicaSet()));
        assertThat(rollouts.pods(ds)).isNotEmpty().allSatisfy(p -> assertThat(p.images()).isEqualTo(previous.images()));
    }

    @Test
    void setsAnImageRestartsAndScalesWithMergePatches() {
        WorkloadRef catalog = ref(dev, WorkloadKind.DEPLOYMENT, "catalog");
        awaitSettled(catalog);
        String image = rollouts.state(catalog).images().getFirst();
        String repo = image.substring(image.indexOf('=') + 1, image.lastIndexOf(':'));
        Instant before = Instant.now().minusSeconds(2);

        ChangeResult set = rollouts.setImage(catalog, "catalog", repo + ":7.7.7", "ops@test: new catalog");
        assertThat(set.changed()).isTrue();
        assertThat(set.message()).endsWith("-> " + repo + ":7.7.7");
        assertThat(rollouts.setImage(catalog, "catalog", repo + ":7.7.7", "again").changed()).isFalse();
        assertThat(awaitSettled(catalog).images()).containsExactly("catalog=" + repo + ":7.7.7");
        assertThat(rollouts.revisions(catalog).getLast().changeCause()).isEqualTo("ops@test: new catalog");
        assertThat(rollouts.pods(catalog)).isNotEmpty().allSatisfy(p -> {
            assertThat(p.images()).containsExactly("catalog=" + repo + ":7.7.7");
            assertThat(p.created()).isAfter(before);
        });
        assertThatThrownBy(() -> rollouts.setImage(catalog, "nope", repo + ":1", "x"))
                .isInstanceOf(RolloutRefusedException.class).hasMessageContaining("has no container \"nope\" (it has: catalog)");

        ChangeResult restart = rollouts.restart(catalog, Instant.parse("2026-11-27T10:00:00.123Z"), "ops@test: restart");
        assertThat(restart.message()).isEqualTo("restarted: kubectl.kubernetes.io/restartedAt=2026-11-27T10:00:00Z");
        assertThat(sandbox.client().apps().deployments().inNamespace(dev).withName("catalog").get().getSpec().getTemplate()
                .getMetadata().getAnnotations()).containsEntry("kubectl.kubernetes.io/restartedAt", "2026-11-27T10:00:00Z");
        awaitSettled(catalog);

        int replicas = rollouts.state(catalog).replicas();
        assertThat(rollouts.scale(catalog, replicas + 1).message()).isEqualTo("replicas " + replicas + " -> " + (replicas + 1));
        RolloutStatus scaled = awaitSettled(catalog);
        assertThat(scaled.desired()).isEqualTo(replicas + 1);
        assertThat(scaled.available()).isEqualTo(replicas + 1);
    }

    @Test
    void aConflictIsReadAgainAndRetriedOnceThenStopsWithAClearMessage() {
        WorkloadRef checkout = ref(dev, WorkloadKind.DEPLOYMENT, "checkout");
        awaitSettled(checkout);
        var deployments = sandbox.client().apps().deployments().inNamespace(dev).withName("checkout");
        AtomicInteger writes = new AtomicInteger();
        // Someone else changes the object between our read and our write, once: the retry wins.
        rollouts.beforeEachWrite(r -> {
            if (writes.incrementAndGet() == 1) {
                deployments.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"labels\":{\"touched\":\"1\"}}}");
            }
        });
        assertThat(rollouts.scale(checkout, 3).changed()).isTrue();
        assertThat(writes).hasValue(2);
        assertThat(deployments.get().getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployments.get().getMetadata().getLabels()).containsEntry("touched", "1");

        // Someone keeps changing it: two 409s, and nothing of ours is written. Each change must
        // really change the object ("touched" is already "1"): a patch that changes nothing
        // leaves the resourceVersion as it was, and then there is no conflict.
        AtomicInteger n = new AtomicInteger();
        rollouts.beforeEachWrite(r -> deployments.patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"touched\":\"again-" + n.incrementAndGet() + "\"}}}"));
        assertThatThrownBy(() -> rollouts.scale(checkout, 5))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessage("deployment/checkout in namespace " + dev + " changed while it was being written, twice (409 Conflict):"
                        + " someone else is changing it; look at what they changed and try again")
                .extracting(e -> ((RolloutRefusedException) e).reason()).isEqualTo(Reason.CONFLICT);
        assertThat(deployments.get().getSpec().getReplicas()).isEqualTo(3);
        assertThat(n).hasValue(2);
    }

    @Test
    void aForbiddenPatchNamesVerbResourceAndNamespace() {
        WorkloadRef payments = ref(ns, WorkloadKind.DEPLOYMENT, "payments");
        String image = rollouts.state(payments).images().getFirst();
        sandbox.denied(List.of(Denial.of("patch", "deployments.apps", ns)));

        assertThat(rollouts.canI(Sandbox.CONTEXT, "patch", "deployments.apps", ns).verdict())
                .isEqualTo(AccessDecision.Verdict.DENIED);
        assertThatThrownBy(() -> rollouts.rollback(payments, 0, "x"))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessageStartingWith("forbidden: you may not patch deployments.apps in namespace " + ns
                        + " (context " + Sandbox.CONTEXT + ")")
                .extracting(e -> ((RolloutRefusedException) e).reason()).isEqualTo(Reason.FORBIDDEN);
        assertThat(rollouts.state(payments).images().getFirst()).isEqualTo(image);
    }

    @Test
    void podsShowCrashLoopsOfABrokenImage() {
        WorkloadRef storefront = ref(dev, WorkloadKind.DEPLOYMENT, "storefront");
        awaitSettled(storefront);
        String image = rollouts.state(storefront).images().getFirst();
        String repo = image.substring(image.indexOf('=') + 1, image.lastIndexOf(':'));
        rollouts.setImage(storefront, null, repo + ":6.6.6-broken", "ops@test");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100)).until(() -> rollouts.pods(storefront).stream()
                .anyMatch(PodState::crashLooping));
        assertThat(awaitSettled(storefront).state()).isEqualTo(RolloutStatus.State.FAILED);
        assertThat(rollouts.pods(storefront)).filteredOn(PodState::crashLooping)
                .allSatisfy(p -> assertThat(p.describe()).contains("(CrashLoopBackOff)"));
    }
}
