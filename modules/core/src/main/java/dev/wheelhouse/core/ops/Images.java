package dev.wheelhouse.core.ops;

import java.util.List;

/** Reading "container=image" lists and image references: one place for "which image is the version". */
public final class Images {
    private Images() {}

    /** The image of the named container, or of the first one when the name is null or not there; null when none. */
    public static String of(List<String> images, String container) {
        if (images == null || images.isEmpty()) {
            return null;
        }
        String entry = images.stream().filter(i -> container != null && i.startsWith(container + "="))
                .findFirst().orElse(images.getFirst());
        return entry.substring(entry.indexOf('=') + 1);
    }

    /** The tag (or digest) of an image: what the history calls its version; the whole reference when it has neither. */
    public static String version(String image) {
        if (image == null) {
            return null;
        }
        int at = image.indexOf('@');
        if (at >= 0) {
            return image.substring(at + 1);
        }
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : image;
    }
}
