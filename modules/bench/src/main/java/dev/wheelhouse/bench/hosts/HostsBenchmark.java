package dev.wheelhouse.bench.hosts;

import com.sun.management.OperatingSystemMXBean;
import dev.wheelhouse.bench.Results;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.ssh.Backoff;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Hosts benchmark (issue 6): N hosts, each a port of a real OpenSSH server on 127.0.0.1, sampled
 * through {@link SshjHostGateway} (one persistent connection and one metrics stream per host)
 * every interval for a window; beside it, in the same run, the cost of one OpenSSH
 * {@code ssh -F CONFIG HOST cat /proc/stat /proc/meminfo} per sample (a fresh process each time).
 *
 * <p>What is measured, and how:
 * <ul>
 *   <li><b>Wheelhouse CPU</b>: this JVM's process CPU time ({@code OperatingSystemMXBean
 *       .getProcessCpuTime}, every thread: SSHJ, parsing, GC, JIT) over the sampling window,
 *       as % of one core and divided by the samples received in the window. Connection set-up
 *       and a warm-up before the window are not counted; the sshd side is not counted either
 *       (nor is it for OpenSSH).</li>
 *   <li><b>Sample latency</b>: from the moment the remote loop read {@code /proc/uptime} (the
 *       sample's own timestamp, carried in the stream) to the delivery of the parsed sample to
 *       the listener. Servers run on this machine, so the remote clock is this machine's boot
 *       clock, calibrated against {@code System.nanoTime()} at start. It includes the rest of
 *       the remote loop after that read ({@code /proc/net/dev}, {@code df -P -k}, {@code df -P -i}),
 *       the SSH transport and the parsing.</li>
 *   <li><b>Samples</b>: received in the window vs expected, hosts × window ÷ interval. The remote
 *       loop sleeps the interval <i>after</i> each sample, so its period is the interval plus the
 *       loop's own run time: a few % fewer than "expected" is the loop's drift, not loss. The
 *       excess of the gap between consecutive samples of a host over the interval is printed too.</li>
 *   <li><b>OpenSSH</b>: {@code ssh -F CONFIG -o BatchMode=yes ALIAS cat /proc/stat /proc/meminfo},
 *       run one after another after the window (sessions closed), cycling over the aliases: wall
 *       time from spawn to exit, and CPU as the increase of this JVM's children time
 *       ({@code cutime + cstime} in {@code /proc/self/stat}, of reaped children) over all runs.</li>
 * </ul>
 *
 * <p>Usage, from the repository root (docs/BENCHMARKS.md):
 * <pre>
 * java -cp "modules/bench/target/classes:$(cat modules/bench/target/classpath.txt)" \
 *     dev.wheelhouse.bench.hosts.HostsBenchmark [--hosts 50] [--seconds 60] [--interval-ms 2000] \
 *     [--warmup-seconds 6] [--sshd 5] [--ssh-runs 50] [--keep]
 * </pre>
 * Runs as root (sshd needs it); needs /usr/sbin/sshd, ssh, ssh-keygen.
 */
public final class HostsBenchmark {
    static final String SCENARIO = "hosts";

    private final PrintStream out = System.out;
    private final int hosts;
    private final int seconds;
    private final long intervalMs;
    private final int warmupSeconds;
    private final int sshdCount;
    private final int sshRuns;
    private final boolean keep;
    private final Path work;
    private final List<LoopbackSshd> servers = new ArrayList<>();

    private HostsBenchmark(Map<String, String> options) throws IOException {
        hosts = Integer.parseInt(options.getOrDefault("hosts", "50"));
        seconds = Integer.parseInt(options.getOrDefault("seconds", "60"));
        intervalMs = Long.parseLong(options.getOrDefault("interval-ms", "2000"));
        warmupSeconds = Integer.parseInt(options.getOrDefault("warmup-seconds", "6"));
        sshdCount = Math.max(1, Math.min(hosts, Integer.parseInt(options.getOrDefault("sshd", "5"))));
        sshRuns = Integer.parseInt(options.getOrDefault("ssh-runs", "50"));
        keep = options.containsKey("keep");
        if (intervalMs < 1000 || intervalMs % 1000 != 0) {
            // The remote loop sleeps whole seconds (MetricsSpec).
            throw new IllegalArgumentException("--interval-ms must be a whole number of seconds, at least 1000");
        }
        work = Files.createTempDirectory("wheelhouse-hosts-bench");
    }

    public static void main(String[] args) throws Exception {
        Locale.setDefault(Locale.ROOT);
        HostsBenchmark bench = new HostsBenchmark(options(args));
        // The console's own logback.xml (from the app jar) writes to a file: keep it in our temp dir.
        System.setProperty("wheelhouse.log.dir", bench.work.resolve("logs").toString());
        Thread hook = new Thread(bench::stopServers, "hosts-bench-cleanup");
        Runtime.getRuntime().addShutdownHook(hook);
        int exit = 1;
        try {
            bench.run();
            exit = 0;
        } catch (IOException | IllegalStateException e) {
            System.err.println("hosts benchmark: " + e.getMessage());
        } finally {
            bench.stopServers();
            bench.deleteWork();
        }
        System.exit(exit);
    }

    static Map<String, String> options(String[] args) {
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if (!a.startsWith("--")) {
                throw new IllegalArgumentException("unexpected argument " + a);
            }
            String key = a.substring(2);
            int eq = key.indexOf('=');
            if (eq >= 0) {
                options.put(key.substring(0, eq), key.substring(eq + 1));
            } else if (key.equals("keep")) {
                options.put(key, "true");
            } else if (i + 1 < args.length) {
                options.put(key, args[++i]);
            } else {
                throw new IllegalArgumentException("--" + key + " needs a value");
            }
        }
        return options;
    }

    private void run() throws Exception {
        header();
        Path home = work.resolve("home");
        Path ssh = home.resolve(".ssh");
        Files.createDirectories(ssh);
        Path identity = ssh.resolve("id_ed25519");
        Tools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wheelhouse-bench-client", "-f", identity.toString());
        Path authorizedKeys = work.resolve("authorized_keys");
        Files.copy(ssh.resolve("id_ed25519.pub"), authorizedKeys);

        // N hosts as N ports, spread over a few sshd processes (each with its own host key).
        List<Integer> ports = new ArrayList<>();
        List<String> knownHosts = new ArrayList<>();
        for (int s = 0; s < sshdCount; s++) {
            int count = hosts / sshdCount + (s < hosts % sshdCount ? 1 : 0);
            LoopbackSshd server = LoopbackSshd.start(work.resolve("sshd-" + s), authorizedKeys, count);
            servers.add(server);
            for (int port : server.ports()) {
                ports.add(port);
                knownHosts.add("[127.0.0.1]:" + port + " " + server.hostKeyTypeAndBlob());
            }
        }
        Path knownHostsFile = ssh.resolve("known_hosts");
        Files.write(knownHostsFile, knownHosts, StandardCharsets.UTF_8);
        StringBuilder config = new StringBuilder();
        List<String> aliases = new ArrayList<>();
        for (int i = 0; i < hosts; i++) {
            String alias = String.format(Locale.ROOT, "bench-host-%02d", i + 1);
            aliases.add(alias);
            config.append("Host ").append(alias).append('\n')
                    .append("  HostName 127.0.0.1\n")
                    .append("  Port ").append(ports.get(i)).append('\n');
        }
        config.append("Host *\n")
                .append("  User root\n")
                .append("  IdentityFile ").append(identity).append('\n')
                .append("  IdentitiesOnly yes\n")
                .append("  UserKnownHostsFile ").append(knownHostsFile).append('\n')
                .append("  GlobalKnownHostsFile /dev/null\n")
                .append("  StrictHostKeyChecking yes\n")
                .append("  BatchMode yes\n");
        Path configFile = ssh.resolve("config");
        Files.writeString(configFile, config.toString(), StandardCharsets.UTF_8);
        out.printf("# %d hosts on %d sshd processes (%s), config %s%n", hosts, servers.size(),
                servers.stream().map(s -> s.ports().size() + " ports").toList(), configFile);

        wheelhouse(home, configFile, aliases);
        openssh(configFile, aliases);
        out.printf("# load average at the end: %s%n", loadAverage());
    }

    private final ConcurrentLinkedQueue<long[]> deliveries = new ConcurrentLinkedQueue<>();
    private double wheelhouseCpuPerSampleMs;

    private void wheelhouse(Path home, Path configFile, List<String> aliases) throws Exception {
        long bootOffsetNanos = BootClock.calibrate(); // boot-clock nanos = nanoTime + offset
        SshSettings settings = SshSettings.of(configFile, work.resolve("data").resolve("known_hosts"))
                .withHome(home)
                .withAgentSocket(null)
                .withHostKeyDecision(HostKeyDecision.REFUSE)
                .withTimeouts(Duration.ofSeconds(30), Duration.ofSeconds(15))
                .withBackoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5), 0.2));
        OperatingSystemMXBean os = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        try (SshjHostGateway gateway = new SshjHostGateway(settings)) {
            long connectStart = System.nanoTime();
            List<HostSession> sessions = new ArrayList<>();
            for (String alias : aliases) {
                sessions.add(gateway.session(HostRef.of(alias)));
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (!sessions.stream().allMatch(s -> s.state().isUp())) {
                if (System.nanoTime() > deadline) {
                    List<String> notUp = sessions.stream().filter(s -> !s.state().isUp())
                            .map(s -> s.alias() + ": " + s.state().phase() + " " + s.state().lastError()).toList();
                    throw new IllegalStateException("not all hosts up within 120 s: " + notUp);
                }
                Thread.sleep(20);
            }
            double connectMs = (System.nanoTime() - connectStart) / 1e6;
            out.printf("# all %d sessions up after %.0f ms%n", sessions.size(), connectMs);

            for (int i = 0; i < sessions.size(); i++) {
                int host = i;
                sessions.get(i).onSample(sample -> onSample(host, sample, bootOffsetNanos));
            }
            MetricsSpec spec = new MetricsSpec(Duration.ofMillis(intervalMs), null);
            for (HostSession session : sessions) {
                session.startMetrics(spec);
            }
            Thread.sleep(TimeUnit.SECONDS.toMillis(warmupSeconds));

            long windowStart = System.nanoTime();
            long cpuStart = os.getProcessCpuTime();
            Thread.sleep(TimeUnit.SECONDS.toMillis(seconds));
            long cpuEnd = os.getProcessCpuTime();
            long windowEnd = System.nanoTime();
            List<long[]> all = new ArrayList<>(deliveries);
            for (HostSession session : sessions) {
                session.stopMetrics();
            }
            long down = sessions.stream().filter(s -> s.state().phase() != ConnectionState.Phase.UP).count();

            // Samples delivered within the window.
            List<long[]> inWindow = all.stream().filter(d -> d[1] >= windowStart && d[1] < windowEnd).toList();
            long expected = (long) hosts * (seconds * 1000L / intervalMs);
            double windowSeconds = (windowEnd - windowStart) / 1e9;
            double cpuMs = (cpuEnd - cpuStart) / 1e6;
            double cpuPercent = 100.0 * cpuMs / (windowSeconds * 1000);
            wheelhouseCpuPerSampleMs = inWindow.isEmpty() ? Double.NaN : cpuMs / inWindow.size();
            List<Double> latencies = inWindow.stream().filter(d -> d[2] >= 0).map(d -> d[2] / 1e6).sorted().toList();
            List<Double> gapExcess = gapExcess(inWindow, all);

            out.printf("# window %.1f s, process CPU %.0f ms, %d sessions not UP at the end%n", windowSeconds, cpuMs, down);
            print("connect_all", fixed(connectMs, 0), "ms");
            print("cpu_percent_of_one_core", fixed(cpuPercent, 2), "%");
            print("wheelhouse_cpu_per_sample", fixed(wheelhouseCpuPerSampleMs, 3), "ms");
            print("samples_received", Integer.toString(inWindow.size()), "count");
            print("samples_expected", Long.toString(expected), "count");
            if (!latencies.isEmpty()) {
                print("sample_latency_p50", fixed(percentile(latencies, 50), 1), "ms");
                print("sample_latency_p99", fixed(percentile(latencies, 99), 1), "ms");
                print("sample_latency_max", fixed(latencies.getLast(), 1), "ms");
            }
            if (!gapExcess.isEmpty()) {
                print("sample_gap_excess_p50", fixed(percentile(gapExcess, 50), 1), "ms");
                print("sample_gap_excess_p99", fixed(percentile(gapExcess, 99), 1), "ms");
            }
        }
    }

    /** Listener work kept small: one array per sample. [host, delivered nanoTime, latency nanos or -1]. */
    private void onSample(int host, HostMetricsSample sample, long bootOffsetNanos) {
        long now = System.nanoTime();
        long latency = -1;
        if (sample.uptime() != null) {
            latency = now + bootOffsetNanos - sample.uptime().toNanos();
        }
        deliveries.add(new long[] {host, now, latency});
    }

    /** For each sample in the window, its gap to the same host's previous sample, minus the interval. */
    private List<Double> gapExcess(List<long[]> inWindow, List<long[]> all) {
        Map<Long, List<long[]>> byHost = new LinkedHashMap<>();
        for (long[] d : all) {
            byHost.computeIfAbsent(d[0], k -> new ArrayList<>()).add(d);
        }
        List<Double> result = new ArrayList<>();
        java.util.Set<long[]> window = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
        window.addAll(inWindow);
        for (List<long[]> list : byHost.values()) {
            list.sort(Comparator.comparingLong(d -> d[1]));
            for (int i = 1; i < list.size(); i++) {
                if (window.contains(list.get(i))) {
                    result.add((list.get(i)[1] - list.get(i - 1)[1]) / 1e6 - intervalMs);
                }
            }
        }
        result.sort(null);
        return result;
    }

    private void openssh(Path configFile, List<String> aliases) throws Exception {
        Path stderr = work.resolve("ssh-stderr.txt");
        // One warm-up run (page cache, sshd's first fork), not counted.
        sshOnce(configFile, aliases.getFirst(), stderr);
        long ticksBefore = ChildrenCpu.ticks();
        long wallNanos = 0;
        long bytes = 0;
        for (int i = 0; i < sshRuns; i++) {
            long start = System.nanoTime();
            bytes += sshOnce(configFile, aliases.get(i % aliases.size()), stderr);
            wallNanos += System.nanoTime() - start;
        }
        long ticksAfter = ChildrenCpu.ticks();
        double cpuPerRunMs = (ticksAfter - ticksBefore) * ChildrenCpu.MILLIS_PER_TICK / sshRuns;
        double wallPerRunMs = wallNanos / 1e6 / sshRuns;
        out.printf("# %d ssh runs, %d bytes of output each on average, children CPU %d ticks of %.0f ms%n",
                sshRuns, bytes / Math.max(1, sshRuns), ticksAfter - ticksBefore, ChildrenCpu.MILLIS_PER_TICK);
        print("openssh_runs", Integer.toString(sshRuns), "count");
        print("openssh_cpu_per_sample", fixed(cpuPerRunMs, 2), "ms");
        print("openssh_wall_per_sample", fixed(wallPerRunMs, 1), "ms");
        print("cost_ratio", fixed(cpuPerRunMs / wheelhouseCpuPerSampleMs, 1), "x");
    }

    /** One fresh {@code ssh HOST cat /proc/stat /proc/meminfo}; returns the bytes it printed. */
    private long sshOnce(Path configFile, String alias, Path stderr) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("ssh", "-F", configFile.toString(), "-o", "BatchMode=yes", alias,
                "cat", "/proc/stat", "/proc/meminfo")
                .redirectError(ProcessBuilder.Redirect.appendTo(stderr.toFile()))
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                .start();
        long n;
        try (InputStream in = p.getInputStream()) {
            n = in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IllegalStateException("ssh " + alias + " did not finish within 60 s");
        }
        if (p.exitValue() != 0 || n == 0) {
            throw new IllegalStateException("ssh " + alias + " exited with " + p.exitValue() + " after " + n + " bytes: "
                    + Files.readString(stderr));
        }
        return n;
    }

    static double percentile(List<Double> sorted, double p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.size()); // nearest rank
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    private void print(String metric, String value, String unit) {
        Results.print(out, SCENARIO, metric, value, unit);
    }

    private static String fixed(double value, int decimals) {
        return String.format(Locale.ROOT, "%." + decimals + "f", value);
    }

    private void header() {
        out.printf("# hosts benchmark %s, %d CPUs, load average %s, java %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
        out.printf("# hosts %d, window %d s after %d s warm-up, interval %d ms, sshd processes %d, ssh runs %d%n",
                hosts, seconds, warmupSeconds, intervalMs, sshdCount, sshRuns);
    }

    private static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    private synchronized void stopServers() {
        for (LoopbackSshd server : servers) {
            server.close();
        }
    }

    private void deleteWork() {
        if (keep) {
            System.err.println("kept " + work);
            return;
        }
        try (Stream<Path> paths = Files.walk(work)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + work + ": " + e.getMessage());
        }
    }

    /** The boot clock (/proc/uptime, what the remote loop reads) against System.nanoTime(). */
    static final class BootClock {
        private BootClock() {}

        /** Nanos to add to System.nanoTime() to get the boot clock; taken at a tick of /proc/uptime (10 ms). */
        static long calibrate() throws IOException {
            long best = Long.MIN_VALUE;
            for (int round = 0; round < 3; round++) {
                String first = uptimeText();
                String now;
                long at;
                do {
                    now = uptimeText();
                    at = System.nanoTime();
                } while (now.equals(first));
                long uptimeNanos = Math.round(Double.parseDouble(now) * 1e9);
                // Seen at or just after the tick: the later we saw it, the smaller the offset; keep the largest.
                best = Math.max(best, uptimeNanos - at);
            }
            return best;
        }

        private static String uptimeText() throws IOException {
            return Files.readString(Path.of("/proc/uptime")).split("\\s+")[0];
        }
    }

    /** CPU time of this process's reaped children, from /proc/self/stat (cutime + cstime). */
    static final class ChildrenCpu {
        static final double MILLIS_PER_TICK = 10.0; // USER_HZ is 100 on Linux

        private ChildrenCpu() {}

        static long ticks() throws IOException {
            String stat = Files.readString(Path.of("/proc/self/stat"));
            // Fields after the command name (which may hold spaces) start at field 3.
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split("\\s+");
            return Long.parseLong(f[16 - 3]) + Long.parseLong(f[17 - 3]);
        }
    }
}
