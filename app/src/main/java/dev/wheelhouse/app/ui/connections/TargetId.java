package dev.wheelhouse.app.ui.connections;

import java.util.Objects;

/**
 * A thing the console connects to: a kubeconfig context or an ssh host alias. Environments
 * may share a context or a host; they then share its connection state.
 */
public record TargetId(Kind kind, String name) implements Comparable<TargetId> {
    public enum Kind {
        KUBERNETES("Kubernetes context"),
        HOST("host");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    public TargetId {
        Objects.requireNonNull(kind);
        Objects.requireNonNull(name);
    }

    public static TargetId kube(String context) {
        return new TargetId(Kind.KUBERNETES, context);
    }

    public static TargetId host(String alias) {
        return new TargetId(Kind.HOST, alias);
    }

    @Override
    public int compareTo(TargetId o) {
        int byKind = kind.compareTo(o.kind);
        return byKind != 0 ? byKind : name.compareTo(o.name);
    }

    @Override
    public String toString() {
        return kind.label() + " " + name;
    }
}
