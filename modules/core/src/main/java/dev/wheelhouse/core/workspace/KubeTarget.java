package dev.wheelhouse.core.workspace;

import java.util.List;

/** One kubeconfig context and the namespaces of it that belong to an environment. */
public record KubeTarget(String context, List<String> namespaces) {
    public KubeTarget {
        namespaces = namespaces == null ? List.of() : List.copyOf(namespaces);
    }

    /** Empty namespaces means the context's default namespace. */
    public String describe() {
        return namespaces.isEmpty() ? context : context + " / " + String.join(", ", namespaces);
    }
}
