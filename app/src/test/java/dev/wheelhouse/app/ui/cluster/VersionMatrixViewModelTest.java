package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.WorkloadKind;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VersionMatrixViewModelTest {
    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Application WEB =
            new Application("web", new Application.Workload(WorkloadKind.DEPLOYMENT, "web", "app"), null);

    private static ResourceRow deployment(String ns, String image, Health health) {
        return new ResourceRow("ctx", "Deployment", ns, "web", List.of("web"), health, "", T0, Map.of(),
                List.of(new ContainerImage("sidecar", "envoy:1.30"), new ContainerImage("app", image)), "1.30");
    }

    private static ClusterSnapshot snapshot(List<FeedState> feeds, List<ResourceRow> rows) {
        return new ClusterSnapshot("e", 1, T0, feeds, List.of(), Map.of("Deployment", rows), MetricsSnapshot.NONE);
    }

    @Test
    void theVersionIsTheApplicationsContainersTagWithTheWorstHealth() {
        var cell = VersionMatrixViewModel.cell(WEB, snapshot(List.of(), List.of(
                deployment("a", "shop/web:2.1.0", Health.HEALTHY),
                deployment("b", "shop/web:2.2.0-broken", Health.FAILED))), null);
        assertThat(cell.version()).isEqualTo("2.1.0, 2.2.0-broken");
        assertThat(cell.health()).isEqualTo(Health.FAILED);
    }

    @Test
    void aMissingWorkloadSaysWhy() {
        FeedState live = new FeedState(new FeedKey("ctx", "a", "Deployment"), FeedStatus.LIVE, "", T0, T0);
        assertThat(VersionMatrixViewModel.cell(WEB, snapshot(List.of(live), List.of()), null).note()).isEqualTo("not deployed");
        FeedState denied = new FeedState(new FeedKey("ctx", "a", "Deployment"), FeedStatus.FORBIDDEN,
                "no permission to list deployments in a (context ctx)", T0, null);
        assertThat(VersionMatrixViewModel.cell(WEB, snapshot(List.of(denied), List.of()), null).note())
                .isEqualTo("no permission to list deployments in a (context ctx)");
    }
}
