package dev.wheelhouse.core.ops;

import dev.wheelhouse.core.workspace.WorkloadKind;
import java.util.Objects;

/**
 * One workload in one cluster: a kubeconfig context, a namespace (null or "" for the context's
 * default one), its kind and name.
 */
public record WorkloadRef(String context, String namespace, WorkloadKind kind, String name) {
    public WorkloadRef {
        Objects.requireNonNull(context);
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
        namespace = namespace == null || namespace.isBlank() ? null : namespace;
    }

    public static WorkloadRef deployment(String context, String namespace, String name) {
        return new WorkloadRef(context, namespace, WorkloadKind.DEPLOYMENT, name);
    }

    /** "deployment/checkout", as kubectl names it. */
    public String kubectlName() {
        return kind.kind().toLowerCase(java.util.Locale.ROOT) + "/" + name;
    }

    /** "deployments.apps", the resource as RBAC spells it. */
    public String resource() {
        return kind.kind().toLowerCase(java.util.Locale.ROOT) + "s.apps";
    }

    /** "context/namespace/Kind/name": how the history names the target. */
    public String journalName() {
        return context + "/" + (namespace == null ? "" : namespace) + "/" + kind.kind() + "/" + name;
    }
}
