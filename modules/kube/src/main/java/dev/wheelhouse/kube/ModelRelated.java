package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.kube.render.Related;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** {@link Related} answered from the live model's objects of one context: on the loop, or on threads the loop waits for (reading only). */
final class ModelRelated implements Related {
    private final String context;
    private final Map<FeedKey, Map<String, HasMetadata>> objects;
    private final Predicate<FeedKey> listed;

    ModelRelated(String context, Map<FeedKey, Map<String, HasMetadata>> objects, Predicate<FeedKey> listed) {
        this.context = context;
        this.objects = objects;
        this.listed = listed;
    }

    @Override
    public boolean knows(String kind, String namespace) {
        return listed.test(new FeedKey(context, namespace, kind));
    }

    @Override
    public Endpoints endpoints(String namespace, String name) {
        Map<String, HasMetadata> of = objects.get(new FeedKey(context, namespace, "Endpoints"));
        return of == null ? null : (Endpoints) of.get(name);
    }

    @Override
    @SuppressWarnings("unchecked")
    public Collection<Pod> pods(String namespace) {
        Map<String, HasMetadata> of = objects.get(new FeedKey(context, namespace, "Pod"));
        return of == null ? List.of() : (Collection<Pod>) (Collection<?>) of.values();
    }
}
