package dev.wheelhouse.bench.rollback;

import dev.wheelhouse.bench.Results;
import dev.wheelhouse.bench.views.SandboxProcess;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Rollback benchmark (issue 5): on the practice sandbox (its own process, the distribution's
 * {@code wheelhouse sandbox}), a headless {@code wheelhouse rollback --yes} from the command's
 * start (the confirmation) to its exit after verify, beside {@code kubectl rollout undo} followed
 * by {@code kubectl rollout status} on the same Deployment, alternating in the same run. Both roll
 * the same Deployment back to its previous revision, so each run of either does the same rollout
 * (the sandbox's controllers at their default pace); the difference is what Wheelhouse adds:
 * its JVM's start, the workspace and history, the preflight reads, the lock, the journal writes,
 * the poll of the watch, verify and record.
 *
 * <p>Also printed: the journaled duration of each Wheelhouse operation (its first to last
 * history record, i.e. without the JVM's start and the history's opening) and the start of the
 * same launcher doing nothing ({@code wheelhouse --version}).
 */
public final class RollbackBenchmark {
    private static final String SCENARIO = "rollback";

    private RollbackBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = 5;
        Path wheelhouse = Path.of("app/target/wheelhouse/bin/wheelhouse");
        String env = "sandbox-staging";
        String app = "storefront";
        boolean keep = false;
        for (int i = 0; i < args.length; i++) {
            String v = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runs" -> { runs = Integer.parseInt(v); i++; }
                case "--wheelhouse" -> { wheelhouse = Path.of(v); i++; }
                case "--env" -> { env = v; i++; }
                case "--app" -> { app = v; i++; }
                case "--keep" -> keep = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]
                        + " (known: --runs N, --wheelhouse PATH, --env NAME, --app NAME, --keep)");
            }
        }
        PrintStream out = System.out;
        Path dir = Files.createTempDirectory("wheelhouse-rollback-bench");
        Path kubeconfig = dir.resolve("kubeconfig");
        Path data = Files.createDirectories(dir.resolve("console"));
        SandboxProcess sandbox = SandboxProcess.start(wheelhouse, dir, kubeconfig, 0, 0, 0, 0, out);
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::kill));
        try {
            String ns = "shop-" + env.substring(env.indexOf('-') + 1);
            List<String> console = List.of(wheelhouse.toAbsolutePath().toString(), "rollback", "--data-dir", data.toString(),
                    "--kubeconfig", kubeconfig.toString(), "--workspace", SandboxProcess.workspace(dir).toString(),
                    "--env", env, "--app", app, "--yes", "--reason", "benchmark", "--timeout", "600");
            List<String> undo = List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", ns, "rollout", "undo",
                    "deployment/" + app);
            List<String> status = List.of("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", ns, "rollout", "status",
                    "deployment/" + app, "--timeout=600s");
            out.printf(Locale.ROOT, "# %d runs each, alternating; deployment/%s in %s (%s)%n", runs, app, ns, env);

            List<Double> launcher = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                launcher.add(run(List.of(wheelhouse.toAbsolutePath().toString(), "--version"), dir, "version"));
            }
            List<Double> wheelhouseMs = new ArrayList<>();
            List<Double> kubectlMs = new ArrayList<>();
            for (int i = 0; i < runs; i++) {
                double w = run(console, dir, "wheelhouse-" + i);
                wheelhouseMs.add(w);
                Thread.sleep(1000);
                double k = run(undo, dir, "undo-" + i) ;
                k += run(status, dir, "status-" + i);
                kubectlMs.add(k);
                out.printf(Locale.ROOT, "# run %d: wheelhouse rollback %.0f ms, kubectl rollout undo + status %.0f ms%n", i + 1, w, k);
                Thread.sleep(1000);
            }
            List<Double> journaled = journaled(wheelhouse, data, dir);

            double w50 = median(wheelhouseMs);
            double k50 = median(kubectlMs);
            Results.print(out, SCENARIO, "wheelhouse-p50", Results.millis(w50), "ms");
            Results.print(out, SCENARIO, "wheelhouse-max", Results.millis(max(wheelhouseMs)), "ms");
            Results.print(out, SCENARIO, "kubectl-undo-status-p50", Results.millis(k50), "ms");
            Results.print(out, SCENARIO, "kubectl-undo-status-max", Results.millis(max(kubectlMs)), "ms");
            Results.print(out, SCENARIO, "ratio-p50", Results.ratio(w50 / k50), "x");
            Results.print(out, SCENARIO, "added-p50", Results.millis(w50 - k50), "ms");
            Results.print(out, SCENARIO, "journaled-p50", Results.millis(median(journaled)), "ms");
            Results.print(out, SCENARIO, "launcher-version-p50", Results.millis(median(launcher)), "ms");
        } finally {
            sandbox.kill();
            if (!keep) {
                delete(dir);
            } else {
                out.println("# kept " + dir);
            }
        }
    }

    /** Wall time of one process from spawn to exit; a non-zero exit stops the benchmark with its output. */
    private static double run(List<String> command, Path dir, String name) throws IOException, InterruptedException {
        Path log = dir.resolve(name + ".log");
        long t = System.nanoTime();
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!p.waitFor(15, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new IOException(String.join(" ", command) + " did not end within 15 minutes");
        }
        double ms = (System.nanoTime() - t) / 1e6;
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " exited " + p.exitValue() + ":\n"
                    + Files.readString(log, StandardCharsets.UTF_8));
        }
        return ms;
    }

    /** Each journaled operation's first to last record (the history's started and finished), in ms. */
    private static List<Double> journaled(Path wheelhouse, Path data, Path dir) throws IOException, InterruptedException {
        Path log = dir.resolve("history.json");
        Process p = new ProcessBuilder(wheelhouse.toAbsolutePath().toString(), "history", "--data-dir", data.toString(),
                "--format", "json", "--limit", "1000").redirectOutput(log.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.waitFor(2, TimeUnit.MINUTES);
        List<Double> out = new ArrayList<>();
        for (var op : new com.fasterxml.jackson.databind.ObjectMapper().readTree(log.toFile())) {
            if (op.path("kind").asText().equals("rollback") && op.path("outcome").asText().equals("succeeded")) {
                out.add(Duration.between(Instant.parse(op.get("started").asText()), Instant.parse(op.get("finished").asText()))
                        .toNanos() / 1e6);
            }
        }
        return out;
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static double max(List<Double> values) {
        return values.stream().max(Comparator.naturalOrder()).orElse(0.0);
    }

    private static void delete(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }
}
