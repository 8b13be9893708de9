package dev.wheelhouse.ssh.metrics;

import dev.wheelhouse.ssh.remote.RemoteCommands;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Cuts the metrics loop's output into blocks ({@code @@name} sections up to {@code @@end}) and
 * parses each into a {@link RawSnapshot}. Feed it lines in order; not thread-safe.
 */
public final class MetricsBlockParser {
    private final Consumer<RawSnapshot> sink;
    private Map<String, List<String>> sections = new HashMap<>();
    private List<String> current;

    public MetricsBlockParser(Consumer<RawSnapshot> sink) {
        this.sink = sink;
    }

    public void line(String line) {
        if (line.equals(RemoteCommands.END)) {
            RawSnapshot snapshot = parse(sections);
            sections = new HashMap<>();
            current = null;
            if (snapshot != null) {
                sink.accept(snapshot);
            }
        } else if (line.startsWith(RemoteCommands.SECTION)) {
            current = sections.computeIfAbsent(line.substring(RemoteCommands.SECTION.length()).trim(), k -> new ArrayList<>());
        } else if (current != null) {
            current.add(line);
        }
    }

    /** One block's sections; null when it has no CPU line (output from something else). */
    public static RawSnapshot parse(Map<String, List<String>> sections) {
        long[] cpu = ProcParsers.cpu(sections.getOrDefault("stat", List.of()));
        if (cpu[0] < 0) {
            return null;
        }
        List<String> service = sections.get("service");
        String serviceState = null;
        if (service != null) {
            serviceState = service.stream().map(String::strip).filter(s -> !s.isEmpty()).findFirst().orElse("unknown");
        }
        return new RawSnapshot(cpu[0], cpu[1], (int) cpu[2],
                ProcParsers.memory(sections.getOrDefault("meminfo", List.of())),
                ProcParsers.load(sections.getOrDefault("loadavg", List.of())),
                ProcParsers.uptime(sections.getOrDefault("uptime", List.of())),
                ProcParsers.network(sections.getOrDefault("netdev", List.of())),
                ProcParsers.filesystems(sections.getOrDefault("df", List.of()), sections.getOrDefault("dfi", List.of())),
                serviceState);
    }
}
