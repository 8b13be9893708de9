package dev.wheelhouse.core.cluster;

import java.time.Instant;

/** The metrics state of one context, with a line for people and the time of the last good sample. */
public record MetricsStatus(String context, MetricsState state, String detail, Instant lastSample) {
    public MetricsStatus {
        detail = detail == null ? "" : detail;
    }
}
