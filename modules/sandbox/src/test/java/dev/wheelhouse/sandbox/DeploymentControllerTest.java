package dev.wheelhouse.sandbox;

import static dev.wheelhouse.sandbox.Harness.annotation;
import static dev.wheelhouse.sandbox.Harness.image;
import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** The Deployment controller against Kubernetes' documented behaviour, on a clock the test moves. */
class DeploymentControllerTest {
    private static final String DEV = "shop-dev";
    private static final String PROD = "shop-prod";
    private static final String REPO = "registry.sandbox.local/shop/storefront:";

    private final Harness h = new Harness();

    @Test
    void theSeedIsWhatTheControllersWouldWriteSoNothingIsRewrittenAtStart() {
        long before = h.store.writes();
        for (Deployment d : h.cluster.<Deployment>all(Resources.DEPLOYMENTS)) {
            h.sim.enqueue(Cluster.Work.of(d));
        }
        for (ReplicaSet rs : h.cluster.<ReplicaSet>all(Resources.REPLICASETS)) {
            h.sim.enqueue(Cluster.Work.of(rs));
        }
        for (StatefulSet s : h.cluster.<StatefulSet>all(Resources.STATEFULSETS)) {
            h.sim.enqueue(Cluster.Work.of(s));
        }
        for (DaemonSet d : h.cluster.<DaemonSet>all(Resources.DAEMONSETS)) {
            h.sim.enqueue(Cluster.Work.of(d));
        }
        for (Pod p : h.cluster.<Pod>all(Resources.PODS)) {
            h.sim.enqueue(Cluster.Work.of(p));
        }
        for (Service s : h.cluster.<Service>all(Resources.SERVICES)) {
            h.sim.enqueue(Cluster.Work.of(s));
        }
        h.sim.runUntilIdle();
        assertThat(h.store.writes()).as("writes after reconciling every seeded object").isEqualTo(before);
        assertThat(h.store.indexProblems()).isEmpty();
    }

    @Test
    void aNewTemplateGetsItsOwnReplicaSetWithTheNextRevisionAndTheChangeCause() {
        Deployment before = h.deployment(DEV, "storefront");
        assertThat(annotation(before, Kube.REVISION)).isEqualTo("3");
        h.jsonPatch(Resources.DEPLOYMENTS, DEV, "storefront", "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                + "\"value\":\"" + REPO + "2.0.0\"},{\"op\":\"add\",\"path\":\"/metadata/annotations/kubernetes.io~1change-cause\","
                + "\"value\":\"deploy 2.0.0 for the summer sale\"}]");

        List<ReplicaSet> sets = h.replicaSets(DEV, "storefront");
        assertThat(sets).hasSize(4);
        ReplicaSet newest = sets.getLast();
        String hash = newest.getMetadata().getLabels().get(Kube.POD_TEMPLATE_HASH);
        assertThat(newest.getMetadata().getName()).isEqualTo("storefront-" + hash);
        assertThat(hash).matches("[bcdfghjklmnpqrstvwxz2456789]{6,10}");
        assertThat(newest.getSpec().getSelector().getMatchLabels()).containsEntry(Kube.POD_TEMPLATE_HASH, hash).containsEntry("app", "storefront");
        assertThat(newest.getSpec().getTemplate().getMetadata().getLabels()).containsEntry(Kube.POD_TEMPLATE_HASH, hash);
        assertThat(newest.getMetadata().getOwnerReferences()).singleElement().satisfies(ref -> {
            assertThat(ref.getController()).isTrue();
            assertThat(ref.getKind()).isEqualTo("Deployment");
            assertThat(ref.getUid()).isEqualTo(before.getMetadata().getUid());
        });
        assertThat(annotation(newest, Kube.REVISION)).isEqualTo("4");
        assertThat(annotation(newest, Kube.CHANGE_CAUSE)).isEqualTo("deploy 2.0.0 for the summer sale");
        assertThat(annotation(newest, Kube.DESIRED_REPLICAS)).isEqualTo("1");
        assertThat(annotation(newest, Kube.MAX_REPLICAS)).isEqualTo("2");
        assertThat(image(newest)).isEqualTo(REPO + "2.0.0");
        assertThat(annotation(h.deployment(DEV, "storefront"), Kube.REVISION)).isEqualTo("4");
        assertThat(h.pods(newest)).singleElement().satisfies(p -> {
            assertThat(p.getMetadata().getName()).startsWith(newest.getMetadata().getName() + "-");
            assertThat(p.getMetadata().getLabels()).containsEntry(Kube.POD_TEMPLATE_HASH, hash);
            assertThat(p.getStatus().getPhase()).isEqualTo("Pending");
        });

        h.advance(Duration.ofSeconds(5));
        Deployment after = h.deployment(DEV, "storefront");
        assertThat(after.getStatus().getObservedGeneration()).isEqualTo(after.getMetadata().getGeneration());
        assertThat(after.getStatus().getReplicas()).isEqualTo(1);
        assertThat(after.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(after.getStatus().getReadyReplicas()).isEqualTo(1);
        assertThat(after.getStatus().getAvailableReplicas()).isEqualTo(1);
        assertThat(after.getStatus().getUnavailableReplicas()).isNull();
        assertThat(condition(after, "Available")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("MinimumReplicasAvailable");
        });
        assertThat(condition(after, "Progressing")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable");
            assertThat(c.getMessage()).isEqualTo("ReplicaSet \"" + newest.getMetadata().getName() + "\" has successfully progressed.");
        });
        List<ReplicaSet> settled = h.replicaSets(DEV, "storefront");
        assertThat(settled.subList(0, 3)).allSatisfy(rs -> assertThat(rs.getSpec().getReplicas()).isZero());
        assertThat(h.pods(settled.get(2))).isEmpty();
    }

    @Test
    void aRollingUpdateStaysWithinMaxSurgeAndMaxUnavailableAndReportsProgress() {
        // 3 replicas at 25%/25%: surge rounds up to 1, unavailable down to 0.
        h.setImage(PROD, "storefront", REPO + "2.0.0");
        Deployment during = h.deployment(PROD, "storefront");
        assertThat(during.getStatus().getObservedGeneration()).isEqualTo(during.getMetadata().getGeneration());
        assertThat(during.getStatus().getReplicas()).isEqualTo(4);
        assertThat(during.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(during.getStatus().getReadyReplicas()).isEqualTo(3);
        assertThat(during.getStatus().getAvailableReplicas()).isEqualTo(3);
        assertThat(during.getStatus().getUnavailableReplicas()).isEqualTo(1);
        assertThat(condition(during, "Progressing")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("True");
            assertThat(c.getReason()).isEqualTo("ReplicaSetUpdated");
            assertThat(c.getMessage()).endsWith("is progressing.");
        });

        int[] maxPods = {0};
        int[] minAvailable = {Integer.MAX_VALUE};
        stepUntil(Duration.ofSeconds(30), d -> {
            int pods = 0;
            int available = 0;
            for (ReplicaSet rs : h.replicaSets(PROD, "storefront")) {
                pods += h.pods(rs).size();
                available += rs.getStatus().getAvailableReplicas() == null ? 0 : rs.getStatus().getAvailableReplicas();
            }
            maxPods[0] = Math.max(maxPods[0], pods);
            minAvailable[0] = Math.min(minAvailable[0], available);
        });
        assertThat(maxPods[0]).as("pods never above replicas + maxSurge").isLessThanOrEqualTo(4);
        assertThat(minAvailable[0]).as("available never below replicas - maxUnavailable").isGreaterThanOrEqualTo(3);
        Deployment done = h.deployment(PROD, "storefront");
        assertThat(done.getStatus().getUpdatedReplicas()).isEqualTo(3);
        assertThat(done.getStatus().getReplicas()).isEqualTo(3);
        assertThat(condition(done, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
        assertThat(h.replicaSets(PROD, "storefront").getLast().getStatus().getReadyReplicas()).isEqualTo(3);
    }

    @Test
    void goingBackToAnOldTemplateReusesItsReplicaSetAndMovesItsNumberToRevisionHistory() {
        List<ReplicaSet> seeded = h.replicaSets(PROD, "storefront");
        assertThat(seeded).extracting(rs -> annotation(rs, Kube.REVISION)).containsExactly("1", "2", "3");
        ReplicaSet second = seeded.get(1);

        h.setImage(PROD, "storefront", image(second));
        h.advance(Duration.ofSeconds(10));

        List<ReplicaSet> sets = h.replicaSets(PROD, "storefront");
        assertThat(sets).hasSize(3);
        assertThat(sets).extracting(rs -> annotation(rs, Kube.REVISION)).containsExactly("1", "3", "4");
        ReplicaSet reused = sets.getLast();
        assertThat(reused.getMetadata().getUid()).isEqualTo(second.getMetadata().getUid());
        assertThat(annotation(reused, Kube.REVISION_HISTORY)).isEqualTo("2");
        assertThat(reused.getSpec().getReplicas()).isEqualTo(3);
        assertThat(annotation(h.deployment(PROD, "storefront"), Kube.REVISION)).isEqualTo("4");

        // Back to revision 3's template, then to 4's again: each reuse appends the number it leaves.
        h.setImage(PROD, "storefront", image(sets.get(1)));
        h.advance(Duration.ofSeconds(10));
        h.setImage(PROD, "storefront", image(second));
        h.advance(Duration.ofSeconds(10));
        List<ReplicaSet> after = h.replicaSets(PROD, "storefront");
        assertThat(after).extracting(rs -> annotation(rs, Kube.REVISION)).containsExactly("1", "5", "6");
        assertThat(annotation(after.getLast(), Kube.REVISION_HISTORY)).isEqualTo("2,4");
        assertThat(annotation(after.get(1), Kube.REVISION_HISTORY)).isEqualTo("3");
    }

    @Test
    void replicaSetsBeyondTheRevisionHistoryLimitArePrunedOldestFirst() {
        h.mergePatch(Resources.DEPLOYMENTS, "shop-staging", "catalog", "{\"spec\":{\"revisionHistoryLimit\":1}}");
        h.advance(Duration.ofSeconds(1));
        assertThat(h.replicaSets("shop-staging", "catalog")).extracting(rs -> annotation(rs, Kube.REVISION)).containsExactly("3", "4");

        h.setImage("shop-staging", "catalog", "registry.sandbox.local/shop/catalog:9.0.0");
        h.advance(Duration.ofSeconds(10));
        assertThat(h.replicaSets("shop-staging", "catalog")).extracting(rs -> annotation(rs, Kube.REVISION)).containsExactly("4", "5");
    }

    @Test
    void aReleaseThatNeverBecomesReadyStallsAndExceedsItsProgressDeadline() {
        h.setImage(PROD, "storefront", REPO + "2.0.0-broken");
        h.advance(Duration.ofSeconds(4));
        ReplicaSet broken = h.replicaSets(PROD, "storefront").getLast();
        Pod pod = h.pods(broken).getFirst();
        ContainerStatus early = pod.getStatus().getContainerStatuses().getFirst();
        assertThat(early.getReady()).isFalse();
        assertThat(early.getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(condition(h.deployment(PROD, "storefront"), "Progressing").getStatus()).isEqualTo("True");

        h.advance(Duration.ofSeconds(25));
        Deployment d = h.deployment(PROD, "storefront");
        assertThat(d.getStatus().getObservedGeneration()).isEqualTo(d.getMetadata().getGeneration());
        assertThat(condition(d, "Progressing")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("False");
            assertThat(c.getReason()).isEqualTo("ProgressDeadlineExceeded");
            assertThat(c.getMessage()).isEqualTo("ReplicaSet \"" + broken.getMetadata().getName() + "\" has timed out progressing.");
        });
        assertThat(condition(d, "Available").getStatus()).as("the old pods still serve").isEqualTo("True");
        assertThat(d.getStatus().getAvailableReplicas()).isEqualTo(3);
        ContainerStatus late = h.cluster.<Pod>get(Resources.PODS, PROD, pod.getMetadata().getName()).getStatus().getContainerStatuses().getFirst();
        assertThat(late.getRestartCount()).isGreaterThan(early.getRestartCount());
    }

    @Test
    void anImageThatDoesNotExistIsStuckInImagePullBackOff() {
        h.setImage(DEV, "checkout", "registry.sandbox.local/shop/does-not-exist:1.0");
        h.advance(Duration.ofSeconds(3));
        Pod pod = h.pods(h.replicaSets(DEV, "checkout").getLast()).getFirst();
        assertThat(pod.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getWaiting().getReason()).isEqualTo("ImagePullBackOff");
    }

    @Test
    void anImageListedInTheOptionsCrashLoopsToo() {
        Harness listed = new Harness(SandboxOptions.defaults().withRolloutStepMillis(1000).withChurnPerSecond(0)
                .withBrokenImages(List.of("registry.sandbox.local/shop/catalog:2.9.9")));
        listed.setImage(DEV, "catalog", "registry.sandbox.local/shop/catalog:2.9.9");
        listed.advance(Duration.ofSeconds(3));
        Pod pod = listed.pods(listed.replicaSets(DEV, "catalog").getLast()).getFirst();
        assertThat(pod.getStatus().getContainerStatuses().getFirst().getState().getWaiting().getReason()).isEqualTo("CrashLoopBackOff");
        assertThat(Kubelet.isReady(pod)).isFalse();
    }

    @Test
    void aPausedDeploymentDoesNotRollUntilResumed() {
        h.mergePatch(Resources.DEPLOYMENTS, DEV, "catalog", "{\"spec\":{\"paused\":true}}");
        assertThat(condition(h.deployment(DEV, "catalog"), "Progressing")).satisfies(c -> {
            assertThat(c.getStatus()).isEqualTo("Unknown");
            assertThat(c.getReason()).isEqualTo("DeploymentPaused");
        });
        h.setImage(DEV, "catalog", "registry.sandbox.local/shop/catalog:9.0.0");
        h.advance(Duration.ofSeconds(10));
        Deployment paused = h.deployment(DEV, "catalog");
        assertThat(h.replicaSets(DEV, "catalog")).hasSize(3);
        assertThat(paused.getStatus().getObservedGeneration()).isEqualTo(paused.getMetadata().getGeneration());
        assertThat(paused.getStatus().getUpdatedReplicas()).isNull();

        h.mergePatch(Resources.DEPLOYMENTS, DEV, "catalog", "{\"spec\":{\"paused\":null}}");
        h.advance(Duration.ofSeconds(10));
        Deployment resumed = h.deployment(DEV, "catalog");
        assertThat(h.replicaSets(DEV, "catalog")).hasSize(4);
        assertThat(image(h.replicaSets(DEV, "catalog").getLast())).endsWith(":9.0.0");
        assertThat(resumed.getStatus().getUpdatedReplicas()).isEqualTo(1);
        assertThat(condition(resumed, "Progressing").getReason()).isEqualTo("NewReplicaSetAvailable");
    }

    @Test
    void scalingChangesTheReplicaSetAndItsPods() {
        h.mergePatch(Resources.DEPLOYMENTS, DEV, "payments", "{\"spec\":{\"replicas\":4}}");
        h.advance(Duration.ofSeconds(3));
        ReplicaSet rs = h.replicaSets(DEV, "payments").getLast();
        assertThat(rs.getSpec().getReplicas()).isEqualTo(4);
        assertThat(annotation(rs, Kube.DESIRED_REPLICAS)).isEqualTo("4");
        assertThat(h.pods(rs)).hasSize(4).allSatisfy(p -> assertThat(Kubelet.isReady(p)).isTrue());
        assertThat(h.deployment(DEV, "payments").getStatus().getAvailableReplicas()).isEqualTo(4);
        assertThat(h.replicaSets(DEV, "payments")).hasSize(3);
    }

    @Test
    void deletingADeploymentDeletesItsReplicaSetsAndPods() {
        Deployment d = h.deployment(DEV, "storefront");
        List<ReplicaSet> sets = h.replicaSets(DEV, "storefront");
        h.request(HttpMethod.DELETE, Resources.DEPLOYMENTS.path(DEV, "storefront"), null, null);
        assertThat(h.cluster.owned(Resources.REPLICASETS, d.getMetadata().getUid())).isEmpty();
        assertThat(h.pods(sets.getLast())).isEmpty();
        assertThat(h.store.indexProblems()).isEmpty();
    }

    @Test
    void theEndpointsFollowTheReadyPods() {
        h.setImage(DEV, "storefront", REPO + "2.0.0");
        h.advance(Duration.ofSeconds(5));
        Pod pod = h.pods(h.replicaSets(DEV, "storefront").getLast()).getFirst();
        String json = h.store.json(Resources.ENDPOINTS, DEV, "storefront");
        assertThat(json).contains("\"ip\":\"" + pod.getStatus().getPodIP() + "\"").doesNotContain("notReadyAddresses");
    }

    private void stepUntil(Duration total, Consumer<Duration> check) {
        for (long t = 0; t < total.toMillis(); t += 100) {
            h.advance(Duration.ofMillis(100));
            check.accept(Duration.ofMillis(t));
        }
    }

    static DeploymentCondition condition(Deployment d, String type) {
        return DeploymentController.condition(d.getStatus(), type);
    }
}
