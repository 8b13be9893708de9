package dev.wheelhouse.bench.views;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.management.ObjectName;

/**
 * The benchmark's console part runs in a JVM started with the java options the installed
 * console gets ({@code --java-options} of {@code jpackage/app.args}, which the launcher script
 * repeats, as LauncherIT checks): its memory figures are then the console's as shipped, not
 * those of whatever options the benchmark itself was started with.
 */
final class ConsoleJvm {
    static final String IN_PROCESS = "--in-process";

    private ConsoleJvm() {}

    /** The values of the {@code --java-options} lines of a jpackage argument file, in order. */
    static List<String> javaOptions(Path argsFile) throws IOException {
        List<String> options = new ArrayList<>();
        for (String line : Files.readAllLines(argsFile, StandardCharsets.UTF_8)) {
            String l = line.strip();
            if (l.startsWith("--java-options ")) {
                String value = l.substring("--java-options ".length()).strip();
                if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                    value = value.substring(1, value.length() - 1);
                }
                options.add(value);
            }
        }
        if (options.isEmpty()) {
            throw new IOException(argsFile + " has no --java-options lines: not the app's jpackage arguments");
        }
        return options;
    }

    /** Runs this benchmark again in a JVM with those options (its output is ours); returns its exit code. */
    static int relaunch(Path argsFile, String mainClass, String[] args) throws IOException, InterruptedException {
        return relaunch(argsFile, List.of(), mainClass, args);
    }

    /** As {@link #relaunch(Path, String, String[])}, with more JVM options after the app's. */
    static int relaunch(Path argsFile, List<String> moreOptions, String mainClass, String[] args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(javaOptions(argsFile));
        command.addAll(moreOptions);
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(mainClass);
        command.addAll(List.of(args));
        command.add(IN_PROCESS);
        Process p = new ProcessBuilder(command).inheritIO().start();
        Thread hook = Thread.ofPlatform().unstarted(() -> {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
        });
        Runtime.getRuntime().addShutdownHook(hook);
        int code = p.waitFor();
        Runtime.getRuntime().removeShutdownHook(hook);
        return code;
    }

    /** The options this JVM was started with (for the report). */
    static List<String> ownOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments();
    }

    /** The first lines of the live heap's class histogram (a full GC first), for where the heap goes. */
    static List<String> heapHistogram(int classes) {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcClassHistogram",
                    new Object[] {new String[0]}, new String[] {String[].class.getName()});
            List<String> lines = String.valueOf(out).lines().toList();
            List<String> top = new ArrayList<>(lines.subList(0, Math.min(lines.size(), classes + 3)));
            top.add(lines.getLast());
            return top;
        } catch (Exception e) {
            return List.of("(no class histogram: " + e + ")");
        }
    }

    /** Native Memory Tracking's summary when the JVM runs with it ({@code -XX:NativeMemoryTracking=summary}), else "". */
    static String nativeMemorySummary() {
        try {
            Object out = ManagementFactory.getPlatformMBeanServer().invoke(
                    new ObjectName("com.sun.management:type=DiagnosticCommand"), "vmNativeMemory",
                    new Object[] {new String[] {"summary"}}, new String[] {String[].class.getName()});
            String text = String.valueOf(out);
            return text.contains("not enabled") ? "" : text;
        } catch (Exception e) {
            return "";
        }
    }
}
