package dev.wheelhouse.core.cluster;

/** Whether live usage (metrics.k8s.io) is coming from a context. */
public enum MetricsState {
    /** No sample yet. */
    COLLECTING,
    AVAILABLE,
    /** The cluster serves no metrics API (no metrics-server): said plainly, not as an error. */
    METRICS_UNAVAILABLE,
    /** 403 on the metrics API. */
    FORBIDDEN,
    /** The last sample failed (unreachable, 5xx); retried at the next interval. */
    FAILED
}
