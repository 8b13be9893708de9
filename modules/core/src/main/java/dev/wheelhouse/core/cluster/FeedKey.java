package dev.wheelhouse.core.cluster;

import java.util.Objects;

/**
 * One watched list: a kind in one namespace of one context, or a cluster-scoped kind of a
 * context (namespace "").
 */
public record FeedKey(String context, String namespace, String kind) {
    public FeedKey {
        Objects.requireNonNull(context);
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(kind);
    }

    public boolean clusterScoped() {
        return namespace.isEmpty();
    }

    /** "pods in shop-dev (context prod-eu)", "nodes (cluster-wide, context prod-eu)". */
    public String describe(String plural) {
        return clusterScoped()
                ? plural + " (cluster-wide, context " + context + ")"
                : plural + " in " + namespace + " (context " + context + ")";
    }
}
