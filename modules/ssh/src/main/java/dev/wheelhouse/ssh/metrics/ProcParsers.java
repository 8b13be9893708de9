package dev.wheelhouse.ssh.metrics;

import dev.wheelhouse.core.hosts.HostMetricsSample.FilesystemUsage;
import dev.wheelhouse.core.hosts.HostMetricsSample.Load;
import dev.wheelhouse.core.hosts.HostMetricsSample.Memory;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pure parsers for what the metrics loop prints: /proc/stat's cpu lines, /proc/meminfo,
 * /proc/loadavg, /proc/uptime, /proc/net/dev and {@code df -P} (blocks and inodes). Lines that
 * make no sense are skipped, never fatal: one odd filesystem must not cost the whole sample.
 */
public final class ProcParsers {
    /** df -P: filesystem (may hold spaces), four figures, the mount point (may hold spaces). */
    private static final Pattern DF_LINE = Pattern.compile("^(.*?)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+%|-)\\s+(/.*)$");

    private ProcParsers() {}

    /** @return {total, idle+iowait, number of cpuN lines}; total is -1 without a "cpu" line */
    public static long[] cpu(List<String> lines) {
        long total = -1;
        long idle = 0;
        long cpus = 0;
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f[0].equals("cpu") && f.length >= 5) {
                total = 0;
                // user nice system idle iowait irq softirq steal; guest and guest_nice are already in user/nice
                for (int i = 1; i < Math.min(f.length, 9); i++) {
                    total += parseLong(f[i]);
                }
                idle = parseLong(f[4]) + (f.length > 5 ? parseLong(f[5]) : 0);
            } else if (f[0].startsWith("cpu") && f[0].length() > 3 && Character.isDigit(f[0].charAt(3))) {
                cpus++;
            }
        }
        return new long[] {total, idle, cpus};
    }

    public static Memory memory(List<String> lines) {
        Map<String, Long> kb = new HashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            try {
                kb.put(line.substring(0, colon), Long.parseLong(f[0]));
            } catch (NumberFormatException e) {
                // not a figure: skip
            }
        }
        long total = kb.getOrDefault("MemTotal", 0L);
        // MemAvailable exists since Linux 3.14; before it, free + buffers + cache is the usual estimate.
        long available = kb.containsKey("MemAvailable") ? kb.get("MemAvailable")
                : kb.getOrDefault("MemFree", 0L) + kb.getOrDefault("Buffers", 0L) + kb.getOrDefault("Cached", 0L);
        return new Memory(total * 1024, available * 1024, kb.getOrDefault("SwapTotal", 0L) * 1024,
                kb.getOrDefault("SwapFree", 0L) * 1024);
    }

    public static Load load(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            if (f.length >= 3) {
                try {
                    return new Load(Double.parseDouble(f[0]), Double.parseDouble(f[1]), Double.parseDouble(f[2]));
                } catch (NumberFormatException e) {
                    return null;
                }
            }
        }
        return null;
    }

    /** Seconds since boot, or -1. */
    public static double uptime(List<String> lines) {
        for (String line : lines) {
            String[] f = line.trim().split("\\s+");
            try {
                return Double.parseDouble(f[0]);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
        return -1;
    }

    /** interface -> {rx bytes, tx bytes}; the name may be glued to the first figure ("eth0:123"). */
    public static Map<String, long[]> network(List<String> lines) {
        Map<String, long[]> interfaces = new LinkedHashMap<>();
        for (String line : lines) {
            int colon = line.indexOf(':');
            if (colon <= 0 || line.contains("|")) {
                continue;
            }
            String name = line.substring(0, colon).trim();
            String[] f = line.substring(colon + 1).trim().split("\\s+");
            if (name.isEmpty() || f.length < 9) {
                continue;
            }
            try {
                interfaces.put(name, new long[] {Long.parseLong(f[0]), Long.parseLong(f[8])});
            } catch (NumberFormatException e) {
                // not figures: skip
            }
        }
        return interfaces;
    }

    /**
     * Joins {@code df -P -k} and {@code df -P -i} by mount point. Filesystems of size 0 (proc-like
     * ones) are left out; inode figures are null where df -i has none (or reports 0 inodes).
     */
    public static List<FilesystemUsage> filesystems(List<String> blocks, List<String> inodes) {
        Map<String, long[]> inodesByMount = new HashMap<>();
        for (String line : inodes) {
            Matcher m = DF_LINE.matcher(line);
            if (m.matches()) {
                inodesByMount.put(m.group(6), new long[] {parseLong(m.group(2)), parseLong(m.group(3))});
            }
        }
        List<FilesystemUsage> filesystems = new ArrayList<>();
        for (String line : blocks) {
            Matcher m = DF_LINE.matcher(line);
            if (!m.matches()) {
                continue;
            }
            long size = parseLong(m.group(2)) * 1024;
            if (size <= 0) {
                continue;
            }
            long[] in = inodesByMount.get(m.group(6));
            Long inodeTotal = in == null || in[0] == 0 ? null : in[0];
            Long inodeUsed = inodeTotal == null ? null : in[1];
            filesystems.add(new FilesystemUsage(m.group(1), m.group(6), size, parseLong(m.group(3)) * 1024,
                    parseLong(m.group(4)) * 1024, inodeTotal, inodeUsed));
        }
        return filesystems;
    }

    private static long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
