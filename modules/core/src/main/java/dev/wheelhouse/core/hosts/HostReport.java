package dev.wheelhouse.core.hosts;

import java.time.Duration;

/**
 * The outcome of probing one host: reachable or not, the host key check, and a sample.
 *
 * @param target where it went, {@code user@host:port} (and {@code via jump} with a ProxyJump)
 * @param error why it is not reachable (null when it is)
 * @param sample the second of two samples (null when unreachable)
 */
public record HostReport(
        String alias, String target, boolean reachable, HostKeyStatus hostKey, String hostKeyFingerprint,
        String error, HostMetricsSample sample, Duration took) {}
