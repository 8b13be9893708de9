package dev.wheelhouse.core.cluster;

import java.util.Objects;

/**
 * Which object a row shows: the same name in another context or namespace is another object.
 * Cluster-scoped kinds have the namespace "".
 */
public record RowKey(String context, String kind, String namespace, String name) {
    public RowKey {
        Objects.requireNonNull(context);
        Objects.requireNonNull(kind);
        namespace = namespace == null ? "" : namespace;
        Objects.requireNonNull(name);
    }

    @Override
    public String toString() {
        return context + ":" + kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
