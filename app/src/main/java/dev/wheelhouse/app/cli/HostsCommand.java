package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostReport;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse hosts --env NAME`: each host of an environment, probed in parallel over SSH:
 * reachable or not (and why), the host key check, and current metrics from two samples.
 */
@Command(name = "hosts", mixinStandardHelpOptions = true,
        description = {
            "Reachability, host key and current metrics of each host of an environment.",
            "Hosts are resolved through your ssh config; keys come from ssh-agent, then key files.",
            "Unknown host keys are refused unless --accept-new-host-key; changed keys are always refused."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:every host reachable", "1:some host not reachable (printed per host)", "2:bad input"})
final class HostsCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", required = true, paramLabel = "NAME", description = "The environment whose hosts to probe.")
    String envName;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "table or json (default: ${DEFAULT-VALUE}).")
    ListFormat format;

    @Option(names = "--accept-new-host-key",
            description = "Trust and record host keys seen for the first time (like OpenSSH's accept-new); changed keys are still refused.")
    boolean acceptNewHostKey;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "20",
            description = "Give up on a host after this long (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Environment env = global.environment(envName);

        SshSettings settings = SshSettings.of(global.sshConfigFile(), global.dataDir().resolve("known_hosts"))
                .withHostKeyDecision(acceptNewHostKey ? HostKeyDecision.ACCEPT_NEW : HostKeyDecision.REFUSE);
        List<HostReport> reports = new ArrayList<>();
        try (SshjHostGateway gateway = new SshjHostGateway(settings);
                ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            // Every host at once, each with its own timeout: a dead host costs its timeout, not everyone's.
            List<Future<HostReport>> futures = new ArrayList<>();
            for (HostRef host : env.hosts()) {
                futures.add(pool.submit(() -> gateway.probe(host, Duration.ofSeconds(timeoutSeconds))));
            }
            for (Future<HostReport> future : futures) {
                reports.add(future.get());
            }
        }

        if (format == ListFormat.json) {
            Map<String, Object> doc = new LinkedHashMap<>();
            doc.put("environment", env.name());
            doc.put("tier", env.tier().id());
            doc.put("hosts", reports.stream().map(HostsCommand::asJson).toList());
            out.println(Json.write(doc));
        } else {
            if (reports.isEmpty()) {
                out.println("environment " + env.name() + " has no hosts");
            } else {
                TextTable table = new TextTable("HOST", "TARGET", "STATUS", "HOST KEY", "CPU", "MEMORY", "LOAD", "DISK", "NETWORK", "UPTIME");
                for (HostReport r : reports) {
                    HostMetricsSample s = r.sample();
                    table.row(r.alias(), r.target(), r.reachable() ? "up" : "DOWN", r.hostKey().label(),
                            s == null ? null : percent(s.cpuPercent()),
                            s == null || s.memory() == null ? null : memory(s.memory()),
                            s == null || s.load() == null ? null : String.format(Locale.ROOT, "%.2f %.2f %.2f", s.load().one(), s.load().five(), s.load().fifteen()),
                            s == null ? null : disk(s),
                            s == null ? null : network(s),
                            s == null || s.uptime() == null ? null : uptime(s.uptime()));
                }
                table.print(out);
            }
        }
        out.flush();
        boolean allUp = true;
        for (HostReport r : reports) {
            if (!r.reachable()) {
                allUp = false;
                String hint = r.hostKey() == HostKeyStatus.UNKNOWN_REFUSED
                        ? " (check the fingerprint, then run again with --accept-new-host-key to trust it)" : "";
                err.println("wheelhouse hosts: " + named(r) + hint);
            } else if (r.error() != null) {
                err.println("wheelhouse hosts: " + named(r));
            }
        }
        err.flush();
        return allUp ? ExitCodes.DONE : ExitCodes.FAILED;
    }

    /** The error, led by the host's alias unless it already names it first. */
    private static String named(HostReport r) {
        return r.error().startsWith(r.alias()) ? r.error() : r.alias() + ": " + r.error();
    }

    private static Map<String, Object> asJson(HostReport r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("alias", r.alias());
        m.put("target", r.target());
        m.put("reachable", r.reachable());
        m.put("hostKey", r.hostKey().name().toLowerCase(Locale.ROOT));
        m.put("hostKeyFingerprint", r.hostKeyFingerprint());
        m.put("error", r.error());
        m.put("tookMillis", r.took().toMillis());
        HostMetricsSample s = r.sample();
        if (s != null) {
            Map<String, Object> metrics = new LinkedHashMap<>();
            metrics.put("at", s.at().toString());
            metrics.put("uptimeSeconds", s.uptime() == null ? null : s.uptime().toSeconds());
            metrics.put("cpus", s.cpus());
            metrics.put("cpuPercent", s.cpuPercent());
            if (s.memory() != null) {
                metrics.put("memory", Map.of("totalBytes", s.memory().totalBytes(), "usedBytes", s.memory().usedBytes(),
                        "availableBytes", s.memory().availableBytes(), "swapTotalBytes", s.memory().swapTotalBytes(),
                        "swapFreeBytes", s.memory().swapFreeBytes()));
            }
            if (s.load() != null) {
                metrics.put("load", List.of(s.load().one(), s.load().five(), s.load().fifteen()));
            }
            metrics.put("filesystems", s.filesystems().stream().map(fs -> {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("filesystem", fs.filesystem());
                f.put("mountPoint", fs.mountPoint());
                f.put("sizeBytes", fs.sizeBytes());
                f.put("usedBytes", fs.usedBytes());
                f.put("availableBytes", fs.availableBytes());
                f.put("inodes", fs.inodes());
                f.put("inodesUsed", fs.inodesUsed());
                return f;
            }).toList());
            metrics.put("network", s.network().stream().map(n -> {
                Map<String, Object> i = new LinkedHashMap<>();
                i.put("interface", n.iface());
                i.put("rxBytesPerSecond", n.rxBytesPerSecond());
                i.put("txBytesPerSecond", n.txBytesPerSecond());
                i.put("rxBytes", n.rxBytes());
                i.put("txBytes", n.txBytes());
                return i;
            }).toList());
            m.put("metrics", metrics);
        }
        return m;
    }

    private static String percent(Double value) {
        return value == null ? null : String.format(Locale.ROOT, "%.1f%%", value);
    }

    private static String memory(HostMetricsSample.Memory m) {
        return bytes(m.usedBytes()) + "/" + bytes(m.totalBytes()) + " (" + percent(m.usedPercent()) + ")";
    }

    private static String disk(HostMetricsSample s) {
        HostMetricsSample.FilesystemUsage fullest = s.fullestFilesystem();
        return fullest == null ? null : fullest.mountPoint() + " " + percent(fullest.usedPercent());
    }

    /** Traffic over the interfaces other than loopback. */
    private static String network(HostMetricsSample s) {
        double rx = 0;
        double tx = 0;
        boolean any = false;
        for (HostMetricsSample.NetworkRate n : s.network()) {
            if (!n.iface().equals("lo") && n.rxBytesPerSecond() != null) {
                rx += n.rxBytesPerSecond();
                tx += n.txBytesPerSecond();
                any = true;
            }
        }
        return any ? "rx " + bytes(rx) + "/s tx " + bytes(tx) + "/s" : null;
    }

    static String bytes(double value) {
        String[] units = {"B", "KiB", "MiB", "GiB", "TiB"};
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? String.format(Locale.ROOT, "%.0f %s", value, units[unit]) : String.format(Locale.ROOT, "%.1f %s", value, units[unit]);
    }

    static String uptime(Duration d) {
        long days = d.toDays();
        long hours = d.toHoursPart();
        long minutes = d.toMinutesPart();
        return days > 0 ? days + "d " + hours + "h" : hours > 0 ? hours + "h " + minutes + "m" : minutes + "m";
    }
}
