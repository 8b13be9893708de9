package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutStatus;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** kubectl's rules, on objects built here: ownership, the default target, the status verdicts. */
class Fabric8RolloutsTest {

    static Revision rev(long n, boolean current) {
        return new Revision(n, "rs-" + n, List.of("app=img:" + n), "", null, current ? 1 : 0, current);
    }

    @Test
    void ownershipNeedsAControllerReferenceWithTheDeploymentsUid() {
        ReplicaSet owned = new ReplicaSetBuilder().withNewMetadata().addNewOwnerReference().withUid("u1").withController(true)
                .endOwnerReference().endMetadata().build();
        ReplicaSet notController = new ReplicaSetBuilder().withNewMetadata().addNewOwnerReference().withUid("u1")
                .withController(false).endOwnerReference().endMetadata().build();
        ReplicaSet orphan = new ReplicaSetBuilder().withNewMetadata().endMetadata().build();
        assertThat(Fabric8Rollouts.ownedBy(owned, "u1")).isTrue();
        assertThat(Fabric8Rollouts.ownedBy(owned, "u2")).isFalse();
        assertThat(Fabric8Rollouts.ownedBy(notController, "u1")).isFalse();
        assertThat(Fabric8Rollouts.ownedBy(orphan, "u1")).isFalse();
    }

    @Test
    void theDefaultTargetIsTheNewestBelowTheCurrent() {
        assertThat(Fabric8Rollouts.target(List.of(rev(1, false), rev(3, false), rev(5, true)), 0, "d").number()).isEqualTo(3);
        // After a rollback to 3 the current one may not be the newest: kubectl still goes below the current.
        assertThat(Fabric8Rollouts.target(List.of(rev(1, false), rev(2, true), rev(4, false)), 0, "d").number()).isEqualTo(1);
        assertThatThrownBy(() -> Fabric8Rollouts.target(List.of(rev(1, true)), 0, "d"))
                .isInstanceOf(RolloutRefusedException.class).hasMessage("deployment \"d\" has no revision before 1 (it has: 1)");
        assertThatThrownBy(() -> Fabric8Rollouts.target(List.of(rev(1, false), rev(2, true)), 7, "d"))
                .isInstanceOf(RolloutRefusedException.class).hasMessage("deployment \"d\" has no revision 7 (it has: 1, 2)");
    }

    @Test
    void thePodTemplateHashIsDropped() {
        PodTemplateSpec t = new PodTemplateSpecBuilder().withNewMetadata().addToLabels("app", "a")
                .addToLabels("pod-template-hash", "abc").endMetadata().build();
        assertThat(Fabric8Rollouts.withoutHash(t).getMetadata().getLabels()).containsOnlyKeys("app");
        assertThat(t.getMetadata().getLabels()).containsKey("pod-template-hash");
    }

    static Deployment deployment(long generation, Long observed, int replicas, int updated, int total, int available, String reason) {
        DeploymentBuilder b = new DeploymentBuilder().withNewMetadata().withName("web").withGeneration(generation).endMetadata()
                .withNewSpec().withReplicas(replicas).endSpec()
                .withNewStatus().withObservedGeneration(observed).withReplicas(total).withUpdatedReplicas(updated)
                .withReadyReplicas(available).withAvailableReplicas(available).endStatus();
        if (reason != null) {
            b.editStatus().addNewCondition().withType("Progressing").withStatus("False").withReason(reason).endCondition().endStatus();
        }
        return b.build();
    }

    @Test
    void statusFollowsKubectl() {
        assertThat(Fabric8Rollouts.status(deployment(3, 2L, 2, 2, 2, 2, null)).message())
                .isEqualTo("Waiting for deployment spec update to be observed...");
        assertThat(Fabric8Rollouts.status(deployment(3, 3L, 2, 1, 3, 1, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 out of 2 new replicas have been updated...");
        assertThat(Fabric8Rollouts.status(deployment(3, 3L, 2, 2, 3, 2, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 old replicas are pending termination...");
        assertThat(Fabric8Rollouts.status(deployment(3, 3L, 2, 2, 2, 1, null)).message())
                .isEqualTo("Waiting for deployment \"web\" rollout to finish: 1 of 2 updated replicas are available...");
        RolloutStatus done = Fabric8Rollouts.status(deployment(3, 3L, 2, 2, 2, 2, "NewReplicaSetAvailable"));
        assertThat(done.state()).isEqualTo(RolloutStatus.State.COMPLETE);
        assertThat(done.allAvailable()).isTrue();
        RolloutStatus failed = Fabric8Rollouts.status(deployment(3, 3L, 2, 1, 3, 1, "ProgressDeadlineExceeded"));
        assertThat(failed.state()).isEqualTo(RolloutStatus.State.FAILED);
        assertThat(failed.message()).isEqualTo("deployment \"web\" exceeded its progress deadline");
    }
}
