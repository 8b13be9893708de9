package dev.wheelhouse.core.hosts;

import java.time.Duration;

/**
 * How a host is sampled.
 *
 * @param interval time between samples (the remote loop sleeps this long; whole seconds, at least 1)
 * @param service a systemd unit whose state ({@code systemctl is-active}) each sample carries, or null
 */
public record MetricsSpec(Duration interval, String service) {
    public static final Duration DEFAULT_INTERVAL = Duration.ofSeconds(2);

    public MetricsSpec {
        if (interval == null) {
            interval = DEFAULT_INTERVAL;
        }
        if (interval.toMillis() < 1000) {
            throw new IllegalArgumentException("sample interval must be at least 1 s, was " + interval);
        }
        if (service != null && service.isBlank()) {
            service = null;
        }
    }

    public static MetricsSpec defaults() {
        return new MetricsSpec(DEFAULT_INTERVAL, null);
    }
}
