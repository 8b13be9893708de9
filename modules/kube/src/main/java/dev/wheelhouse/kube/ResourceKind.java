package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.kube.render.Related;
import dev.wheelhouse.kube.render.Renderer;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;

/**
 * Everything the console knows about one kind, in one place: names, scope, how to watch it,
 * its columns and its renderer.
 */
public record ResourceKind<T extends HasMetadata>(KindInfo info, Class<T> type, Renderer<T> renderer) {

    static <T extends HasMetadata> ResourceKind<T> of(
            String kind, String plural, String group, boolean namespaced, Class<T> type, List<Column> columns,
            Renderer<T> renderer) {
        return new ResourceKind<>(new KindInfo(kind, plural, group, namespaced, columns), type, renderer);
    }

    public String kind() {
        return info.kind();
    }

    public boolean namespaced() {
        return info.namespaced();
    }

    /** The row of an object of this kind; the cells follow {@link KindInfo#columns()}. */
    public ResourceRow render(HasMetadata object, Related related) {
        return renderer.render(type.cast(object), related);
    }

    /**
     * An informer for this kind in one namespace (or cluster-wide for cluster-scoped kinds), not
     * started: the caller adds its handler and exception handler, then starts it.
     */
    public SharedIndexInformer<T> informer(KubernetesClient client, String namespace) {
        var resources = client.resources(type);
        return namespaced() ? resources.inNamespace(namespace).runnableInformer(0) : resources.runnableInformer(0);
    }
}
