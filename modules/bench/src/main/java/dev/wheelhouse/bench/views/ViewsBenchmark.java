package dev.wheelhouse.bench.views;

import dev.wheelhouse.app.ui.FirstFrame;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveView;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveViewModel;
import dev.wheelhouse.app.ui.cluster.ResourceTableView;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.shell.Theme;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.bench.Results;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.jdkhttp.JdkHttpClientFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/**
 * The console's pods view against the sandbox at scale (issue 4, Performance): the sandbox runs
 * in its own process (the distribution's {@code wheelhouse sandbox}); this JVM is the console's
 * part only: the app's {@link EnvironmentLiveView} (every tab and table of an environment) over
 * its {@link EnvironmentLiveViewModel} and {@link Fabric8ClusterGateway}, on a shown stage, with
 * the Pods list of the Workloads tab showing. The benchmark first starts itself again in a JVM
 * with the installed console's java options ({@link ConsoleJvm}).
 *
 * <p>Prints: the time from {@code start()} (which makes the watch) to the pods table holding the
 * pods of the three sandbox namespaces, beside {@code kubectl get pods -A -o json} (median of 3)
 * and their ratio; over the churn window the gaps between FX pulses (max, p99); the time from
 * deleting a pod to its row leaving the shown pods table (p50, max); VmRSS while live.
 *
 * <p>Run under {@code xvfb-run}; see docs/BENCHMARKS.md.
 */
public final class ViewsBenchmark {
    private static final List<String> NAMESPACES = List.of("shop-dev", "shop-staging", "shop-prod");
    private static final String CONTEXT = "wheelhouse-sandbox";

    /** The command line (picocli); `--in-process` is what ConsoleJvm adds when it starts the console's JVM. */
    static final class Options {
        @Option(names = "--pods") int pods = 10_000;
        @Option(names = "--deployments") int deployments = 1_000;
        @Option(names = "--churn", description = "events per second") int churn = 200;
        @Option(names = "--seconds", description = "the churn window") int seconds = 60;
        @Option(names = "--change-every-ms") int changeEveryMs = 2_000;
        @Option(names = "--wheelhouse") Path wheelhouse = Path.of("app/target/wheelhouse/bin/wheelhouse");
        @Option(names = "--jvm-options") Path jvmOptions = Path.of("jpackage/app.args");
        @Option(names = "--keep", description = "keep the temporary directory") boolean keep;
        // The sandbox stands in for a cluster's API server, controllers and kubelets, which run on
        // other machines; here it shares two cores with the console, and its controllers' thread
        // alone takes two thirds of one under churn. At a lower priority it still has every cycle
        // the console leaves, and RESULT churn_applied_per_s shows the load it delivered.
        @Option(names = "--sandbox-nice", description = "the sandbox process's niceness (0: the console's priority)")
        int sandboxNice = 10;
        @Option(names = "--aot", negatable = true, defaultValue = "true", fallbackValue = "true",
                description = "the console with an AOT cache trained as the installer's (--no-aot: without)")
        boolean aot = true;
        @Option(names = ConsoleJvm.IN_PROCESS, hidden = true) boolean inProcess;
    }

    public static void main(String[] args) throws Exception {
        Options o = CommandLine.populateCommand(new Options(), args);
        if (!o.inProcess) {
            System.exit(relaunch(o, args));
        }
        PrintStream out = System.out;
        out.printf(Locale.ROOT, "# console JVM options: %s%n", String.join(" ", ConsoleJvm.ownOptions()));
        out.printf(Locale.ROOT, "# views benchmark %s, %d CPUs, load average %s, java %s%n",
                LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")),
                Runtime.getRuntime().availableProcessors(), loadAverage(), System.getProperty("java.version"));
        out.printf(Locale.ROOT, "# sandbox --pods %d --deployments %d --churn %d at nice %d, window %d s, a pod deleted every %d ms%n",
                o.pods, o.deployments, o.churn, o.sandboxNice, o.seconds, o.changeEveryMs);

        Path dir = Files.createTempDirectory("wheelhouse-views-bench");
        Path kubeconfig = dir.resolve("kubeconfig");
        SandboxProcess sandbox = SandboxProcess.start(o.wheelhouse, dir, kubeconfig, o.pods, o.deployments, o.churn, o.sandboxNice, out);
        Thread hook = Thread.ofPlatform().unstarted(sandbox::kill);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            run(out, kubeconfig, o.seconds, o.changeEveryMs);
        } finally {
            sandbox.kill();
            Runtime.getRuntime().removeShutdownHook(hook);
            if (!o.keep) {
                deleteTree(dir);
            } else {
                out.println("# kept " + dir);
            }
            out.printf(Locale.ROOT, "# load average at the end: %s%n", loadAverage());
            out.flush();
            Platform.exit();
            System.exit(0);
        }
    }

    /** The console's JVM: the app's java options and, as installed, an AOT cache trained first. */
    private static int relaunch(Options o, String[] args) throws Exception {
        if (!o.aot) {
            System.out.println("# the console's AOT cache: none (--no-aot)");
            return ConsoleJvm.relaunch(o.jvmOptions, ViewsBenchmark.class.getName(), args);
        }
        Path training = Files.createTempDirectory("wheelhouse-views-aot");
        try {
            Path cache = ConsoleTraining.train(o.wheelhouse, o.jvmOptions, training, System.out);
            return ConsoleJvm.relaunch(o.jvmOptions, List.of("-XX:AOTCache=" + cache, "-XX:AOTMode=on"), ViewsBenchmark.class.getName(), args);
        } finally {
            if (o.keep) {
                System.out.println("# kept " + training);
            } else {
                deleteTree(training);
            }
        }
    }

    private static void run(PrintStream out, Path kubeconfig, int seconds, int changeEveryMs) throws Exception {
        // kubectl first, while nothing else reads the sandbox.
        int expected = kubectlCount(kubeconfig);
        List<Double> kubectl = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            long t = System.nanoTime();
            Process p = new ProcessBuilder("sh", "-c",
                    "kubectl --kubeconfig '" + kubeconfig + "' get pods -A -o json > /dev/null")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (p.waitFor() != 0) {
                throw new IOException("kubectl get pods failed: exit " + p.exitValue());
            }
            kubectl.add((System.nanoTime() - t) / 1e6);
        }
        double kubectlMs = median(kubectl);
        out.printf(Locale.ROOT, "# kubectl get pods -A -o json: %s ms; %d pods in %s%n", kubectl, expected, NAMESPACES);

        // The toolkit and a shown stage.
        CountDownLatch started = new CountDownLatch(1);
        Platform.startup(started::countDown);
        started.await();
        Platform.setImplicitExit(false);
        Fabric8ClusterGateway gateway = new Fabric8ClusterGateway(kubeconfig);
        Environment env = new Environment("sandbox-bench", Tier.DEVELOPMENT, Tier.DEVELOPMENT.defaultColour(), false,
                List.of(new KubeTarget(CONTEXT, NAMESPACES)), List.of());
        FxUiExecutor executor = new FxUiExecutor();
        EnvironmentLiveViewModel vm = new EnvironmentLiveViewModel(env, () -> gateway, executor, null);

        Fx fx = new Fx();
        StackPane root = new StackPane();
        CompletableFuture<Void> shown = new CompletableFuture<>();
        Platform.runLater(() -> {
            // Styled as the console's window is (MainWindow): the theme's and the console's CSS
            // decide how much each repaint costs.
            Theme.LIGHT.apply();
            Scene scene = new Scene(root, 1280, 800);
            scene.getStylesheets().add(Css.STYLESHEET);
            Stage stage = new Stage();
            stage.setScene(scene);
            stage.show();
            fx.timer.start();
            FirstFrame.then(() -> shown.complete(null));
        });
        shown.get(30, TimeUnit.SECONDS);
        out.printf(Locale.ROOT, "# before connecting (toolkit, first frame drawn): VmRSS %.1f MB%n", rssBytes() / 1e6);
        // As the console's window does (WheelhouseCommand): once its first frame is drawn, the
        // Kubernetes client's warm-up starts, and the first environment connects as soon as the
        // workspace is read; here at once, the least the warm-up can have done by then.
        long warmUpStarted = System.nanoTime();
        CompletableFuture<Long> warmedUp = Fabric8ClusterGateway.warmUpInBackground().thenApply(v -> System.nanoTime());

        // Connect: the console's live view of the environment (which starts the view model), on
        // its Workloads tab with the Pods list showing, as a user opening the pods view.
        fx.t0Cpu = processCpuNanos();
        fx.t0Threads = ThreadCpu.now();
        fx.t0 = System.nanoTime();
        Platform.runLater(() -> {
            EnvironmentLiveView view = new EnvironmentLiveView(vm, null);
            root.getChildren().setAll(view);
            vm.appliedProperty().addListener((obs, was, now) -> fx.applied(now.snapshot().rows("Pod").size()));
            // After the view's own listener, which builds the tables from the kinds.
            vm.kindsProperty().addListener((obs, was, now) -> fx.attach(view, expected));
            fx.attach(view, expected);
        });
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        while (fx.populatedAt == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        if (fx.populatedAt == 0) {
            throw new IllegalStateException("the pods table did not fill within 180 s: "
                    + fx.lastPodCount + " of " + expected);
        }
        double populatedMs = (fx.populatedAt - fx.t0) / 1e6;
        double populatedCpuMs = (fx.populatedCpu - fx.t0Cpu) / 1e6;
        out.printf(Locale.ROOT, "# the model's updates on the FX thread until populated (when: pods in the model): %s%n", fx.updates);
        out.printf(Locale.ROOT, "# the client's warm-up, started as the view connected, took %.0f ms%n",
                (warmedUp.get(60, TimeUnit.SECONDS) - warmUpStarted) / 1e6);
        out.printf(Locale.ROOT, "# pods table: %d rows (kubectl: %d) after %.0f ms, %d FX updates; first update at %.0f ms, "
                        + "first pod row at %.0f ms; largest FX pulse gap while populating %.0f ms (FX CPU in it at most %.0f ms); "
                        + "console CPU until populated %.0f ms%n",
                fx.populatedCount, expected, populatedMs, vm.updatesProperty().get(), (fx.firstAppliedAt - fx.t0) / 1e6,
                (fx.firstPodsAt - fx.t0) / 1e6, fx.maxGapNs / 1e6, fx.maxBusyNs / 1e6, populatedCpuMs);

        // The deleter: a client made and used once before the window, so that the window's first
        // change does not wait for a cold client (its first call took 263 ms, inside the window).
        Config config = Config.fromKubeconfig(CONTEXT, Files.readString(kubeconfig), null);
        // The console's own HTTP stack (KubeClients): the deleter shares this JVM, and a second one
        // (Fabric8's default, Vert.x and Netty) would count its classes and buffers as the console's.
        KubernetesClient client = new KubernetesClientBuilder().withHttpClientFactory(new JdkHttpClientFactory())
                .withConfig(config).build();
        client.pods().inNamespace(NAMESPACES.getFirst()).list(new io.fabric8.kubernetes.api.model.ListOptionsBuilder()
                .withLimit(1L).build());

        // The churn window: pulse gaps, and pods deleted (kubectl delete pod) while their table shows.
        Thread.sleep(2000);
        ThreadCpu.print(out, "from connecting until populated", fx.t0Threads, fx.populatedThreads, 12);
        fx.resetGaps();
        long windowUptimeMs = java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime();
        Map<String, Long> windowThreads = ThreadCpu.now();
        // "Stays under": resident memory sampled every second while the view is live and churning.
        java.util.concurrent.atomic.AtomicLong peakRss = new java.util.concurrent.atomic.AtomicLong();
        java.util.concurrent.ScheduledExecutorService rssSampler = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
        rssSampler.scheduleAtFixedRate(() -> {
            try {
                peakRss.accumulateAndGet(rssBytes(), Math::max);
            } catch (IOException e) {
                // /proc gone: nothing to sample
            }
        }, 0, 1, TimeUnit.SECONDS);
        int restartsColumn = column(fx.pods.kind(), "RESTARTS");
        Map<RowKey, Long> restartsBefore = restarts(vm.snapshot().rows("Pod"), restartsColumn);
        List<ResourceRow> podsToDelete = vm.snapshot().rows("Pod").stream()
                .filter(r -> r.namespace().equals("shop-dev")).toList();
        List<Double> latencies = Collections.synchronizedList(new ArrayList<>());
        List<Double> calls = new ArrayList<>();
        int misses = 0;
        long windowEnd = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        try (client) {
            int n = 0;
            while (System.nanoTime() < windowEnd) {
                ResourceRow d = podsToDelete.get(n % podsToDelete.size());
                CompletableFuture<Long> seen = new CompletableFuture<>();
                fx.watchFor(d.key(), seen);
                long t = System.nanoTime();
                client.pods().inNamespace(d.namespace()).withName(d.name()).delete();
                calls.add((System.nanoTime() - t) / 1e6);
                try {
                    long at = seen.get(10, TimeUnit.SECONDS);
                    latencies.add((at - t) / 1e6);
                } catch (java.util.concurrent.TimeoutException e) {
                    misses++;
                    out.println("# deleted pod " + d.name() + " still listed after 10 s");
                }
                n++;
                long next = t + TimeUnit.MILLISECONDS.toNanos(changeEveryMs);
                long sleep = next - System.nanoTime();
                if (sleep > 0) {
                    Thread.sleep(sleep / 1_000_000, (int) (sleep % 1_000_000));
                }
            }
        }
        rssSampler.shutdownNow();
        long liveRss = rssBytes();
        List<List<Long>> recorded = fx.stopGaps();
        List<Long> gaps = recorded.get(0);
        List<Double> busyMs = recorded.get(1).stream().map(b -> b / 1e6).sorted().toList();
        long podRows = fx.lastPodCount;
        long restartsApplied = restartsSince(restartsBefore, restarts(vm.snapshot().rows("Pod"), restartsColumn));
        vm.close();

        List<Double> gapMs = gaps.stream().map(g -> g / 1e6).sorted().toList();
        List<Double> lat = new ArrayList<>(latencies);
        Collections.sort(lat);
        System.gc();
        long rss = rssBytes();
        var heap = java.lang.management.ManagementFactory.getMemoryMXBean();
        out.printf(Locale.ROOT, "# at the end: heap committed %.0f MB (max %.0f MB), non-heap committed %.0f MB%n",
                heap.getHeapMemoryUsage().getCommitted() / 1e6, heap.getHeapMemoryUsage().getMax() / 1e6,
                heap.getNonHeapMemoryUsage().getCommitted() / 1e6);
        ConsoleJvm.heapHistogram(12).forEach(l -> out.println("# heap " + l));
        String nmt = ConsoleJvm.nativeMemorySummary();
        if (!nmt.isEmpty()) {
            nmt.lines().filter(l -> l.contains("committed=") && (l.startsWith("Total") || l.startsWith("-")))
                    .forEach(l -> out.println("# NMT " + l.strip()));
        }
        ThreadCpu.print(out, "in the window", windowThreads, ThreadCpu.now(), 12);
        out.printf(Locale.ROOT, "# window: %d pulses, %d pods deleted (%d not seen), %d pod rows at the end, heap used %.0f MB%n",
                gapMs.size() + 1, lat.size() + misses, misses, podRows,
                (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / 1e6);
        out.printf(Locale.ROOT, "# change latencies (ms): %s%n", lat.stream().map(Results::millis).toList());
        out.printf(Locale.ROOT, "# the delete calls, in the same order as made (ms): %s%n", calls.stream().map(Results::millis).toList());
        out.printf(Locale.ROOT, "# longest pulse gaps (when in the window, which began %.1f s into the JVM's uptime: gap, "
                + "FX CPU in it): %s%n", windowUptimeMs / 1e3, longestGaps(gaps, recorded.get(1), 5));

        Results.print(out, "views", "pods_populated_ms", Results.millis(populatedMs), "ms");
        Results.print(out, "views", "kubectl_get_pods_ms", Results.millis(kubectlMs), "ms");
        Results.print(out, "views", "ratio", Results.ratio(populatedMs / kubectlMs), "x");
        Results.print(out, "views", "console_cpu_until_populated_ms", Results.millis(populatedCpuMs), "ms");
        Results.print(out, "views", "pods_count", Long.toString(fx.populatedCount), "count");
        Results.print(out, "views", "fx_max_stall_ms", Results.millis(gapMs.isEmpty() ? 0 : gapMs.getLast()), "ms");
        Results.print(out, "views", "fx_p99_gap_ms", Results.millis(percentile(gapMs, 0.99)), "ms");
        Results.print(out, "views", "fx_max_cpu_between_pulses_ms", Results.millis(busyMs.isEmpty() ? 0 : busyMs.getLast()), "ms");
        Results.print(out, "views", "fx_p99_cpu_between_pulses_ms", Results.millis(percentile(busyMs, 0.99)), "ms");
        // The churn is container restarts: what the console's model took in of it, per second of
        // the window. It shows the sandbox delivered the load asked of it, whatever its CPU share.
        Results.print(out, "views", "churn_applied_per_s", String.format(Locale.ROOT, "%.0f", restartsApplied / (double) seconds), "events/s");
        Results.print(out, "views", "change_visible_p50_ms", Results.millis(percentile(lat, 0.50)), "ms");
        Results.print(out, "views", "change_visible_max_ms", Results.millis(lat.isEmpty() ? 0 : lat.getLast()), "ms");
        Results.print(out, "views", "changes_not_seen", Integer.toString(misses), "count");
        Results.print(out, "views", "console_rss_mb", Results.megabytes(Math.max(peakRss.get(), liveRss)), "MB");
        Results.print(out, "views", "console_rss_after_close_mb", Results.megabytes(rss), "MB");
    }

    /** The index of a kind's column, which the benchmark cannot do without. */
    static int column(dev.wheelhouse.core.cluster.KindInfo kind, String name) {
        int index = kind.columnIndex(name);
        if (index < 0) {
            throw new IllegalStateException(kind.kind() + " has no column " + name);
        }
        return index;
    }

    /** Each pod's restarts (its RESTARTS cell, a number as PodRenderer writes it), by key. */
    static Map<RowKey, Long> restarts(List<ResourceRow> pods, int column) {
        Map<RowKey, Long> byKey = new java.util.HashMap<>();
        for (ResourceRow r : pods) {
            byKey.put(r.key(), Long.parseLong(r.cell(column)));
        }
        return byKey;
    }

    /** The restarts between two readings, of the pods in both (a deleted pod's replacement starts again at 0). */
    static long restartsSince(Map<RowKey, Long> before, Map<RowKey, Long> after) {
        long sum = 0;
        for (var e : after.entrySet()) {
            Long was = before.get(e.getKey());
            if (was != null) {
                sum += Math.max(0, e.getValue() - was);
            }
        }
        return sum;
    }

    /** FX-thread state: the tables, the pulse timer and the change being waited for. */
    private static final class Fx {
        ResourceTableView pods;
        volatile long t0;
        volatile long populatedAt;
        volatile long firstAppliedAt;
        volatile long firstPodsAt;
        volatile long populatedCount;
        volatile long lastPodCount;
        long lastPulse;
        long lastCpu;
        volatile long maxGapNs;
        /** The model's updates until populated: when, and how many pods the model had then. */
        final List<String> updates = java.util.Collections.synchronizedList(new ArrayList<>());
        volatile long maxBusyNs;
        volatile long t0Cpu;
        volatile long populatedCpu;
        volatile Map<String, Long> t0Threads = Map.of();
        volatile Map<String, Long> populatedThreads = Map.of();
        List<Long> gaps = new ArrayList<>();
        List<Long> busy = new ArrayList<>();
        volatile boolean resetRequested;
        final AtomicReference<Watch> watching = new AtomicReference<>();
        private final Object gapLock = new Object();

        record Watch(RowKey key, CompletableFuture<Long> seen) {}

        final AnimationTimer timer = new AnimationTimer() {
            @Override
            public void handle(long now) {
                long t = System.nanoTime();
                // The FX thread's own CPU time since the last pulse: what the console made it do,
                // apart from the time it waited for a core on a loaded machine.
                long cpu = THREADS.getCurrentThreadCpuTime();
                if (lastPulse != 0) {
                    long gap = t - lastPulse;
                    long used = cpu - lastCpu;
                    synchronized (gapLock) {
                        if (resetRequested) {
                            gaps = new ArrayList<>();
                            busy = new ArrayList<>();
                            maxGapNs = 0;
                            maxBusyNs = 0;
                            resetRequested = false;
                        } else if (gaps != null) {
                            gaps.add(gap);
                            busy.add(used);
                            maxGapNs = Math.max(maxGapNs, gap);
                            maxBusyNs = Math.max(maxBusyNs, used);
                        }
                    }
                }
                lastPulse = t;
                lastCpu = cpu;
            }
        };

        void resetGaps() {
            synchronized (gapLock) {
                resetRequested = true;
            }
        }

        /** The gaps and the FX CPU time of each, in pulse order; stops recording. */
        List<List<Long>> stopGaps() {
            synchronized (gapLock) {
                List<Long> g = gaps == null ? List.of() : gaps;
                List<Long> b = busy == null ? List.of() : busy;
                gaps = null;
                busy = null;
                return List.of(g, b);
            }
        }

        void watchFor(RowKey key, CompletableFuture<Long> seen) {
            watching.set(new Watch(key, seen));
        }

        /** FX thread: the view model applied a batch; until populated, when and with how many pods in the model. */
        void applied(int podsInModel) {
            long now = System.nanoTime();
            if (firstAppliedAt == 0) {
                firstAppliedAt = now;
            }
            if (populatedAt == 0) {
                updates.add(String.format(Locale.ROOT, "%.0f ms: %d", (now - t0) / 1e6, podsInModel));
            }
        }

        /** Once the view has its tables: show the pods, and look at the tables after each step of rows going in. */
        void attach(EnvironmentLiveView view, int expected) {
            if (pods != null || view.table("Pod") == null) {
                return;
            }
            pods = view.table("Pod");
            view.showWorkload("Pod", "");
            pods.rowUpdatesProperty().addListener((obs, was, now) -> podsUpdated(expected));
        }

        /** After each step of rows going into the pods table. FX thread. */
        void podsUpdated(int expected) {
            long now = System.nanoTime();
            int count = pods.table().getItems().size();
            lastPodCount = count;
            if (firstPodsAt == 0 && count > 0) {
                firstPodsAt = now;
            }
            deletedPodGone(now);
            if (populatedAt == 0 && count >= expected * 0.99) {
                populatedCount = count;
                populatedCpu = processCpuNanos();
                populatedThreads = ThreadCpu.now();
                populatedAt = now;
            }
        }

        /** After each step of rows going into the pods table: is the deleted pod's row gone? FX thread. */
        void deletedPodGone(long now) {
            Watch w = watching.get();
            if (w == null) {
                return;
            }
            // Names first, and no key objects made: this runs on the FX thread whose gaps are measured.
            for (ResourceRow r : pods.table().getItems()) {
                if (r.name().equals(w.key().name()) && r.namespace().equals(w.key().namespace())) {
                    return;
                }
            }
            watching.compareAndSet(w, null);
            w.seen().complete(now);
        }
    }

    /** The {@code n} longest gaps, in pulse order, each with its time into the window, for telling GC pauses and bursts apart. */
    private static List<String> longestGaps(List<Long> gaps, List<Long> busy, int n) {
        long[] at = new long[gaps.size()];
        long t = 0;
        for (int i = 0; i < gaps.size(); i++) {
            t += gaps.get(i);
            at[i] = t;
        }
        return java.util.stream.IntStream.range(0, gaps.size()).boxed()
                .sorted((a, b) -> Long.compare(gaps.get(b), gaps.get(a))).limit(n).sorted()
                .map(i -> String.format(Locale.ROOT, "%.1f s: %.0f ms (%.0f)", at[i] / 1e9, gaps.get(i) / 1e6,
                        i < busy.size() ? busy.get(i) / 1e6 : -1.0))
                .toList();
    }

    private static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static int kubectlCount(Path kubeconfig) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "get", "pods", "-A",
                "-o", "jsonpath={range .items[*]}{.metadata.namespace}{\"\\n\"}{end}")
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        int count = 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (NAMESPACES.contains(line.trim())) {
                    count++;
                }
            }
        }
        if (p.waitFor() != 0) {
            throw new IOException("kubectl failed: exit " + p.exitValue());
        }
        return count;
    }

    static double median(List<Double> values) {
        List<Double> s = new ArrayList<>(values);
        Collections.sort(s);
        int n = s.size();
        return n % 2 == 1 ? s.get(n / 2) : (s.get(n / 2 - 1) + s.get(n / 2)) / 2;
    }

    /** Nearest rank over sorted values. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int rank = (int) Math.ceil(p * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    static long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                String[] f = line.trim().split("\\s+");
                return Long.parseLong(f[1]) * 1024;
            }
        }
        return -1;
    }

    static String loadAverage() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split("\\s+");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (IOException e) {
            return "?";
        }
    }

    static void deleteTree(Path dir) {
        try (var walk = Files.walk(dir)) {
            walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
