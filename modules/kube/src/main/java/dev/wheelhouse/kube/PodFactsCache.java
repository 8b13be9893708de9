package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.kube.render.PodRenderer;
import dev.wheelhouse.kube.render.Rows;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the inventory reads of each pod (its node, its owner, what it requests and is limited to,
 * its restarts), kept from one inventory to the next while the pod is unchanged: the same object,
 * or the same uid and resourceVersion (the API server gives a changed pod a new one). Under churn
 * a few hundred of 10,000 pods change between two inventories; only those are read again.
 * One per live model; inventories taken at once wait for each other here.
 */
final class PodFactsCache {

    /**
     * @param node "context/node" the pod holds resources on, or null (not scheduled, or finished)
     * @param owner "context/namespace/Kind/name" of its controller (else first owner), or null
     * @param requests what it asks for, as the scheduler counts it; ZERO when {@code node} is null
     * @param limits likewise for limits
     * @param restarts its containers' restarts; 0 when it has no owner
     */
    record Facts(String node, String owner, Inventory.Resources requests, Inventory.Resources limits, int restarts) {}

    private record Entry(Pod pod, String uid, String resourceVersion, Facts facts) {
        boolean holds(Pod other) {
            if (other == pod) {
                return true;
            }
            String version = other.getMetadata().getResourceVersion();
            return version != null && version.equals(resourceVersion) && Objects.equals(other.getMetadata().getUid(), uid);
        }
    }

    private final Map<FeedKey, Map<String, Entry>> byFeed = new HashMap<>();
    private long reads;

    /** The facts of every pod in the model's objects; forgets pods (and feeds) no longer there. */
    synchronized List<Facts> of(Map<FeedKey, Map<String, HasMetadata>> objects) {
        List<Facts> out = new ArrayList<>();
        byFeed.keySet().removeIf(feed -> !objects.containsKey(feed));
        objects.forEach((feed, byName) -> {
            if (!feed.kind().equals("Pod")) {
                return;
            }
            Map<String, Entry> cached = byFeed.computeIfAbsent(feed, f -> new HashMap<>());
            byName.forEach((name, object) -> {
                Pod pod = (Pod) object;
                Entry entry = cached.get(name);
                if (entry == null || !entry.holds(pod)) {
                    entry = new Entry(pod, pod.getMetadata().getUid(), pod.getMetadata().getResourceVersion(), read(feed, pod));
                    cached.put(name, entry);
                    reads++;
                }
                out.add(entry.facts());
            });
            if (cached.size() > byName.size()) {
                cached.keySet().removeIf(name -> !byName.containsKey(name));
            }
        });
        return out;
    }

    /** How many pods were read rather than taken from the cache, since it was made. */
    synchronized long reads() {
        return reads;
    }

    /** How many pods it holds. */
    synchronized int size() {
        return byFeed.values().stream().mapToInt(Map::size).sum();
    }

    private static Facts read(FeedKey feed, Pod pod) {
        String phase = pod.getStatus() == null ? "" : Rows.nz(pod.getStatus().getPhase());
        boolean holds = pod.getSpec() != null && pod.getSpec().getNodeName() != null
                && !phase.equals("Succeeded") && !phase.equals("Failed");
        OwnerReference owner = InventoryBuilder.controller(pod);
        return new Facts(
                holds ? feed.context() + "/" + pod.getSpec().getNodeName() : null,
                owner == null ? null
                        : feed.context() + "/" + pod.getMetadata().getNamespace() + "/" + owner.getKind() + "/" + owner.getName(),
                holds ? InventoryBuilder.podResources(pod, r -> r == null ? null : r.getRequests()) : Inventory.Resources.ZERO,
                holds ? InventoryBuilder.podResources(pod, r -> r == null ? null : r.getLimits()) : Inventory.Resources.ZERO,
                owner == null ? 0 : PodRenderer.summarize(pod).restarts());
    }
}
