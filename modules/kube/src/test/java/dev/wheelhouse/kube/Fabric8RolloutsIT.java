package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Revisions, kubectl-style rollback and rollout status against the practice sandbox's simulated controllers. */
class Fabric8RolloutsIT {
    static Sandbox sandbox;
    static Fabric8Rollouts rollouts;
    static String ns;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        rollouts = new Fabric8Rollouts(sandbox.writeKubeconfig(dir.resolve("kubeconfig")));
        ns = sandbox.seed().namespace("sandbox-staging").orElseThrow();
    }

    @AfterAll
    static void stop() {
        rollouts.close();
        sandbox.close();
    }

    Deployment deployment(String name) {
        return sandbox.client().apps().deployments().inNamespace(ns).withName(name).get();
    }

    String image(String name) {
        return deployment(name).getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    RolloutStatus awaitDone(String name) {
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> rollouts.status(Sandbox.CONTEXT, ns, name).state() != RolloutStatus.State.IN_PROGRESS);
        return rollouts.status(Sandbox.CONTEXT, ns, name);
    }

    @Test
    void listsTheOwnedRevisionsWithImagesAndChangeCause() {
        List<Revision> revisions = rollouts.revisions(Sandbox.CONTEXT, ns, "storefront");
        String version = sandbox.seed().version("sandbox-staging", "storefront").orElseThrow();
        assertThat(revisions).extracting(Revision::number).containsExactly(1L, 2L, 3L, 4L);
        assertThat(revisions).filteredOn(Revision::current).singleElement().satisfies(r -> {
            assertThat(r.number()).isEqualTo(4);
            assertThat(r.images()).singleElement().asString().endsWith(":" + version);
            assertThat(r.changeCause()).isNotBlank();
        });
        assertThat(rollouts.status(Sandbox.CONTEXT, ns, "storefront").allAvailable()).isTrue();
    }

    @Test
    void rollsBackToThePreviousRevisionAsKubectlDoes() {
        List<Revision> before = rollouts.revisions(Sandbox.CONTEXT, ns, "checkout");
        Revision previous = before.get(before.size() - 2);
        RollbackResult result = rollouts.rollback(Sandbox.CONTEXT, ns, "checkout", 0, "ops@test: incident 7");

        assertThat(result.changed()).isTrue();
        assertThat(result.to().number()).isEqualTo(previous.number());
        assertThat(result.from().current()).isTrue();
        RolloutStatus status = awaitDone("checkout");
        assertThat(status.state()).as(status.message()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(status.allAvailable()).isTrue();
        assertThat("checkout=" + image("checkout")).isEqualTo(previous.images().getFirst());
        Deployment d = deployment("checkout");
        assertThat(d.getMetadata().getAnnotations()).containsEntry(Fabric8Rollouts.CHANGE_CAUSE, "ops@test: incident 7");
        assertThat(d.getSpec().getTemplate().getMetadata().getLabels()).doesNotContainKey(Fabric8Rollouts.POD_TEMPLATE_HASH);

        // kubectl's renumbering: the target's ReplicaSet takes the next number, its old one is gone.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(rollouts.revisions(Sandbox.CONTEXT, ns, "checkout"))
                .extracting(Revision::number).containsExactly(1L, 2L, 4L, 5L));
        Revision now = rollouts.revisions(Sandbox.CONTEXT, ns, "checkout").getLast();
        assertThat(now.current()).isTrue();
        assertThat(now.replicaSet()).isEqualTo(previous.replicaSet());
        assertThat(now.changeCause()).isEqualTo("ops@test: incident 7");
    }

    @Test
    void anUnknownRevisionIsRefusedNamingTheKnownOnes() {
        String image = image("catalog");
        assertThatThrownBy(() -> rollouts.rollback(Sandbox.CONTEXT, ns, "catalog", 42, "x"))
                .isInstanceOf(RolloutRefusedException.class)
                .hasMessage("deployment \"catalog\" has no revision 42 (it has: 1, 2, 3, 4)")
                .extracting(e -> ((RolloutRefusedException) e).reason()).isEqualTo(RolloutRefusedException.Reason.NO_SUCH_REVISION);
        assertThat(image("catalog")).isEqualTo(image);
        assertThatThrownBy(() -> rollouts.rollback(Sandbox.CONTEXT, ns, "no-such-app", 0, "x"))
                .isInstanceOf(RolloutRefusedException.class).hasMessageContaining("not found");
    }

    @Test
    void aPausedDeploymentIsRefused() {
        // Patches without a resourceVersion, as kubectl sends them: the controllers update the
        // object all the time, so an edit() of a read copy can meet a 409.
        sandbox.client().apps().deployments().inNamespace(ns).withName("payments")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        try {
            String image = image("payments");
            assertThatThrownBy(() -> rollouts.rollback(Sandbox.CONTEXT, ns, "payments", 0, "x"))
                    .isInstanceOf(RolloutRefusedException.class)
                    .hasMessageContaining("is paused")
                    .hasMessageContaining("kubectl rollout resume deployment/payments");
            assertThat(image("payments")).isEqualTo(image);
            assertThat(rollouts.status(Sandbox.CONTEXT, ns, "payments").paused()).isTrue();
        } finally {
            sandbox.client().apps().deployments().inNamespace(ns).withName("payments")
                    .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":false}}");
        }
    }

    @Test
    void aBrokenImageEndsInProgressDeadlineExceeded() {
        String other = sandbox.seed().namespace("sandbox-dev").orElseThrow();
        sandbox.client().apps().deployments().inNamespace(other).withName("catalog").patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                        + "\"value\":\"registry.sandbox.local/shop/catalog:9.9.9-broken\"}]");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200))
                .until(() -> rollouts.status(Sandbox.CONTEXT, other, "catalog").state() == RolloutStatus.State.FAILED);
        RolloutStatus status = rollouts.status(Sandbox.CONTEXT, other, "catalog");
        assertThat(status.message()).isEqualTo("deployment \"catalog\" exceeded its progress deadline");
        assertThat(status.allAvailable()).isFalse();
    }
}
