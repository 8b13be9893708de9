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

    /*
     * equals and hashCode are written out: a record's generated ones go through method handles,
     * which C1 (the console runs C1 only, jpackage/app.args) does not inline. Every batch looks
     * up each of a table's rows by key, and the generated hashCode was a quarter of the FX
     * thread's time at 10,000 pods (docs/BENCHMARKS.md, Views).
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof RowKey k && name.equals(k.name) && namespace.equals(k.namespace)
                && kind.equals(k.kind) && context.equals(k.context);
    }

    @Override
    public int hashCode() {
        return ((context.hashCode() * 31 + kind.hashCode()) * 31 + namespace.hashCode()) * 31 + name.hashCode();
    }

    @Override
    public String toString() {
        return context + ":" + kind + "/" + (namespace.isEmpty() ? "" : namespace + "/") + name;
    }
}
