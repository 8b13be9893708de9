package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.ControllerRevision;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** StatefulSet and DaemonSet controllers: revisions for history and undo, rolling updates, status. */
class WorkloadControllersTest {
    private static final String PROD = "shop-prod";
    private final Harness h = new Harness();

    @Test
    void aStatefulSetRollsFromTheHighestOrdinalAndRecordsARevision() {
        h.jsonPatch(Resources.STATEFULSETS, PROD, "orders-db",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"docker.io/library/postgres:17.4\"}]");
        StatefulSet during = h.cluster.get(Resources.STATEFULSETS, PROD, "orders-db");
        assertThat(during.getStatus().getUpdateRevision()).isNotEqualTo(during.getStatus().getCurrentRevision());
        Pod first = h.cluster.get(Resources.PODS, PROD, "orders-db-1");
        assertThat(first.getMetadata().getLabels()).as("the highest ordinal is replaced first")
                .containsEntry(Kube.CONTROLLER_REVISION_HASH, during.getStatus().getUpdateRevision());
        assertThat(first.getStatus().getPhase()).isEqualTo("Pending");
        assertThat(h.cluster.<Pod>get(Resources.PODS, PROD, "orders-db-0").getMetadata().getLabels())
                .containsEntry(Kube.CONTROLLER_REVISION_HASH, during.getStatus().getCurrentRevision());

        h.advance(Duration.ofSeconds(10));
        StatefulSet done = h.cluster.get(Resources.STATEFULSETS, PROD, "orders-db");
        assertThat(done.getStatus().getObservedGeneration()).isEqualTo(done.getMetadata().getGeneration());
        assertThat(done.getStatus().getCurrentRevision()).isEqualTo(done.getStatus().getUpdateRevision());
        assertThat(done.getStatus().getReadyReplicas()).isEqualTo(2);
        assertThat(done.getStatus().getUpdatedReplicas()).isEqualTo(2);
        assertThat(done.getStatus().getCurrentReplicas()).isEqualTo(2);
        assertThat(revisions(done)).extracting(ControllerRevision::getRevision).containsExactly(1L, 2L, 3L, 4L);
        assertThat(revisions(done).getLast().getMetadata().getName()).isEqualTo(done.getStatus().getUpdateRevision());
        for (String pod : List.of("orders-db-0", "orders-db-1")) {
            Pod p = h.cluster.get(Resources.PODS, PROD, pod);
            assertThat(p.getSpec().getContainers().getFirst().getImage()).endsWith(":17.4");
            assertThat(p.getMetadata().getLabels()).containsEntry(Kube.CONTROLLER_REVISION_HASH, done.getStatus().getUpdateRevision());
            assertThat(Kubelet.isReady(p)).isTrue();
        }
    }

    @Test
    void undoingAStatefulSetWithItsRevisionDataRenumbersThatRevision() {
        StatefulSet set = h.cluster.get(Resources.STATEFULSETS, PROD, "orders-db");
        ControllerRevision second = revisions(set).get(1);
        // kubectl rollout undo --to-revision=2 sends the revision's data as a strategic merge patch.
        h.request(HttpMethod.PATCH, Resources.STATEFULSETS.path(PROD, "orders-db"),
                "application/strategic-merge-patch+json", Json.write(second.getData()));
        h.advance(Duration.ofSeconds(10));
        StatefulSet done = h.cluster.get(Resources.STATEFULSETS, PROD, "orders-db");
        assertThat(revisions(done)).extracting(ControllerRevision::getRevision).containsExactly(1L, 3L, 4L);
        assertThat(revisions(done).getLast().getMetadata().getName()).isEqualTo(second.getMetadata().getName());
        assertThat(done.getStatus().getCurrentRevision()).isEqualTo(second.getMetadata().getName());
        assertThat(done.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage()).endsWith(":16.3");
    }

    @Test
    void aDaemonSetRollsNodeByNodeAndItsStatusAddsUp() {
        h.jsonPatch(Resources.DAEMONSETS, PROD, "log-shipper",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"cr.fluentbit.io/fluent/fluent-bit:3.3.0\"}]");
        h.advance(Duration.ofSeconds(10));
        DaemonSet done = h.cluster.get(Resources.DAEMONSETS, PROD, "log-shipper");
        assertDaemonSetSettled(done, ":3.3.0");
        ControllerRevision previous = revisions(done).get(revisions(done).size() - 2);
        h.request(HttpMethod.PATCH, Resources.DAEMONSETS.path(PROD, "log-shipper"),
                "application/strategic-merge-patch+json", Json.write(previous.getData()));
        h.advance(Duration.ofSeconds(10));
        DaemonSet undone = h.cluster.get(Resources.DAEMONSETS, PROD, "log-shipper");
        assertDaemonSetSettled(undone, ":3.1.6");
        assertThat(revisions(undone)).extracting(ControllerRevision::getRevision).containsExactly(1L, 2L, 4L, 5L);
    }

    private void assertDaemonSetSettled(DaemonSet ds, String imageSuffix) {
        int nodes = h.cluster.count(Resources.NODES);
        assertThat(ds.getStatus().getObservedGeneration()).isEqualTo(ds.getMetadata().getGeneration());
        assertThat(ds.getStatus().getDesiredNumberScheduled()).isEqualTo(nodes);
        assertThat(ds.getStatus().getCurrentNumberScheduled()).isEqualTo(nodes);
        assertThat(ds.getStatus().getUpdatedNumberScheduled()).isEqualTo(nodes);
        assertThat(ds.getStatus().getNumberReady()).isEqualTo(nodes);
        assertThat(ds.getStatus().getNumberAvailable()).isEqualTo(nodes);
        List<Pod> pods = h.pods(ds);
        assertThat(pods).hasSize(nodes).allSatisfy(p -> {
            assertThat(p.getSpec().getContainers().getFirst().getImage()).endsWith(imageSuffix);
            assertThat(Kubelet.isReady(p)).isTrue();
        });
        assertThat(pods).extracting(p -> p.getSpec().getNodeName()).doesNotHaveDuplicates();
    }

    private List<ControllerRevision> revisions(HasMetadata owner) {
        List<ControllerRevision> out = new ArrayList<>(h.cluster.owned(Resources.CONTROLLERREVISIONS, owner.getMetadata().getUid()));
        out.sort(Comparator.comparingLong(ControllerRevision::getRevision));
        return out;
    }
}
