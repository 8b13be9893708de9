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

    /**
     * The reverse of {@link #journalName()}, read from the end (a context may contain slashes);
     * empty when the text is not one.
     */
    public static java.util.Optional<WorkloadRef> parseJournalName(String text) {
        if (text == null) {
            return java.util.Optional.empty();
        }
        String[] parts = text.split("/", -1);
        if (parts.length < 4) {
            return java.util.Optional.empty();
        }
        int n = parts.length;
        String context = String.join("/", java.util.Arrays.copyOf(parts, n - 3));
        return WorkloadKind.parse(parts[n - 2]).filter(k -> !parts[n - 1].isEmpty() && !context.isEmpty())
                .map(k -> new WorkloadRef(context, parts[n - 3], k, parts[n - 1]));
    }

    /** "context/namespace/Kind/name": how the history names the target. */
    public String journalName() {
        return context + "/" + (namespace == null ? "" : namespace) + "/" + kind.kind() + "/" + name;
    }
}
