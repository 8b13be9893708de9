package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The inventory reads each pod once while it stays the same: a pod with a new resourceVersion is
 * read again, one gone is forgotten, and an inventory from the cache equals one made afresh.
 */
class PodFactsCacheTest {
    private static final FeedKey DEV_PODS = new FeedKey("ctx", "dev", "Pod");
    private static final FeedKey PROD_PODS = new FeedKey("ctx", "prod", "Pod");

    private final Map<FeedKey, Map<String, HasMetadata>> objects = new LinkedHashMap<>();

    private static Pod pod(String ns, String name, String resourceVersion, String cpu, String memory, int restarts) {
        return new PodBuilder(TestObjects.runningPod(ns, name, "shop/web:1.0", "node-a"))
                .editMetadata().withUid("uid-" + name).withResourceVersion(resourceVersion)
                .addNewOwnerReference().withKind("ReplicaSet").withName("web-7d9f").withApiVersion("apps/v1").withUid("rs")
                .withController(true).endOwnerReference().endMetadata()
                .editSpec().editFirstContainer().editResources()
                .withRequests(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory))).endResources()
                .endContainer().endSpec()
                .editStatus().editFirstContainerStatus().withRestartCount(restarts).endContainerStatus().endStatus().build();
    }

    private void put(FeedKey feed, Pod pod) {
        objects.computeIfAbsent(feed, f -> new HashMap<>()).put(pod.getMetadata().getName(), pod);
    }

    @Test
    void unchangedPodsAreReadOnce() {
        PodFactsCache cache = new PodFactsCache();
        for (int i = 0; i < 100; i++) {
            put(DEV_PODS, pod("dev", "web-" + i, "10" + i, "250m", "256Mi", i));
        }
        List<PodFactsCache.Facts> first = cache.of(objects);
        List<PodFactsCache.Facts> second = cache.of(objects);

        assertThat(cache.reads()).isEqualTo(100);
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(first.getFirst().node()).isEqualTo("ctx/node-a");
        assertThat(first.getFirst().owner()).isEqualTo("ctx/dev/ReplicaSet/web-7d9f");
        assertThat(first.getFirst().requests()).isEqualTo(new Inventory.Resources(250, 256L << 20));
        assertThat(first.getFirst().limits()).isEqualTo(new Inventory.Resources(500, 512L << 20));
    }

    @Test
    void aPodWithANewResourceVersionIsReadAgain() {
        PodFactsCache cache = new PodFactsCache();
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        put(DEV_PODS, pod("dev", "web-2", "101", "250m", "256Mi", 0));
        cache.of(objects);

        put(DEV_PODS, pod("dev", "web-1", "205", "1500m", "1Gi", 3));
        List<PodFactsCache.Facts> facts = cache.of(objects);

        assertThat(cache.reads()).isEqualTo(3);
        assertThat(facts).extracting(PodFactsCache.Facts::requests).containsExactlyInAnyOrder(
                new Inventory.Resources(1500, 1L << 30), new Inventory.Resources(250, 256L << 20));
        assertThat(facts).extracting(PodFactsCache.Facts::restarts).containsExactlyInAnyOrder(3, 0);
    }

    @Test
    void aPodListedAgainWithTheSameResourceVersionIsNotReadAgain() {
        PodFactsCache cache = new PodFactsCache();
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        cache.of(objects);

        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0)); // a new object, as a re-list makes
        cache.of(objects);

        assertThat(cache.reads()).isEqualTo(1);
    }

    @Test
    void withoutAResourceVersionOnlyTheSameObjectCounts() {
        PodFactsCache cache = new PodFactsCache();
        Pod pod = pod("dev", "web-1", null, "250m", "256Mi", 0);
        put(DEV_PODS, pod);
        cache.of(objects);
        cache.of(objects);
        assertThat(cache.reads()).isEqualTo(1);

        put(DEV_PODS, pod("dev", "web-1", null, "750m", "256Mi", 0));
        assertThat(cache.of(objects)).extracting(f -> f.requests().cpuMillis()).containsExactly(750L);
        assertThat(cache.reads()).isEqualTo(2);
    }

    @Test
    void aRecreatedPodOfTheSameNameAndVersionIsReadAgain() {
        PodFactsCache cache = new PodFactsCache();
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        cache.of(objects);

        Pod recreated = pod("dev", "web-1", "100", "2", "256Mi", 0);
        recreated.getMetadata().setUid("another-uid");
        put(DEV_PODS, recreated);

        assertThat(cache.of(objects)).extracting(f -> f.requests().cpuMillis()).containsExactly(2000L);
        assertThat(cache.reads()).isEqualTo(2);
    }

    @Test
    void podsAndFeedsThatAreGoneAreForgotten() {
        PodFactsCache cache = new PodFactsCache();
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        put(DEV_PODS, pod("dev", "web-2", "101", "250m", "256Mi", 0));
        put(PROD_PODS, pod("prod", "web-1", "102", "250m", "256Mi", 0));
        cache.of(objects);
        assertThat(cache.size()).isEqualTo(3);

        objects.get(DEV_PODS).remove("web-2");
        assertThat(cache.of(objects)).hasSize(2);
        assertThat(cache.size()).isEqualTo(2);

        objects.remove(PROD_PODS);
        assertThat(cache.of(objects)).hasSize(1);
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void finishedAndUnscheduledPodsHoldNothingAndUnownedOnesCountNoRestarts() {
        PodFactsCache cache = new PodFactsCache();
        put(DEV_PODS, new PodBuilder(pod("dev", "done", "1", "1", "1Gi", 2)).editStatus().withPhase("Succeeded").endStatus().build());
        put(DEV_PODS, new PodBuilder(pod("dev", "pending", "2", "1", "1Gi", 0)).editSpec().withNodeName(null).endSpec().build());
        put(DEV_PODS, new PodBuilder(pod("dev", "bare", "3", "1", "1Gi", 4)).editMetadata().withOwnerReferences(List.of())
                .endMetadata().build());

        List<PodFactsCache.Facts> facts = cache.of(objects);
        assertThat(facts).filteredOn(f -> f.node() == null).hasSize(2)
                .allSatisfy(f -> assertThat(f.requests()).isEqualTo(Inventory.Resources.ZERO));
        assertThat(facts).filteredOn(f -> f.owner() == null).singleElement()
                .satisfies(f -> assertThat(f.restarts()).isZero())
                .satisfies(f -> assertThat(f.requests()).isEqualTo(new Inventory.Resources(1000, 1L << 30)));
    }

    @Test
    void anInventoryFromTheCacheEqualsOneMadeAfresh() {
        objects.put(new FeedKey("ctx", "", "Node"), new HashMap<>(Map.of("node-a", new NodeBuilder()
                .withNewMetadata().withName("node-a").withResourceVersion("1").endMetadata()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"),
                        "pods", new Quantity("110"))).endStatus().build())));
        objects.put(new FeedKey("ctx", "dev", "Deployment"), new HashMap<>(Map.of("web", new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace("dev").endMetadata()
                .withNewSpec().withReplicas(3).endSpec().build())));
        objects.put(new FeedKey("ctx", "dev", "ReplicaSet"), new HashMap<>(Map.of("web-7d9f", new ReplicaSetBuilder()
                .withNewMetadata().withName("web-7d9f").withNamespace("dev").addNewOwnerReference().withKind("Deployment")
                .withName("web").withController(true).endOwnerReference().endMetadata().build())));
        for (int i = 0; i < 3; i++) {
            put(DEV_PODS, pod("dev", "web-" + i, "10" + i, "250m", "256Mi", i));
        }
        PodFactsCache warm = new PodFactsCache();
        inventory(warm);

        put(DEV_PODS, pod("dev", "web-1", "300", "2", "3Gi", 7));
        objects.get(DEV_PODS).remove("web-2");
        Inventory cached = inventory(warm);
        Inventory afresh = inventory(new PodFactsCache());

        assertThat(cached).isEqualTo(afresh);
        Inventory.Node node = cached.nodes().getFirst();
        assertThat(node.podsCounted()).isEqualTo(2);
        assertThat(node.requested()).isEqualTo(new Inventory.Resources(2250, (3L << 30) + (256L << 20)));
        assertThat(cached.workloads().getFirst().pods()).isEqualTo(2);
        assertThat(cached.workloads().getFirst().restarts()).isEqualTo(7);
        assertThat(warm.reads()).isEqualTo(4);
    }

    private Inventory inventory(PodFactsCache cache) {
        Map<RowKey, Usage> latest = Map.of();
        return new InventoryBuilder(objects, feed -> true, latest, cache)
                .build("shop-dev", Instant.parse("2026-11-27T12:00:00Z"), List.of(), List.of(), List.of());
    }
}
