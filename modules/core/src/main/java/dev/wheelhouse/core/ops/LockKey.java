package dev.wheelhouse.core.ops;

import java.util.Objects;

/** Where an operation lock lives: a Lease named {@code name} in a namespace of a context. */
public record LockKey(String context, String namespace, String name) {
    public LockKey {
        Objects.requireNonNull(context);
        Objects.requireNonNull(name);
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    /** One lock per application per environment: "wheelhouse-checkout" in the workload's namespace. */
    public static LockKey forApplication(WorkloadRef workload, String application) {
        String base = (application == null || application.isBlank() ? workload.name() : application)
                .toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9.-]", "-");
        String name = "wheelhouse-" + base;
        return new LockKey(workload.context(), workload.namespace(), name.length() > 253 ? name.substring(0, 253) : name);
    }

    public String describe() {
        return "lease " + name + (namespace == null ? "" : " in " + namespace) + " (context " + context + ")";
    }
}
