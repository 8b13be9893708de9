package dev.wheelhouse.bench.views;

import dev.wheelhouse.bench.Results;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * What one inventory of the live model costs (issue 4, the overview cards under churn): the
 * practice sandbox in this JVM with 10,000 pods and 1,000 Deployments and its churn, the
 * Kubernetes adapter's live model over it ({@link Fabric8ClusterGateway#watch}), and
 * {@link ClusterSubscription#inventory()} asked for as the window does (every 3 s). Per build:
 * the wall time, the bytes allocated by the calling thread (the build) and by the model's loop
 * thread while it ran (the copy of what the build reads, plus any batch the loop flushed
 * meanwhile). The first build is reported apart: it meets a cold JIT and empty caches.
 *
 * <p>Prints {@code RESULT inventory <metric> <value> <unit>} lines; see docs/BENCHMARKS.md.
 */
public final class InventoryBenchmark {
    private static final List<String> NAMESPACES = List.of("shop-dev", "shop-staging", "shop-prod");
    private static final String SCENARIO = "inventory";

    /** The command line (picocli). */
    static final class Options {
        @Option(names = "--pods") int pods = 10_000;
        @Option(names = "--deployments") int deployments = 1_000;
        @Option(names = "--churn", description = "events per second") double churn = 200;
        @Option(names = "--builds") int builds = 10;
        @Option(names = "--every-ms") long everyMs = 3_000;
    }

    public static void main(String[] args) throws Exception {
        Options o = CommandLine.populateCommand(new Options(), args);
        PrintStream out = System.out;
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        Path dir = Files.createTempDirectory("wheelhouse-inventory-bench");
        try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withScale(o.pods, o.deployments).withChurnPerSecond(o.churn));
                Fabric8ClusterGateway gateway = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")))) {
            Environment env = new Environment("inventory-bench", Tier.DEVELOPMENT, Tier.DEVELOPMENT.defaultColour(), false,
                    List.of(new KubeTarget(Sandbox.CONTEXT, NAMESPACES)), List.of());
            try (ClusterSubscription model = gateway.watch(env, batch -> {})) {
                long seeded = awaitPods(model, sandbox.stats().pods());
                Thread loop = loopThread(env);
                out.printf(Locale.ROOT, "# model holds %d pods of %d seeded; loop thread %s; churn %.0f/s%n",
                        seeded, sandbox.stats().pods(), loop == null ? "?" : loop.getName(), o.churn);

                List<double[]> samples = new ArrayList<>();
                Inventory last = null;
                for (int i = 0; i <= o.builds; i++) {
                    if (i > 0) {
                        Thread.sleep(o.everyMs);
                    }
                    long loopBefore = loop == null ? 0 : threads.getThreadAllocatedBytes(loop.threadId());
                    long before = threads.getCurrentThreadAllocatedBytes();
                    long cpu0 = threads.getCurrentThreadCpuTime();
                    long t0 = System.nanoTime();
                    last = model.inventory();
                    double ms = (System.nanoTime() - t0) / 1e6;
                    double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    long loopAllocated = loop == null ? 0 : threads.getThreadAllocatedBytes(loop.threadId()) - loopBefore;
                    out.printf(Locale.ROOT, "# build %d: %.1f ms (caller CPU %.1f ms), %.1f MB on the caller, %.1f MB on the loop%n",
                            i, ms, cpuMs, allocated / 1e6, loopAllocated / 1e6);
                    samples.add(new double[] {ms, allocated, loopAllocated, cpuMs});
                }
                report(out, samples);
                out.printf(Locale.ROOT, "# inventory: %d nodes, %d workloads, %d pods on nodes, %d pods in workloads, requests %d m / %d B, limits %d m / %d B%n",
                        last.nodes().size(), last.workloads().size(),
                        last.nodes().stream().mapToInt(Inventory.Node::podsCounted).sum(), last.workloads().stream().mapToInt(Inventory.Workload::pods).sum(),
                        last.nodes().stream().mapToLong(n -> n.requested().cpuMillis()).sum(),
                        last.nodes().stream().mapToLong(n -> n.requested().memoryBytes()).sum(),
                        last.nodes().stream().mapToLong(n -> n.limits().cpuMillis()).sum(),
                        last.nodes().stream().mapToLong(n -> n.limits().memoryBytes()).sum());
                out.printf(Locale.ROOT, "# load average %.2f, %d processors%n",
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                        Runtime.getRuntime().availableProcessors());
            }
        }
    }

    private static void report(PrintStream out, List<double[]> samples) {
        double[] first = samples.getFirst();
        Results.print(out, SCENARIO, "first_build", Results.millis(first[0]), "ms");
        Results.print(out, SCENARIO, "first_build_cpu", Results.millis(first[3]), "ms");
        Results.print(out, SCENARIO, "first_build_allocated", Results.megabytes((long) first[1]), "MB");
        List<double[]> steady = samples.subList(1, samples.size());
        if (steady.isEmpty()) {
            return;
        }
        double[] ms = steady.stream().mapToDouble(s -> s[0]).sorted().toArray();
        Results.print(out, SCENARIO, "build_p50", String.format(Locale.ROOT, "%.1f", ms[(ms.length - 1) / 2]), "ms");
        Results.print(out, SCENARIO, "build_max", String.format(Locale.ROOT, "%.1f", ms[ms.length - 1]), "ms");
        double[] cpu = steady.stream().mapToDouble(s -> s[3]).sorted().toArray();
        Results.print(out, SCENARIO, "build_cpu_p50", String.format(Locale.ROOT, "%.1f", cpu[(cpu.length - 1) / 2]), "ms");
        Results.print(out, SCENARIO, "build_allocated_mean",
                Results.megabytes((long) steady.stream().mapToDouble(s -> s[1]).average().orElse(0)), "MB");
        Results.print(out, SCENARIO, "loop_allocated_mean",
                Results.megabytes((long) steady.stream().mapToDouble(s -> s[2]).average().orElse(0)), "MB");
        out.println("# steady build ms: " + Arrays.toString(Arrays.stream(ms).map(m -> Math.round(m * 10) / 10.0).toArray()));
    }

    /** Waits (up to 2 minutes) until the model's inventory counts the seeded pods on nodes or in workloads. */
    private static long awaitPods(ClusterSubscription model, int seeded) throws InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        long seen = 0;
        while (System.nanoTime() < deadline) {
            var pods = model.snapshot().rows().get("Pod");
            seen = pods == null ? 0 : pods.size();
            if (seen >= seeded * 0.99) {
                Thread.sleep(2_000); // let the first burst of batches and metrics land before measuring
                return seen;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException("the model holds only " + seen + " of " + seeded + " pods after 2 minutes");
    }

    /** The live model's loop thread (EnvironmentWatch names it wheelhouse-kube-ENV-ID). */
    private static Thread loopThread(Environment env) {
        return Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("wheelhouse-kube-" + env.name() + "-"))
                .findFirst().orElse(null);
    }
}
