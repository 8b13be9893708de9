package dev.wheelhouse.ssh.metrics;

import dev.wheelhouse.core.hosts.HostMetricsSample;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Turns successive snapshots into samples: CPU use from the tick deltas, network rates from
 * the byte deltas over the host's own clock (/proc/uptime, so network delay does not skew
 * them). The first snapshot, and one after a counter went backwards (reboot, wrap), has no
 * CPU use or rates. Not thread-safe: one per stream.
 */
public final class SampleAssembler {
    private final String host;
    private final String service;
    private RawSnapshot previous;
    private Instant previousAt;

    /** @param service the configured unit, or null */
    public SampleAssembler(String host, String service) {
        this.host = host;
        this.service = service;
    }

    public HostMetricsSample next(RawSnapshot now, Instant at) {
        Double cpu = null;
        double seconds = -1;
        if (previous != null) {
            long total = now.cpuTotal() - previous.cpuTotal();
            long idle = now.cpuIdle() - previous.cpuIdle();
            if (total > 0 && idle >= 0 && idle <= total) {
                cpu = 100.0 * (total - idle) / total;
            }
            if (now.uptimeSeconds() > 0 && previous.uptimeSeconds() > 0) {
                seconds = now.uptimeSeconds() - previous.uptimeSeconds();
            }
            if (seconds <= 0) {
                seconds = Duration.between(previousAt, at).toMillis() / 1000.0;
            }
        }
        List<HostMetricsSample.NetworkRate> network = new ArrayList<>();
        for (Map.Entry<String, long[]> e : now.network().entrySet()) {
            long[] before = previous == null ? null : previous.network().get(e.getKey());
            Double rx = null;
            Double tx = null;
            if (before != null && seconds > 0 && e.getValue()[0] >= before[0] && e.getValue()[1] >= before[1]) {
                rx = (e.getValue()[0] - before[0]) / seconds;
                tx = (e.getValue()[1] - before[1]) / seconds;
            }
            network.add(new HostMetricsSample.NetworkRate(e.getKey(), e.getValue()[0], e.getValue()[1], rx, tx));
        }
        Duration uptime = now.uptimeSeconds() < 0 ? null : Duration.ofMillis((long) (now.uptimeSeconds() * 1000));
        HostMetricsSample.ServiceState serviceState = service == null ? null
                : new HostMetricsSample.ServiceState(service, now.service() == null ? "unknown" : now.service());
        previous = now;
        previousAt = at;
        return new HostMetricsSample(host, at, uptime, now.cpus(), cpu, now.memory(), now.load(), now.filesystems(), network, serviceState);
    }
}
