package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.connections.ConnectionStatus;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.TaskHandle;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.ClusterBatch;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.MetricsStatus;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowChange;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EnvironmentLiveViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final KindInfo PODS = new KindInfo("Pod", "pods", "", true, List.of(Column.text("NAME"), Column.text("STATUS")));
    private static final KindInfo DEPLOYMENTS =
            new KindInfo("Deployment", "deployments", "apps", true, List.of(Column.text("NAME"), Column.text("READY")));

    /** Queues UI work until the test runs it, as the FX thread would later. */
    private static final class QueueExecutor implements UiExecutor {
        final List<Runnable> queued = new ArrayList<>();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void onUiThread(Runnable uiWork) {
            queued.add(uiWork);
        }

        @Override
        public void close() {}

        void runAll() {
            List<Runnable> now = List.copyOf(queued);
            queued.clear();
            now.forEach(Runnable::run);
        }
    }

    private static Environment env() {
        return new Environment("sandbox-dev", Tier.DEVELOPMENT, null, false, List.of(new KubeTarget("ctx", List.of("shop-dev"))), List.of());
    }

    private static ResourceRow row(String kind, String name, Health health) {
        return new ResourceRow("ctx", kind, "shop-dev", name, List.of(name, "Running"), health, "Running", T0, Map.of(),
                List.of(), "");
    }

    private static FeedState feed(String kind, FeedStatus status, String detail, Instant synced) {
        return new FeedState(new FeedKey("ctx", "shop-dev", kind), status, detail, T0, synced);
    }

    private static ClusterSnapshot snapshot(long seq, List<FeedState> feeds, Map<String, List<ResourceRow>> rows) {
        return new ClusterSnapshot("sandbox-dev", seq, T0, feeds,
                List.of(new TargetHealth("ctx", "https://sandbox", FeedStatus.LIVE, "", 1, 1, 2)), rows, MetricsSnapshot.NONE);
    }

    @Test
    void batchesArrivingBeforeTheUiThreadRunsAreAppliedOnceWithTheLatestSnapshot() {
        QueueExecutor executor = new QueueExecutor();
        ConnectionStates connections = new ConnectionStates();
        connections.track(List.of(TargetId.kube("ctx")));
        var vm = new EnvironmentLiveViewModel(env(), () -> null, executor, connections);
        ResourceRow web = row("Pod", "web-1", Health.HEALTHY);
        ResourceRow api = row("Deployment", "api", Health.HEALTHY);

        vm.onBatch(new ClusterBatch(snapshot(1, List.of(), Map.of()), List.of(), true, false));
        vm.onBatch(new ClusterBatch(snapshot(2, List.of(), Map.of("Pod", List.of(web))), List.of(new RowChange(web.key(), web)), false, false));
        vm.onBatch(new ClusterBatch(snapshot(3, List.of(), Map.of("Pod", List.of(web), "Deployment", List.of(api))),
                List.of(new RowChange(api.key(), api)), false, true));

        assertThat(executor.queued).hasSize(1);
        assertThat(vm.appliedProperty().get()).isNull();
        executor.runAll();

        var applied = vm.appliedProperty().get();
        assertThat(applied.snapshot().sequence()).isEqualTo(3);
        assertThat(applied.kinds()).containsExactlyInAnyOrder("Pod", "Deployment");
        assertThat(applied.feedsChanged()).isTrue();
        assertThat(applied.metricsChanged()).isTrue();
        assertThat(vm.updatesProperty().get()).isEqualTo(1);
        assertThat(connections.state(TargetId.kube("ctx")).status()).isEqualTo(ConnectionStatus.CONNECTED);

        vm.onBatch(new ClusterBatch(snapshot(4, List.of(), Map.of()), List.of(), false, false));
        assertThat(executor.queued).hasSize(1);
        executor.runAll();
        assertThat(vm.updatesProperty().get()).isEqualTo(2);
    }

    @Test
    void afterCloseNoBatchIsApplied() {
        QueueExecutor executor = new QueueExecutor();
        var vm = new EnvironmentLiveViewModel(env(), () -> null, executor, null);
        vm.onBatch(new ClusterBatch(snapshot(1, List.of(), Map.of()), List.of(), true, false));
        vm.close();
        executor.runAll();
        vm.onBatch(new ClusterBatch(snapshot(2, List.of(), Map.of()), List.of(), true, false));
        assertThat(executor.queued).isEmpty();
        assertThat(vm.appliedProperty().get()).isNull();
    }

    @Test
    void aForbiddenListSaysSoInPlaceWhileOtherKindsWork() {
        ResourceRow api = row("Deployment", "api", Health.HEALTHY);
        ClusterSnapshot s = snapshot(1, List.of(
                        feed("Pod", FeedStatus.FORBIDDEN, "no permission to list pods in shop-dev (context ctx)", null),
                        feed("Deployment", FeedStatus.LIVE, "", T0)),
                Map.of("Deployment", List.of(api)));

        assertThat(EnvironmentLiveViewModel.placeholder(s, PODS)).isEqualTo("no permission to list pods in shop-dev");
        assertThat(EnvironmentLiveViewModel.banner(s, PODS)).isEmpty();
        assertThat(EnvironmentLiveViewModel.banner(s, DEPLOYMENTS)).isEmpty();
    }

    @Test
    void aDroppedWatchMarksItsRowsStale() {
        ResourceRow web = row("Pod", "web-1", Health.HEALTHY);
        ClusterSnapshot s = snapshot(1, List.of(feed("Pod", FeedStatus.RECONNECTING, "watch closed: connection reset", T0)),
                Map.of("Pod", List.of(web)));
        assertThat(EnvironmentLiveViewModel.banner(s, PODS))
                .contains("reconnecting — data may be stale")
                .contains("watch closed: connection reset");
    }

    @Test
    void unreachableShowsTheErrorAndFailsTheTarget() {
        ClusterSnapshot s = new ClusterSnapshot("x", 1, T0,
                List.of(feed("Pod", FeedStatus.UNREACHABLE, "cannot reach https://10.0.0.1:6443 (context ctx): Connection refused", null)),
                List.of(new TargetHealth("ctx", "https://10.0.0.1:6443", FeedStatus.UNREACHABLE, "Connection refused", 0, 0, 1)),
                Map.of(), MetricsSnapshot.NONE);
        assertThat(EnvironmentLiveViewModel.placeholder(s, PODS)).contains("cannot reach https://10.0.0.1:6443");
        var state = EnvironmentLiveViewModel.connectionStates(s).get(TargetId.kube("ctx"));
        assertThat(state.status()).isEqualTo(ConnectionStatus.FAILED);
        assertThat(state.detail()).isEqualTo("Connection refused");
    }

    @Test
    void noMetricsApiIsSaidPlainly() {
        ClusterSnapshot s = new ClusterSnapshot("x", 1, T0, List.of(),
                List.of(new TargetHealth("ctx", "", FeedStatus.LIVE, "", 1, 0, 1)), Map.of(),
                new MetricsSnapshot(List.of(new MetricsStatus("ctx", MetricsState.METRICS_UNAVAILABLE, "", null)), Map.of()));
        assertThat(EnvironmentLiveViewModel.metricsMessage(s))
                .isEqualTo("The metrics API (metrics.k8s.io) is not available in ctx.");
    }

    @Test
    void theSummaryCountsWorkloadsByHealthAndWarnings() {
        ClusterSnapshot s = snapshot(1, List.of(), Map.of(
                "Deployment", List.of(row("Deployment", "a", Health.HEALTHY), row("Deployment", "b", Health.FAILED)),
                "StatefulSet", List.of(row("StatefulSet", "db", Health.DEGRADED)),
                "Event", List.of(row("Event", "e1", Health.DEGRADED), row("Event", "e2", Health.HEALTHY))));
        var summary = EnvironmentLiveViewModel.summary(s);
        assertThat(summary.workloads()).containsEntry(Health.HEALTHY, 1).containsEntry(Health.FAILED, 1)
                .containsEntry(Health.DEGRADED, 1);
        assertThat(summary.warnings()).isEqualTo(1);
        assertThat(summary.unhealthy()).extracting(ResourceRow::name).containsExactly("b", "db");
    }
}
