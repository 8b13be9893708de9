package dev.wheelhouse.workspace;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.List;

/**
 * The shape of the workspace file, field for field. Kept apart from the core records so the
 * file's spelling (e.g. {@code kubernetes}, {@code restart}) can differ from the domain's
 * names, and so core stays free of Jackson. Order of the record components is the order written.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
@JsonPropertyOrder({"environments", "applications"})
record WorkspaceFile(
        // Always written, so even an empty workspace file shows where environments go.
        @JsonInclude(JsonInclude.Include.NON_NULL) List<EnvironmentEntry> environments,
        List<ApplicationEntry> applications) {

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "tier", "colour", "readOnly", "kubernetes", "hosts"})
    record EnvironmentEntry(
            String name,
            String tier,
            String colour,
            Boolean readOnly,
            List<KubernetesEntry> kubernetes,
            List<HostEntry> hosts) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"context", "namespaces"})
    record KubernetesEntry(String context, List<String> namespaces) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"alias", "hostName", "port", "user"})
    record HostEntry(String alias, String hostName, Integer port, String user) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"name", "kubernetes", "hosts"})
    record ApplicationEntry(
            String name,
            @JsonProperty("kubernetes") WorkloadEntry kubernetes,
            @JsonProperty("hosts") HostServiceEntry hosts) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"kind", "name", "container", "rollbackOnFailure"})
    record WorkloadEntry(String kind, String name, String container, Boolean rollbackOnFailure) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"deployRoot", "restart", "health", "shared", "keepReleases", "batches", "healthCheck"})
    record HostServiceEntry(String deployRoot, String restart, String health, List<String> shared,
                            Integer keepReleases, BatchesEntry batches, HealthCheckEntry healthCheck) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"first", "percent", "maxFailedPercent"})
    record BatchesEntry(Integer first, Integer percent, Integer maxFailedPercent) {}

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    @JsonPropertyOrder({"retries", "timeoutSeconds", "intervalSeconds"})
    record HealthCheckEntry(Integer retries, Integer timeoutSeconds, Integer intervalSeconds) {}
}
