package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.AccessDecision.Verdict;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ClusterListener;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.LabelSelector;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.PodLogRequest;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.WorkloadDetails;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which pods and events are a workload's, and what its operations say, without a toolkit. */
class WorkloadDetailViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final RowKey CHECKOUT = new RowKey("ctx", "Deployment", "shop", "checkout");

    /** Answers details and access reviews as told; counts the reads. */
    static final class Gateway implements ClusterGateway {
        AccessDecision access = new AccessDecision(Verdict.ALLOWED, "");
        int reads;
        final List<String> asked = new ArrayList<>();

        @Override
        public WorkloadDetails details(RowKey key) {
            reads++;
            return new WorkloadDetails(key, LabelSelector.ofLabels(Map.of("app", "checkout")), List.of(
                    new Revision(1, "checkout-aaa", List.of("app=shop/checkout:1.0"), "", T0, 0, false),
                    new Revision(2, "checkout-bbb", List.of("app=shop/checkout:1.1"), "hotfix", T0, 2, true)),
                    List.of("app", "sidecar"), "kind: Deployment\n");
        }

        @Override
        public AccessDecision canI(String context, String verb, String resource, String namespace) {
            asked.add(verb + " " + resource + " " + namespace);
            return access;
        }

        @Override
        public Subscription followLog(PodLogRequest request, LogListener listener) {
            return () -> { };
        }

        @Override
        public List<KindInfo> kinds() {
            return List.of();
        }

        @Override
        public ClusterSubscription watch(Environment environment, ClusterListener listener) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Inventory inventory(Environment environment, Duration timeout) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void close() {}
    }

    final Gateway gateway = new Gateway();
    final List<String> opened = new ArrayList<>();
    final WorkloadOperations operations = (op, env, key) -> opened.add(op + " " + env + " " + key.name());

    WorkloadDetailViewModel viewModel(RowKey key, boolean readOnly) {
        Environment env = new Environment("shop-prod", Tier.PRODUCTION, null, readOnly,
                List.of(new KubeTarget("ctx", List.of("shop"))), List.of());
        return new WorkloadDetailViewModel(key, env, () -> gateway, new CurrentThreadUiExecutor(), operations, Runnable::run);
    }

    static ResourceRow pod(String namespace, String name, String app) {
        return new ResourceRow("ctx", "Pod", namespace, name, List.of(name, "1/1", "Running"), Health.HEALTHY, "Running", T0,
                Map.of("app", app), List.of(), "");
    }

    static ResourceRow event(String namespace, String object, String reason) {
        return new ResourceRow("ctx", "Event", namespace, reason, List.of("", "Normal", reason, object, "m"), Health.HEALTHY, "Normal",
                T0, Map.of(), List.of(), "");
    }

    static ClusterSnapshot snapshot(String deploymentReady, ResourceRow... rows) {
        ResourceRow deployment = new ResourceRow("ctx", "Deployment", "shop", "checkout", List.of("checkout", deploymentReady),
                Health.HEALTHY, "Available", T0, Map.of(), List.of(), "1.1");
        List<ResourceRow> pods = new ArrayList<>();
        List<ResourceRow> events = new ArrayList<>();
        for (ResourceRow r : rows) {
            (r.kind().equals("Pod") ? pods : events).add(r);
        }
        return new ClusterSnapshot("shop-prod", 1, T0, List.of(), List.of(),
                Map.of("Deployment", List.of(deployment), "Pod", pods, "Event", events), MetricsSnapshot.NONE);
    }

    @Test
    void itsPodsAreTheOnesItsSelectorPicksInItsNamespaceAndItsEventsAreAboutItItsReplicaSetsAndThosePods() {
        WorkloadDetailViewModel vm = viewModel(CHECKOUT, false);
        vm.start();
        ResourceRow mine = pod("shop", "checkout-bbb-1", "checkout");
        ResourceRow other = pod("shop", "catalog-1", "catalog");
        ResourceRow elsewhere = pod("shop-dev", "checkout-ccc-1", "checkout");
        vm.show(snapshot("2/2", mine, other, elsewhere,
                event("shop", "deployment/checkout", "ScalingReplicaSet"), event("shop", "replicaset/checkout-aaa", "SuccessfulDelete"),
                event("shop", "pod/checkout-bbb-1", "Started"), event("shop", "pod/catalog-1", "Started"),
                event("shop", "deployment/catalog", "ScalingReplicaSet"), event("shop-dev", "pod/checkout-ccc-1", "Started")));

        assertThat(vm.pods()).containsExactly("checkout-bbb-1");
        assertThat(List.of(mine, other, elsewhere)).filteredOn(vm.podScopeProperty().get()).containsExactly(mine);
        assertThat(List.of(event("shop", "deployment/checkout", "a"), event("shop", "replicaset/checkout-aaa", "b"),
                        event("shop", "pod/checkout-bbb-1", "c"), event("shop", "pod/catalog-1", "d"), event("shop", "deployment/catalog", "e"),
                        event("shop-dev", "pod/checkout-ccc-1", "f"), event("shop", "replicaset/catalog-zzz", "g")))
                .filteredOn(vm.eventScopeProperty().get()).extracting(ResourceRow::name).containsExactly("a", "b", "c");
        assertThat(vm.revisions()).extracting(Revision::number).containsExactly(2L, 1L);
        assertThat(vm.logPodProperty().get()).isEqualTo("checkout-bbb-1");
        assertThat(vm.logContainerProperty().get()).isEqualTo("app");
    }

    @Test
    void aChangeOfItsRowReadsItAgainAndAnUnchangedOneDoesNot() {
        WorkloadDetailViewModel vm = viewModel(CHECKOUT, false);
        vm.start();
        vm.show(snapshot("2/2"));
        vm.show(snapshot("2/2"));
        assertThat(gateway.reads).isEqualTo(1);
        vm.show(snapshot("2/3"));
        assertThat(gateway.reads).isEqualTo(2);
    }

    @Test
    void operationsAskOnceForPatchOnItsKindAndSayWhyNot() {
        gateway.access = new AccessDecision(Verdict.DENIED, "you may not");
        WorkloadDetailViewModel vm = viewModel(CHECKOUT, false);
        vm.start();
        assertThat(gateway.asked).containsExactly("patch deployments.apps shop");
        assertThat(vm.actions()).allSatisfy(a -> {
            assertThat(a.disabledProperty().get()).isTrue();
            assertThat(a.reasonProperty().get()).isEqualTo("no permission to patch deployments in shop");
        });
        vm.open(Operation.RESTART);
        assertThat(opened).isEmpty();

        gateway.access = new AccessDecision(Verdict.UNKNOWN, "cannot check");
        vm.checkAccess();
        assertThat(vm.actions()).as("an unanswered question leaves the API server the last word")
                .allSatisfy(a -> assertThat(a.disabledProperty().get()).isFalse());
        vm.open(Operation.SCALE);
        assertThat(opened).containsExactly("SCALE shop-prod checkout");
    }

    @Test
    void aReadOnlyEnvironmentAsksNothingAndDisablesEverything() {
        WorkloadDetailViewModel vm = viewModel(CHECKOUT, true);
        vm.start();
        assertThat(gateway.asked).isEmpty();
        assertThat(vm.actions()).hasSize(4).allSatisfy(a -> assertThat(a.reasonProperty().get()).isEqualTo("shop-prod is read-only"));
    }

    @Test
    void aDaemonSetCannotBeScaledAndAPodHasNoOperations() {
        WorkloadDetailViewModel ds = viewModel(new RowKey("ctx", "DaemonSet", "shop", "log-shipper"), false);
        ds.start();
        assertThat(ds.action(Operation.SCALE).reasonProperty().get()).isEqualTo("a DaemonSet runs one pod per node: it cannot be scaled");
        assertThat(ds.action(Operation.RESTART).disabledProperty().get()).isFalse();
        assertThat(viewModel(new RowKey("ctx", "Pod", "shop", "p-1"), false).actions()).isEmpty();
        assertThatThrownBy(() -> viewModel(new RowKey("ctx", "Service", "shop", "web"), false))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no detail pane for a Service");
    }
}
