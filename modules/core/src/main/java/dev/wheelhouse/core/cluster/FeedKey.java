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

    /* Written out, as RowKey's are, for the same reason: C1 does not inline the generated ones. */
    @Override
    public boolean equals(Object o) {
        return o instanceof FeedKey k && kind.equals(k.kind) && namespace.equals(k.namespace) && context.equals(k.context);
    }

    @Override
    public int hashCode() {
        return (context.hashCode() * 31 + namespace.hashCode()) * 31 + kind.hashCode();
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
