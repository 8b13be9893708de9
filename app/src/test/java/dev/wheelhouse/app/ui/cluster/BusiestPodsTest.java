package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BusiestPodsTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    private static RowKey pod(String ns, String name) {
        return new RowKey("ctx", "Pod", ns, name);
    }

    /** 10,000 pods in 10 namespaces; pod i uses i millicores, so the busiest are the last ones. */
    private static Map<RowKey, Usage> cluster() {
        Map<RowKey, Usage> latest = new HashMap<>();
        for (int i = 0; i < 10_000; i++) {
            latest.put(pod("ns-" + (i % 10), "app-" + i), new Usage(T, i, 1_000_000L));
        }
        latest.put(new RowKey("ctx", "Node", "", "node-a"), new Usage(T, 1_000_000, 1));
        return latest;
    }

    @Test
    void theBusiestByCpuOfTenThousandPodsOrderedByName() {
        BusiestPods b = BusiestPods.rank(cluster(), "", "", 8);
        assertThat(b.pods()).extracting(RowKey::name).as("a node is not a pod, however busy")
                .containsExactly("app-9992", "app-9993", "app-9994", "app-9995", "app-9996", "app-9997", "app-9998", "app-9999");
        assertThat(b.matching()).isEqualTo(10_000);
        assertThat(b.namespaces()).hasSize(10).startsWith("ns-0").endsWith("ns-9");
    }

    @Test
    void aNamespaceAndAPartOfTheNameInAnyCaseNarrowTheRanking() {
        BusiestPods inOne = BusiestPods.rank(cluster(), "ns-3", "", 3);
        assertThat(inOne.pods()).extracting(RowKey::name).containsExactly("app-9973", "app-9983", "app-9993");
        assertThat(inOne.pods()).extracting(RowKey::namespace).containsOnly("ns-3");
        assertThat(inOne.matching()).isEqualTo(1_000);
        assertThat(inOne.namespaces()).as("the choice still offers every namespace").hasSize(10);

        BusiestPods named = BusiestPods.rank(cluster(), "", "  APP-12 ", 8);
        assertThat(named.matching()).isEqualTo(111); // app-12, app-120..129, app-1200..1299
        assertThat(named.pods()).extracting(RowKey::name).containsExactly(
                "app-1292", "app-1293", "app-1294", "app-1295", "app-1296", "app-1297", "app-1298", "app-1299");

        BusiestPods none = BusiestPods.rank(cluster(), "ns-3", "nope", 8);
        assertThat(none.pods()).isEmpty();
        assertThat(none.matching()).isZero();
    }

    @Test
    void tiesGoToMemoryThenToTheFirstName() {
        Map<RowKey, Usage> latest = Map.of(
                pod("a", "c"), new Usage(T, 100, 10),
                pod("a", "b"), new Usage(T, 100, 10),
                pod("a", "d"), new Usage(T, 100, 20),
                pod("a", "a"), new Usage(T, 50, 99));
        assertThat(BusiestPods.rank(latest, "", "", 2).pods()).extracting(RowKey::name).containsExactly("b", "d");
        assertThat(BusiestPods.rank(latest, "", "", 8).pods()).extracting(RowKey::name).containsExactly("a", "b", "c", "d");
        assertThat(BusiestPods.rank(Map.of(), "", "", 8)).isEqualTo(new BusiestPods(List.of(), 0, List.of()));
    }
}
