package dev.wheelhouse.core.workspace;

import java.util.List;
import java.util.Optional;

/**
 * A deployable unit present in several environments: a Kubernetes workload and/or a service
 * on hosts. Either part may be absent (null).
 */
public record Application(String name, Workload workload, HostService hostService) {

    /**
     * The workload by kind and name, and the container whose image is the version.
     * rollbackOnFailure: a failed deploy or promote is rolled back to the revision it replaced
     * without being asked; null when the workspace file leaves it out (false in force).
     */
    public record Workload(WorkloadKind kind, String name, String container, Boolean rollbackOnFailure) {
        public Workload(WorkloadKind kind, String name, String container) {
            this(kind, name, container, null);
        }

        public boolean effectiveRollbackOnFailure() {
            return Boolean.TRUE.equals(rollbackOnFailure);
        }
    }

    /**
     * A service on hosts: where releases live, how to restart it and how to check it, which
     * paths every release shares, how many releases to keep, how to batch hosts and how patient
     * the health check is. Optional settings are null when the workspace file leaves them out
     * (so a save writes back only what the user wrote); the {@code effective...} methods give
     * the values in force.
     */
    public record HostService(String deployRoot, String restartCommand, String healthCommand,
                              List<String> sharedPaths, Integer keepReleases, Batches batches, HealthCheck healthCheck) {
        public static final int DEFAULT_KEEP_RELEASES = 5;

        public HostService {
            sharedPaths = sharedPaths == null ? List.of() : List.copyOf(sharedPaths);
        }

        public HostService(String deployRoot, String restartCommand, String healthCommand) {
            this(deployRoot, restartCommand, healthCommand, List.of(), null, null, null);
        }

        public int effectiveKeepReleases() {
            return keepReleases == null ? DEFAULT_KEEP_RELEASES : keepReleases;
        }

        public Batches effectiveBatches() {
            return (batches == null ? new Batches(null, null, null) : batches).withDefaults();
        }

        public HealthCheck effectiveHealthCheck() {
            return (healthCheck == null ? new HealthCheck(null, null, null) : healthCheck).withDefaults();
        }
    }

    /**
     * How hosts are taken in batches: {@code first} hosts alone, then {@code percent} of all
     * hosts, then the rest. A batch in which more than {@code maxFailedPercent} of the hosts
     * fail stops the deploy (0: any failure stops it).
     */
    public record Batches(Integer first, Integer percent, Integer maxFailedPercent) {
        Batches withDefaults() {
            return new Batches(first == null ? 1 : first, percent == null ? 50 : percent,
                    maxFailedPercent == null ? 0 : maxFailedPercent);
        }
    }

    /** The health command is tried up to {@code retries} times, each bounded by the timeout, with a pause between. */
    public record HealthCheck(Integer retries, Integer timeoutSeconds, Integer intervalSeconds) {
        HealthCheck withDefaults() {
            return new HealthCheck(retries == null ? 5 : retries, timeoutSeconds == null ? 10 : timeoutSeconds,
                    intervalSeconds == null ? 2 : intervalSeconds);
        }
    }

    public Optional<Workload> workloadPart() {
        return Optional.ofNullable(workload);
    }

    public Optional<HostService> hostPart() {
        return Optional.ofNullable(hostService);
    }
}
