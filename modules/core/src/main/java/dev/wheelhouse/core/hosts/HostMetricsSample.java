package dev.wheelhouse.core.hosts;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * One sample of a host. Rates and CPU use need a previous sample: they are null in the first
 * sample of a stream.
 *
 * @param at when the sample arrived here
 * @param cpuPercent busy share of all CPUs since the previous sample, 0-100 (null in the first)
 * @param service the configured systemd unit's state, or null when none is configured
 */
public record HostMetricsSample(
        String host,
        Instant at,
        Duration uptime,
        int cpus,
        Double cpuPercent,
        Memory memory,
        Load load,
        List<FilesystemUsage> filesystems,
        List<NetworkRate> network,
        ServiceState service) {

    public HostMetricsSample {
        filesystems = List.copyOf(filesystems);
        network = List.copyOf(network);
    }

    /** From /proc/meminfo; "used" is total minus available, as free(1) counts it. */
    public record Memory(long totalBytes, long availableBytes, long swapTotalBytes, long swapFreeBytes) {
        public long usedBytes() {
            return totalBytes - availableBytes;
        }

        public double usedPercent() {
            return totalBytes == 0 ? 0 : 100.0 * usedBytes() / totalBytes;
        }
    }

    public record Load(double one, double five, double fifteen) {}

    /** One filesystem from {@code df -P}; inode figures are null where the filesystem has none. */
    public record FilesystemUsage(
            String filesystem, String mountPoint, long sizeBytes, long usedBytes, long availableBytes, Long inodes, Long inodesUsed) {
        /** As df's Use% column: used / (used + available). */
        public double usedPercent() {
            long denominator = usedBytes + availableBytes;
            return denominator == 0 ? 0 : 100.0 * usedBytes / denominator;
        }

        public Double inodesUsedPercent() {
            return inodes == null || inodesUsed == null || inodes == 0 ? null : 100.0 * inodesUsed / inodes;
        }
    }

    /** An interface's byte counters and their rates since the previous sample (null in the first). */
    public record NetworkRate(String iface, long rxBytes, long txBytes, Double rxBytesPerSecond, Double txBytesPerSecond) {}

    /** A systemd unit's state as {@code systemctl is-active} says it: active, inactive, failed, ... */
    public record ServiceState(String unit, String state) {
        public boolean active() {
            return "active".equals(state);
        }
    }

    /** The fullest filesystem, for one-line summaries. */
    public FilesystemUsage fullestFilesystem() {
        FilesystemUsage fullest = null;
        for (FilesystemUsage fs : filesystems) {
            if (fullest == null || fs.usedPercent() > fullest.usedPercent()) {
                fullest = fs;
            }
        }
        return fullest;
    }
}
