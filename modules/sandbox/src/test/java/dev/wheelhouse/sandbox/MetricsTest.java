package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** metrics.k8s.io: plausible values that move with time, and a broken release that shows. */
class MetricsTest {
    private final Harness h = new Harness();
    private final Metrics metrics = new Metrics(h.cluster, h.controllers.kubelet(), h.clock, 5000, 1);

    private JsonNode get(String path) {
        MockResponse r = metrics.handle(ApiPath.parse(path).orElseThrow(), "GET");
        assertThat(r.code()).as(path).isEqualTo(200);
        return Json.parse(r.getBody().readUtf8());
    }

    private Map<String, Long> cpuByPod(String ns) {
        Map<String, Long> out = new HashMap<>();
        for (JsonNode item : get("/apis/metrics.k8s.io/v1beta1/namespaces/" + ns + "/pods").path("items")) {
            String cpu = item.path("containers").get(0).path("usage").path("cpu").asString();
            out.put(item.path("metadata").path("name").asString(), Long.parseLong(cpu.substring(0, cpu.length() - 1)));
        }
        return out;
    }

    @Test
    void podAndNodeMetricsAreListedAsMetricsServerDoes() {
        JsonNode pods = get("/apis/metrics.k8s.io/v1beta1/namespaces/shop-prod/pods");
        assertThat(pods.path("kind").asString()).isEqualTo("PodMetricsList");
        assertThat(pods.path("items").size()).isEqualTo(h.cluster.inNamespace(Resources.PODS, "shop-prod").size());
        JsonNode first = pods.path("items").get(0);
        assertThat(first.path("kind").asString()).isEqualTo("PodMetrics");
        assertThat(first.path("window").asString()).isNotEmpty();
        assertThat(first.path("containers").get(0).path("usage").path("memory").asString()).endsWith("Ki");
        JsonNode nodes = get("/apis/metrics.k8s.io/v1beta1/nodes");
        assertThat(nodes.path("items").size()).isEqualTo(4);
        assertThat(get("/apis/metrics.k8s.io/v1beta1/nodes/sandbox-node-1").path("usage").path("cpu").asString()).endsWith("n");
        assertThat(get("/apis/metrics.k8s.io/v1beta1/namespaces/shop-prod/pods?labelSelector=app%3Dcatalog").path("items").size()).isEqualTo(3);
    }

    @Test
    void valuesChangeFromOneIntervalToTheNextAndStayWithinLimits() {
        Map<String, Long> before = cpuByPod("shop-prod");
        h.clock.advance(Duration.ofSeconds(5));
        Map<String, Long> after = cpuByPod("shop-prod");
        assertThat(after.keySet()).isEqualTo(before.keySet());
        assertThat(after).isNotEqualTo(before);
        assertThat(after.values()).allSatisfy(nanocores -> assertThat(nanocores).isBetween(1_000_000L, 2_000_000_000L));
    }

    @Test
    void aCrashLoopingReleaseUsesVisiblyMoreCpu() {
        h.setImage("shop-dev", "storefront", "registry.sandbox.local/shop/storefront:2.0.0-broken");
        h.advance(Duration.ofSeconds(3));
        Map<String, Long> cpu = cpuByPod("shop-dev");
        long broken = cpu.entrySet().stream().filter(e -> e.getKey().startsWith(h.replicaSets("shop-dev", "storefront").getLast().getMetadata().getName()))
                .mapToLong(Map.Entry::getValue).max().orElseThrow();
        long healthyMax = cpu.entrySet().stream().filter(e -> e.getKey().startsWith("storefront-") || e.getKey().startsWith("catalog-"))
                .filter(e -> e.getValue() != broken).mapToLong(Map.Entry::getValue).max().orElseThrow();
        assertThat(broken).isGreaterThan(2 * healthyMax);
    }
}
