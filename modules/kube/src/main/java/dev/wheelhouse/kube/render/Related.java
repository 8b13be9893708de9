package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.Collection;
import java.util.List;

/**
 * The other objects of the same context a renderer may look at: a Service shows its endpoint
 * count, a NetworkPolicy the pods it selects. The live model answers from its caches.
 */
public interface Related {
    /** True when {@code kind} is listed in {@code namespace} (so "none found" means none). */
    boolean knows(String kind, String namespace);

    /** The Endpoints of the service of this name, or null. */
    Endpoints endpoints(String namespace, String name);

    /** The pods of a namespace (empty when not known). */
    Collection<Pod> pods(String namespace);

    /** Knows nothing: renderers show "?" where a count needs other objects. */
    Related NONE = new Related() {
        @Override
        public boolean knows(String kind, String namespace) {
            return false;
        }

        @Override
        public Endpoints endpoints(String namespace, String name) {
            return null;
        }

        @Override
        public Collection<Pod> pods(String namespace) {
            return List.of();
        }
    };
}
