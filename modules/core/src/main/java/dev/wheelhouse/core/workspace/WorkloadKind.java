package dev.wheelhouse.core.workspace;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The Kubernetes workload kinds an application can be. */
public enum WorkloadKind {
    DEPLOYMENT("Deployment"),
    STATEFULSET("StatefulSet"),
    DAEMONSET("DaemonSet");

    private final String kind;

    WorkloadKind(String kind) {
        this.kind = kind;
    }

    /** The Kubernetes `kind` spelling, as written in the workspace file. */
    public String kind() {
        return kind;
    }

    public static Optional<WorkloadKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        String wanted = text.trim().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(k -> k.kind.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
    }
}
