package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.FeedKey;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.BiFunction;

/**
 * What the inventory derives from each object of one kind, kept from one inventory to the next
 * while the object is unchanged: the same object, or the same uid and resourceVersion (the API
 * server gives a changed object a new one, and a re-list brings new objects with the old ones).
 * Under churn a few hundred of 10,000 pods change between two inventories: only those are read
 * again. Objects and feeds that are gone are forgotten. Inventories taken at once wait for each
 * other here.
 */
final class FactsCache<T extends HasMetadata, F> {
    private record Entry<F>(HasMetadata object, String uid, String resourceVersion, F facts) {
        boolean holds(HasMetadata other) {
            if (other == object) {
                return true;
            }
            String version = other.getMetadata().getResourceVersion();
            return version != null && version.equals(resourceVersion) && Objects.equals(other.getMetadata().getUid(), uid);
        }
    }

    private final String kind;
    private final Class<T> type;
    private final BiFunction<FeedKey, T, F> read;
    private final Map<FeedKey, Map<String, Entry<F>>> byFeed = new HashMap<>();
    private long reads;

    FactsCache(String kind, Class<T> type, BiFunction<FeedKey, T, F> read) {
        this.kind = kind;
        this.type = type;
        this.read = read;
    }

    /** The facts of every object of this kind in the model's objects, in no particular order. */
    synchronized List<F> of(Map<FeedKey, Map<String, HasMetadata>> objects) {
        List<F> out = new ArrayList<>();
        byFeed.keySet().removeIf(feed -> !objects.containsKey(feed));
        objects.forEach((feed, byName) -> {
            if (!feed.kind().equals(kind)) {
                return;
            }
            Map<String, Entry<F>> cached = byFeed.computeIfAbsent(feed, f -> new HashMap<>());
            byName.forEach((name, object) -> {
                Entry<F> entry = cached.get(name);
                if (entry == null || !entry.holds(object)) {
                    entry = new Entry<>(object, object.getMetadata().getUid(), object.getMetadata().getResourceVersion(),
                            read.apply(feed, type.cast(object)));
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

    /** How many objects were read rather than taken from the cache, since it was made. */
    synchronized long reads() {
        return reads;
    }

    /** How many objects it holds facts of. */
    synchronized int size() {
        return byFeed.values().stream().mapToInt(Map::size).sum();
    }
}
