package dev.wheelhouse.ssh.metrics;

import dev.wheelhouse.core.hosts.HostMetricsSample;
import java.util.List;
import java.util.Map;

/**
 * One block of the metrics loop, parsed but not yet compared with the previous one. Counters
 * are as the kernel gives them (CPU in clock ticks, network in bytes since boot).
 *
 * @param cpuTotal all CPU ticks (user+nice+system+idle+iowait+irq+softirq+steal), or -1 if missing
 * @param cpuIdle idle + iowait ticks
 * @param uptimeSeconds /proc/uptime's first figure, or -1 if missing (the clock for rates)
 * @param network interface -> {rx bytes, tx bytes}, in the kernel's order
 * @param service systemctl is-active's answer, or null when the block has no service section
 */
public record RawSnapshot(
        long cpuTotal,
        long cpuIdle,
        int cpus,
        HostMetricsSample.Memory memory,
        HostMetricsSample.Load load,
        double uptimeSeconds,
        Map<String, long[]> network,
        List<HostMetricsSample.FilesystemUsage> filesystems,
        String service) {}
