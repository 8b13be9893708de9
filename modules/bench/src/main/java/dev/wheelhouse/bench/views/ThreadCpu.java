package dev.wheelhouse.bench.views;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * CPU time of this process's threads by name, from {@code /proc/self/task} (Linux): unlike
 * {@code ThreadMXBean} it includes the JIT compilers, the GC and native threads, which on two
 * cores are what the FX thread waits for. Numbered threads of one pool are added up
 * ("GC Thread#0", "GC Thread#1" become "GC Thread#N"; C1 and C2 stay apart).
 */
final class ThreadCpu {
    private static final long MILLIS_PER_TICK = 10; // USER_HZ is 100 on Linux

    private ThreadCpu() {}

    /** Milliseconds of CPU per thread group so far; empty where /proc is not there. */
    static Map<String, Long> now() {
        Map<String, Long> byName = new TreeMap<>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            for (Path task : tasks.toList()) {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    int open = stat.indexOf('(');
                    int close = stat.lastIndexOf(')');
                    String name = stat.substring(open + 1, close).replaceAll("(?<!C)[0-9]+", "N");
                    // Fields after the name: state is the 1st, utime the 12th, stime the 13th.
                    String[] f = stat.substring(close + 2).split(" ");
                    byName.merge(name, (Long.parseLong(f[11]) + Long.parseLong(f[12])) * MILLIS_PER_TICK, Long::sum);
                } catch (IOException | RuntimeException e) {
                    // the thread ended meanwhile
                }
            }
        } catch (IOException e) {
            return Map.of();
        }
        return byName;
    }

    /** Prints the busiest groups between two readings as '#' lines. */
    static void print(PrintStream out, String what, Map<String, Long> from, Map<String, Long> to, int top) {
        long total = to.entrySet().stream().mapToLong(e -> e.getValue() - from.getOrDefault(e.getKey(), 0L)).sum();
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "# threads' CPU %s: %d ms;", what, total));
        to.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - from.getOrDefault(e.getKey(), 0L)))
                .filter(e -> e.getValue() > 0)
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .limit(top)
                .forEach(e -> line.append(String.format(Locale.ROOT, " %s %d,", e.getKey().strip(), e.getValue())));
        out.println(line.substring(0, line.length() - 1));
    }
}
