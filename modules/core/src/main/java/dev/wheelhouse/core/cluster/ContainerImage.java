package dev.wheelhouse.core.cluster;

/** A container of a pod template or pod and the image it runs. */
public record ContainerImage(String container, String image) {
    public ContainerImage {
        image = image == null ? "" : image;
    }

    /**
     * The version the image names: its tag ("1.4.2"), else its digest ("sha256:ab12..."),
     * else "latest" as the runtime would pull it. A registry port is not a tag.
     */
    public String tag() {
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        if (colon > slash) {
            return name.substring(colon + 1);
        }
        if (at >= 0) {
            return image.substring(at + 1);
        }
        return image.isEmpty() ? "" : "latest";
    }

    /** The image without its tag or digest ("registry.example.com:5000/shop/web"). */
    public String repository() {
        int at = image.indexOf('@');
        String name = at >= 0 ? image.substring(0, at) : image;
        int slash = name.lastIndexOf('/');
        int colon = name.lastIndexOf(':');
        return colon > slash ? name.substring(0, colon) : name;
    }
}
