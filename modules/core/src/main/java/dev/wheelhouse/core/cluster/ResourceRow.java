package dev.wheelhouse.core.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One object as a table row, rendered the way kubectl prints it. Immutable.
 *
 * @param context the kubeconfig context it came from ("" straight out of a renderer)
 * @param namespace "" for cluster-scoped kinds
 * @param cells one per column of the kind ({@link KindInfo#columns()}), never null
 * @param status the one-word state kubectl would print (Running, CrashLoopBackOff, Bound ...), or ""
 * @param created the creation timestamp, or null when the object has none
 * @param images the containers and their images, for workloads and pods; empty otherwise
 * @param version the tag of the main container's image (see {@link #versionOf}), or "" where none applies
 */
public record ResourceRow(
        String context,
        String kind,
        String namespace,
        String name,
        List<String> cells,
        Health health,
        String status,
        Instant created,
        Map<String, String> labels,
        List<ContainerImage> images,
        String version) {

    public ResourceRow {
        context = context == null ? "" : context;
        Objects.requireNonNull(kind);
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name);
        cells = cells.stream().map(c -> c == null ? "" : c).toList();
        health = health == null ? Health.UNKNOWN : health;
        status = status == null ? "" : status;
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        images = images == null ? List.of() : List.copyOf(images);
        version = version == null ? "" : version;
    }

    public RowKey key() {
        return new RowKey(context, kind, namespace, name);
    }

    public ResourceRow withContext(String newContext) {
        return new ResourceRow(newContext, kind, namespace, name, cells, health, status, created, labels, images, version);
    }

    public String cell(int index) {
        return cells.get(index);
    }

    /**
     * The version of one container (the application's container in the workspace), falling
     * back to {@link #version()} when the container is not named or not found.
     */
    public String versionOf(String container) {
        if (container != null) {
            for (ContainerImage image : images) {
                if (image.container().equals(container)) {
                    return image.tag();
                }
            }
        }
        return version;
    }
}
