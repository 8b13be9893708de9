package dev.wheelhouse.bench.startup;

import dev.wheelhouse.app.StartupProbe;
import dev.wheelhouse.bench.Results;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Startup benchmark: time from process start to the first frame on screen, for the installed
 * console (jpackage launcher) with and without its AOT cache, beside a minimal one-window JavaFX
 * program started on the same runtime with the same class path and java options, with and
 * without an AOT cache of its own. The scenarios take turns in a shuffled order each round so
 * that a busy machine slows them alike; the first round is a discarded warm-up. Prints
 * {@code RESULT startup ...} (milliseconds, medians and ratios) and {@code RESULT installer ...}
 * (sizes of the image, the runtime, the AOT cache and the .deb).
 *
 * <p>The time is measured here: from just before the process is spawned to the first-frame
 * instant the process reports through {@code StartupProbe} (so it includes fork/exec, the
 * launcher and the JVM's own start). Needs a display: under Xvfb, {@code xvfb-run -a -s
 * "-screen 0 1280x1024x24"}. Usage, from the repository root (docs/BENCHMARKS.md):
 * <pre>
 * java -cp modules/bench/target/classes dev.wheelhouse.bench.startup.StartupBenchmark \
 *     [--installed=/opt/wheelhouse] [--runs=9] [--warmup=1] [--deb=FILE] [--app-image=DIR]
 * </pre>
 * Only the bench's own classes are needed on the class path: the JavaFX code runs in the
 * child processes, on the installed app's jars.
 */
public final class StartupBenchmark {
    static final String SCENARIO = "startup";
    static final long GOAL_MS = 1300;
    static final double GOAL_RATIO = 1.5;

    private final Map<String, String> options;
    private final PrintStream out = System.out;
    private final Path work;
    private final Path installed;
    private final LauncherConfig config;
    private final Path launcher;
    private final Path java;
    private final int timeoutSeconds;
    private Path minimalJar;

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT); // decimal points, not commas, in every figure printed
        int exit;
        StartupBenchmark bench = null;
        try {
            bench = new StartupBenchmark(options(args));
            exit = bench.run();
        } catch (BenchFailure e) {
            System.err.println("startup benchmark: " + e.getMessage());
            exit = 1;
        } finally {
            if (bench != null) {
                bench.deleteWork();
            }
        }
        System.exit(exit);
    }

    StartupBenchmark(Map<String, String> options) throws IOException {
        this.options = options;
        installed = Path.of(options.getOrDefault("installed", "/opt/wheelhouse")).toAbsolutePath();
        String name = options.getOrDefault("launcher", "wheelhouse");
        launcher = installed.resolve("bin").resolve(name);
        Path cfg = installed.resolve("lib/app").resolve(name + ".cfg");
        java = installed.resolve("lib/runtime/bin/java");
        for (Path p : List.of(launcher, cfg, java)) {
            if (!Files.exists(p)) {
                throw new BenchFailure(p + " is missing: build and install the package first "
                        + "(./mvnw -Pinstaller -DskipTests package && apt-get install ./app/target/installer/wheelhouse_*.deb)");
            }
        }
        config = LauncherConfig.read(cfg);
        timeoutSeconds = Integer.parseInt(options.getOrDefault("timeout-s", "90"));
        work = Files.createTempDirectory("wheelhouse-startup-bench");
    }

    int run() throws IOException, InterruptedException {
        if (blank(System.getenv("DISPLAY")) && blank(System.getenv("WAYLAND_DISPLAY"))) {
            throw new BenchFailure("no display: run me under xvfb-run -a -s \"-screen 0 1280x1024x24\" (or on a desktop)");
        }
        int runs = Integer.parseInt(options.getOrDefault("runs", "9"));
        int warmups = Integer.parseInt(options.getOrDefault("warmup", "1"));
        header(runs, warmups);

        Path data = Files.createDirectories(work.resolve("data"));
        Path sample = Path.of(options.getOrDefault("workspace", "resources/sample-workspace.yaml"));
        if (Files.isRegularFile(sample)) {
            Files.copy(sample, data.resolve("workspace.yaml"));
        } else {
            out.println("# no " + sample + ": the app starts with an empty workspace");
        }
        Path kubeconfig = Files.writeString(work.resolve("kubeconfig"), "");
        Path sshConfig = Files.writeString(work.resolve("ssh_config"), "");
        List<String> appArgs = List.of("--data-dir", data.toString(), "--kubeconfig", kubeconfig.toString(),
                "--ssh-config", sshConfig.toString());

        if (!config.hasAotCache()) {
            throw new BenchFailure(installed + " was packaged without an AOT cache (-Dinstaller.aot=false): nothing to compare");
        }
        checkAppUsesCache();
        minimalJar = MinimalJar.write(work.resolve("minimal.jar"));
        Path minimalCache = work.resolve("minimal.aot");
        trainMinimal(minimalCache);

        Map<String, Launch> scenarios = new LinkedHashMap<>();
        scenarios.put("app_aot", new Launch(command(launcher.toString(), appArgs), ""));
        scenarios.put("app_noaot", new Launch(command(launcher.toString(), appArgs), "-XX:AOTMode=off"));
        scenarios.put("minimal", new Launch(minimalCommand(List.of()), ""));
        scenarios.put("minimal_aot", new Launch(minimalCommand(List.of("-XX:AOTCache=" + minimalCache)), ""));

        Map<String, List<Long>> measured = new LinkedHashMap<>();
        Map<String, List<Long>> cpu = new LinkedHashMap<>();
        scenarios.keySet().forEach(k -> measured.put(k, new ArrayList<>()));
        scenarios.keySet().forEach(k -> cpu.put(k, new ArrayList<>()));
        Random shuffle = new Random(25);
        for (int round = 1 - warmups; round <= runs; round++) {
            List<String> order = new ArrayList<>(scenarios.keySet());
            Collections.shuffle(order, shuffle);
            for (String scenario : order) {
                Measurement m = launch(scenario, scenarios.get(scenario));
                out.printf("%-7s %-11s %5d ms   (probe: %5d ms from the OS's process start; CPU used: %5d ms)%n",
                        round <= 0 ? "warm-up" : "run " + round, scenario, m.spawnToFirstFrameMs(), m.probeMs(), m.cpuMs());
                if (round > 0) {
                    measured.get(scenario).add(m.spawnToFirstFrameMs());
                    cpu.get(scenario).add(m.cpuMs());
                }
            }
        }

        out.println();
        Map<String, Stats> stats = new LinkedHashMap<>();
        measured.forEach((k, v) -> stats.put(k, Stats.of(v)));
        stats.forEach((k, s) -> out.printf("# %-11s median %6.0f ms   min %5d   max %5d   (n=%d)   CPU median %6.0f ms%n",
                k, s.median(), s.min(), s.max(), s.count(), Stats.of(cpu.get(k)).median()));
        stats.forEach((k, s) -> Results.print(out, SCENARIO, k + "_first_frame_median", Results.millis(s.median()), "ms"));
        cpu.forEach((k, v) -> Results.print(out, SCENARIO, k + "_cpu_median", Results.millis(Stats.of(v).median()), "ms"));
        double app = stats.get("app_aot").median();
        double vsMinimal = app / stats.get("minimal").median();
        Results.print(out, SCENARIO, "app_aot_vs_minimal", Results.ratio(vsMinimal), "x");
        Results.print(out, SCENARIO, "app_aot_vs_minimal_aot", Results.ratio(app / stats.get("minimal_aot").median()), "x");
        Results.print(out, SCENARIO, "aot_speedup", Results.ratio(stats.get("app_noaot").median() / app), "x");
        sizes();
        out.printf("# goal: first frame within %d ms: %s (%s ms)%n", GOAL_MS, app <= GOAL_MS ? "met" : "MISSED", Results.millis(app));
        out.printf("# goal: within %.1fx the minimal program: %s (%sx)%n", GOAL_RATIO, vsMinimal <= GOAL_RATIO ? "met" : "MISSED", Results.ratio(vsMinimal));
        out.println("# load average at the end: " + loadAverage());
        return 0;
    }

    /** -XX:AOTMode=on refuses to start without a usable cache: the installed launcher really maps it. */
    private void checkAppUsesCache() throws IOException, InterruptedException {
        Path log = work.resolve("aot-check.log");
        int exit = start(command(launcher.toString(), List.of("--version")), "-XX:AOTMode=on", log).waitFor();
        if (exit != 0) {
            throw new BenchFailure("the installed launcher cannot use its AOT cache (-XX:AOTMode=on, exit " + exit + "):\n"
                    + Files.readString(log));
        }
        out.println("# " + launcher + " maps its AOT cache (--version under -XX:AOTMode=on: exit 0)");
    }

    /** The minimal program gets its own cache, trained the way the app's is: one run to the first frame. */
    private void trainMinimal(Path cache) throws IOException, InterruptedException {
        List<String> command = minimalCommand(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error,cds*=error"));
        Measurement m = launch("minimal_aot_training", new Launch(command, ""));
        if (!Files.isRegularFile(cache)) {
            throw new BenchFailure("training the minimal program's AOT cache wrote no " + cache);
        }
        out.printf("# minimal program's AOT cache trained (%s MB, training run %d ms to first frame)%n",
                Results.megabytes(Files.size(cache)), m.spawnToFirstFrameMs());
    }

    private List<String> minimalCommand(List<String> extraOptions) {
        List<String> command = new ArrayList<>();
        command.add(java.toString());
        command.addAll(config.javaOptionsWithoutAotCache());
        command.addAll(extraOptions);
        List<String> classPath = new ArrayList<>();
        classPath.add(minimalJar.toString());
        config.classPath().forEach(p -> classPath.add(p.toString()));
        command.add("-cp");
        command.add(String.join(File.pathSeparator, classPath));
        command.add(MinimalFxProgram.class.getName());
        return command;
    }

    private Measurement launch(String scenario, Launch launch) throws IOException, InterruptedException {
        Path report = work.resolve(scenario + ".first-frame");
        Path log = work.resolve(scenario + ".log");
        Files.deleteIfExists(report);
        long spawned = System.currentTimeMillis();
        Process p = start(launch.command(), probeOptions(report) + " " + launch.jvmOptions(), log);
        if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            throw new BenchFailure(scenario + " showed no first frame within " + timeoutSeconds + " s; its output:\n" + Files.readString(log));
        }
        if (p.exitValue() != 0 || !Files.isRegularFile(report)) {
            throw new BenchFailure(scenario + " exited " + p.exitValue() + (Files.isRegularFile(report) ? "" : " without reporting a first frame")
                    + "; its output:\n" + Files.readString(log));
        }
        FirstFrameReport r = FirstFrameReport.read(report);
        return new Measurement(r.firstFrameEpochMs() - spawned, r.firstFrameMs(), r.cpuMs());
    }

    private Process start(List<String> command, String jvmOptions, Path log) throws IOException {
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // The jpackage launcher passes its arguments to the app: JVM options go through the environment.
        pb.environment().put("JAVA_TOOL_OPTIONS", jvmOptions.strip());
        return pb.start();
    }

    private static String probeOptions(Path report) {
        return "-D" + StartupProbe.REPORT_FILE + "=" + report + " -D" + StartupProbe.EXIT_AFTER_FIRST_FRAME + "=true";
    }

    private void sizes() throws IOException {
        Results.print(out, "installer", "installed_size", Results.megabytes(sizeOf(installed)), "MB");
        Results.print(out, "installer", "runtime_size", Results.megabytes(sizeOf(installed.resolve("lib/runtime"))), "MB");
        Path cache = installed.resolve("lib/app/wheelhouse.aot");
        if (Files.isRegularFile(cache)) {
            Results.print(out, "installer", "aot_cache_size", Results.megabytes(Files.size(cache)), "MB");
        }
        Path image = Path.of(options.getOrDefault("app-image", "app/target/installer/image/wheelhouse"));
        if (Files.isDirectory(image)) {
            Results.print(out, "installer", "app_image_size", Results.megabytes(sizeOf(image)), "MB");
        }
        Path deb = options.containsKey("deb") ? Path.of(options.get("deb")) : newestDeb(Path.of("app/target/installer"));
        if (deb != null && Files.isRegularFile(deb)) {
            out.println("# package: " + deb);
            Results.print(out, "installer", "deb_size", Results.megabytes(Files.size(deb)), "MB");
        } else {
            out.println("# no .deb given (--deb=FILE) or found in app/target/installer: its size is not reported");
        }
    }

    private void header(int runs, int warmups) throws IOException {
        out.println("# Wheelhouse startup benchmark, " + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")));
        out.println("# installed app: " + installed + " (" + runtimeVersion() + ")");
        out.println("# machine: " + Runtime.getRuntime().availableProcessors() + " cores, " + System.getProperty("os.name")
                + " " + System.getProperty("os.arch") + ", display " + System.getenv("DISPLAY"));
        out.println("# load average at the start: " + loadAverage());
        out.println("# " + runs + " runs of each scenario after " + warmups + " warm-up round(s), shuffled order each round");
    }

    private String runtimeVersion() throws IOException {
        Path release = installed.resolve("lib/runtime/release");
        if (!Files.isRegularFile(release)) {
            return "runtime version unknown";
        }
        return Files.readAllLines(release).stream().filter(l -> l.startsWith("JAVA_RUNTIME_VERSION=") || l.startsWith("JAVA_VERSION="))
                .findFirst().map(l -> "Java " + l.substring(l.indexOf('=') + 1).replace("\"", "")).orElse("runtime version unknown");
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static Path newestDeb(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return null;
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".deb")).max((a, b) -> {
                try {
                    return Files.getLastModifiedTime(a).compareTo(Files.getLastModifiedTime(b));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).orElse(null);
        }
    }

    private void deleteWork() {
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException e) {
            System.err.println("startup benchmark: could not delete " + work + ": " + e.getMessage());
        }
    }

    static long sizeOf(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> {
                try {
                    return Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }).sum();
        }
    }


    private static List<String> command(String program, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(program);
        command.addAll(args);
        return command;
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (String arg : args) {
            if (!arg.startsWith("--") || !arg.contains("=")) {
                throw new BenchFailure("options look like --name=value, not '" + arg + "'");
            }
            options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
        }
        return options;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    record Launch(List<String> command, String jvmOptions) {}

    record Measurement(long spawnToFirstFrameMs, long probeMs, long cpuMs) {}

    static final class BenchFailure extends RuntimeException {
        BenchFailure(String message) {
            super(message);
        }
    }
}
