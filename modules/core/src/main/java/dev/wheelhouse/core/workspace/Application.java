package dev.wheelhouse.core.workspace;

import java.util.Optional;

/**
 * A deployable unit present in several environments: a Kubernetes workload and/or a service
 * on hosts. Either part may be absent (null).
 */
public record Application(String name, Workload workload, HostService hostService) {

    /** The workload by kind and name, and the container whose image is the version. */
    public record Workload(WorkloadKind kind, String name, String container) {}

    /** A service on hosts: where releases live, how to restart it and how to check it. */
    public record HostService(String deployRoot, String restartCommand, String healthCommand) {}

    public Optional<Workload> workloadPart() {
        return Optional.ofNullable(workload);
    }

    public Optional<HostService> hostPart() {
        return Optional.ofNullable(hostService);
    }
}
