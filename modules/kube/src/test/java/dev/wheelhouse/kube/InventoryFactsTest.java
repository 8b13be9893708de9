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
 * The inventory reads each object once while it stays the same: one with a new resourceVersion is
 * read again, one gone is forgotten, and an inventory from the caches equals one made afresh.
 */
class InventoryFactsTest {
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
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
        for (int i = 0; i < 100; i++) {
            put(DEV_PODS, pod("dev", "web-" + i, "10" + i, "250m", "256Mi", i));
        }
        List<InventoryFacts.PodFacts> first = cache.of(objects);
        List<InventoryFacts.PodFacts> second = cache.of(objects);

        assertThat(cache.reads()).isEqualTo(100);
        assertThat(second).containsExactlyInAnyOrderElementsOf(first);
        assertThat(first.getFirst().node()).isEqualTo("ctx/node-a");
        assertThat(first.getFirst().owner()).isEqualTo("ctx/dev/ReplicaSet/web-7d9f");
        assertThat(first.getFirst().requests()).isEqualTo(new Inventory.Resources(250, 256L << 20));
        assertThat(first.getFirst().limits()).isEqualTo(new Inventory.Resources(500, 512L << 20));
    }

    @Test
    void aPodWithANewResourceVersionIsReadAgain() {
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        put(DEV_PODS, pod("dev", "web-2", "101", "250m", "256Mi", 0));
        cache.of(objects);

        put(DEV_PODS, pod("dev", "web-1", "205", "1500m", "1Gi", 3));
        List<InventoryFacts.PodFacts> facts = cache.of(objects);

        assertThat(cache.reads()).isEqualTo(3);
        assertThat(facts).extracting(InventoryFacts.PodFacts::requests).containsExactlyInAnyOrder(
                new Inventory.Resources(1500, 1L << 30), new Inventory.Resources(250, 256L << 20));
        assertThat(facts).extracting(InventoryFacts.PodFacts::restarts).containsExactlyInAnyOrder(3, 0);
    }

    @Test
    void aPodListedAgainWithTheSameResourceVersionIsNotReadAgain() {
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0));
        cache.of(objects);

        put(DEV_PODS, pod("dev", "web-1", "100", "250m", "256Mi", 0)); // a new object, as a re-list makes
        cache.of(objects);

        assertThat(cache.reads()).isEqualTo(1);
    }

    @Test
    void withoutAResourceVersionOnlyTheSameObjectCounts() {
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
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
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
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
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
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
        FactsCache<Pod, InventoryFacts.PodFacts> cache = new InventoryFacts().pods;
        put(DEV_PODS, new PodBuilder(pod("dev", "done", "1", "1", "1Gi", 2)).editStatus().withPhase("Succeeded").endStatus().build());
        put(DEV_PODS, new PodBuilder(pod("dev", "pending", "2", "1", "1Gi", 0)).editSpec().withNodeName(null).endSpec().build());
        put(DEV_PODS, new PodBuilder(pod("dev", "bare", "3", "1", "1Gi", 4)).editMetadata().withOwnerReferences(List.of())
                .endMetadata().build());

        List<InventoryFacts.PodFacts> facts = cache.of(objects);
        assertThat(facts).filteredOn(f -> f.node() == null).hasSize(2)
                .allSatisfy(f -> assertThat(f.requests()).isEqualTo(Inventory.Resources.ZERO));
        assertThat(facts).filteredOn(f -> f.owner() == null).singleElement()
                .satisfies(f -> assertThat(f.restarts()).isZero())
                .satisfies(f -> assertThat(f.requests()).isEqualTo(new Inventory.Resources(1000, 1L << 30)));
    }

    @Test
    void anInventoryFromTheCachesEqualsOneMadeAfresh() {
        objects.put(new FeedKey("ctx", "", "Node"), new HashMap<>(Map.of("node-a", new NodeBuilder()
                .withNewMetadata().withName("node-a").withResourceVersion("1").endMetadata()
                .withNewStatus().withAllocatable(Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"),
                        "pods", new Quantity("110"))).endStatus().build())));
        FeedKey deployments = new FeedKey("ctx", "dev", "Deployment");
        objects.put(deployments, new HashMap<>(Map.of("web", deployment("5", 3, "shop/web:1.0"))));
        objects.put(new FeedKey("ctx", "dev", "ReplicaSet"), new HashMap<>(Map.of("web-7d9f", new ReplicaSetBuilder()
                .withNewMetadata().withName("web-7d9f").withNamespace("dev").withResourceVersion("6")
                .withCreationTimestamp("2026-11-27T10:00:00Z").addNewOwnerReference().withKind("Deployment")
                .withName("web").withController(true).endOwnerReference().endMetadata().build())));
        for (int i = 0; i < 3; i++) {
            put(DEV_PODS, pod("dev", "web-" + i, "10" + i, "250m", "256Mi", i));
        }
        InventoryFacts warm = new InventoryFacts();
        Inventory before = inventory(warm);
        assertThat(before.workloads().getFirst().images().getFirst().image()).isEqualTo("shop/web:1.0");

        put(DEV_PODS, pod("dev", "web-1", "300", "2", "3Gi", 7));
        objects.get(DEV_PODS).remove("web-2");
        objects.get(deployments).put("web", deployment("301", 2, "shop/web:1.1"));
        Inventory cached = inventory(warm);
        Inventory afresh = inventory(new InventoryFacts());

        assertThat(cached).isEqualTo(afresh);
        Inventory.Node node = cached.nodes().getFirst();
        assertThat(node.podsCounted()).isEqualTo(2);
        assertThat(node.requested()).isEqualTo(new Inventory.Resources(2250, (3L << 30) + (256L << 20)));
        Inventory.Workload web = cached.workloads().getFirst();
        assertThat(web.desired()).isEqualTo(2);
        assertThat(web.images().getFirst().image()).isEqualTo("shop/web:1.1");
        assertThat(web.changed()).isEqualTo(Instant.parse("2026-11-27T10:00:00Z"));
        assertThat(web.pods()).isEqualTo(2);
        assertThat(web.restarts()).isEqualTo(7);
        assertThat(warm.pods.reads()).isEqualTo(4);
        assertThat(warm.deployments.reads()).isEqualTo(2);
        assertThat(warm.replicaSets.reads()).isEqualTo(1);
    }

    private static io.fabric8.kubernetes.api.model.apps.Deployment deployment(String resourceVersion, int replicas, String image) {
        return new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("dev").withResourceVersion(resourceVersion)
                .withCreationTimestamp("2026-11-01T00:00:00Z").endMetadata()
                .withNewSpec().withReplicas(replicas).withNewTemplate().withNewSpec().addNewContainer().withName("web")
                .withImage(image).endContainer().endSpec().endTemplate().endSpec().build();
    }

    private Inventory inventory(InventoryFacts facts) {
        Map<RowKey, Usage> latest = Map.of();
        return new InventoryBuilder(objects, feed -> true, latest, facts)
                .build("shop-dev", Instant.parse("2026-11-27T12:00:00Z"), List.of(), List.of(), List.of());
    }
}
