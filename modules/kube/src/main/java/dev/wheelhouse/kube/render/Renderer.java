package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.HasMetadata;

/**
 * A pure function from one object (and the few objects it is shown with) to its table row, as
 * kubectl prints it. No clock, no I/O: the same input gives the same row, so it is tested from
 * JSON fixtures. The row's context is "" (the live model sets it).
 */
@FunctionalInterface
public interface Renderer<T extends HasMetadata> {
    ResourceRow render(T object, Related related);
}
