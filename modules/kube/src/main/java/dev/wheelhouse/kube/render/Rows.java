package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/** What every renderer does the same way: metadata, timestamps, images, "<none>". */
public final class Rows {
    private Rows() {}

    public static ResourceRow row(
            String kind, HasMetadata object, List<String> cells, Health health, String status, List<ContainerImage> images,
            String version) {
        ObjectMeta meta = object.getMetadata();
        Map<String, String> labels = meta.getLabels() == null ? Map.of() : meta.getLabels();
        return new ResourceRow("", kind, nz(meta.getNamespace()), meta.getName(), cells, health, status,
                instant(meta.getCreationTimestamp()), labels, images, version);
    }

    /** A Kubernetes timestamp as an Instant, or null when absent or unreadable. */
    public static Instant instant(String timestamp) {
        if (timestamp == null || timestamp.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(timestamp);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** An AGE cell: the instant in ISO-8601, or "" when unknown. */
    public static String age(String timestamp) {
        Instant at = instant(timestamp);
        return at == null ? "" : at.toString();
    }

    public static String age(HasMetadata object) {
        return age(object.getMetadata().getCreationTimestamp());
    }

    public static boolean terminating(HasMetadata object) {
        return object.getMetadata().getDeletionTimestamp() != null;
    }

    public static List<ContainerImage> images(PodTemplateSpec template) {
        return template == null ? List.of() : images(template.getSpec());
    }

    public static List<ContainerImage> images(PodSpec spec) {
        if (spec == null || spec.getContainers() == null) {
            return List.of();
        }
        return spec.getContainers().stream().map(c -> new ContainerImage(c.getName(), nz(c.getImage()))).toList();
    }

    /** The tag of the container named like the workload, else of the first container. */
    public static String mainVersion(List<ContainerImage> images, String preferred) {
        for (ContainerImage image : images) {
            if (image.container().equals(preferred)) {
                return image.tag();
            }
        }
        return images.isEmpty() ? "" : images.getFirst().tag();
    }

    public static String containerNames(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null) {
            return "";
        }
        return String.join(",", template.getSpec().getContainers().stream().map(Container::getName).toList());
    }

    public static String imageList(List<ContainerImage> images) {
        return String.join(",", images.stream().map(ContainerImage::image).toList());
    }

    public static String nz(String s) {
        return s == null ? "" : s;
    }

    public static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    public static String orNone(String s) {
        return s == null || s.isEmpty() ? "<none>" : s;
    }

    public static String joinOrNone(List<String> items, String separator) {
        return items == null || items.isEmpty() ? "<none>" : String.join(separator, items);
    }
}
