package dev.wheelhouse.app.cli;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.core.workspace.WorkspaceStore;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.sandbox.SandboxSeed;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.BindException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse sandbox`: serves the practice cluster on 127.0.0.1 until interrupted, writes a
 * kubeconfig for it and, with --workspace, the sandbox's environments and applications into a
 * workspace (added to what the file already holds; nothing of the user's is replaced).
 */
@Command(name = "sandbox", mixinStandardHelpOptions = true, sortOptions = false,
        description = {
            "Serve the practice sandbox until interrupted (Ctrl+C): a Kubernetes API on",
            "127.0.0.1 with three environments (shop-dev, shop-staging, shop-prod), sample",
            "applications with past revisions, rollouts that succeed or fail, and metrics.",
            "kubectl works against it with the kubeconfig this writes. With --workspace,",
            "its environments (sandbox-dev, sandbox-staging, sandbox-prod) and applications",
            "are added to that workspace file."
        })
final class SandboxCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--port", paramLabel = "N", defaultValue = "0",
            description = "The port on 127.0.0.1 (default: any free port).")
    int port;

    @Option(names = "--pods", paramLabel = "N", defaultValue = "0",
            description = "Total pods to seed, for benchmarks (default: the demo seed's).")
    int pods;

    @Option(names = "--deployments", paramLabel = "N", defaultValue = "0",
            description = "Total Deployments to seed, for benchmarks (default: the demo seed's).")
    int deployments;

    @Option(names = "--churn", paramLabel = "EVENTS_PER_S",
            description = "Background container restarts (each with an Event) per second (default: 0.5).")
    Double churn;

    @Option(names = "--rollout-step", paramLabel = "MILLIS",
            description = "How long a new pod takes to become ready, so each rollout step (default: 1500).")
    Long rolloutStep;

    @Option(names = "--progress-deadline", paramLabel = "SECONDS",
            description = "progressDeadlineSeconds of the seeded Deployments (default: 30).")
    Integer progressDeadline;

    @Option(names = "--stop-after", paramLabel = "SECONDS", hidden = true,
            description = "Stop by itself after so many seconds (for scripts and tests).")
    Long stopAfter;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        AppServices services = global.services();
        SandboxOptions options;
        try {
            options = options();
        } catch (IllegalArgumentException e) {
            return fail(err, e.getMessage());
        }
        Path kubeconfig = given("--kubeconfig") ? global.kubeconfigFile()
                : services.dataDir().resolve("sandbox").resolve("kubeconfig");
        WorkspaceStore workspaceStore = given("--workspace") ? services.workspace() : null;
        Workspace existing = Workspace.EMPTY;
        if (workspaceStore != null) {
            // Checked before starting: a workspace we could not merge into must not cost a sandbox start.
            WorkspaceLoad load = workspaceStore.load();
            if (load instanceof WorkspaceLoad.Invalid invalid) {
                return fail(err, "cannot add the sandbox to the workspace " + invalid.error().describe()
                        + " (fix it or choose another --workspace)");
            }
            if (load instanceof WorkspaceLoad.Loaded loaded) {
                existing = loaded.workspace();
            }
        }

        Sandbox sandbox;
        try {
            sandbox = Sandbox.start(options);
        } catch (BindException e) {
            return fail(err, e.getMessage() + " (choose another --port, or 0 for any free one)");
        } catch (IOException e) {
            err.println("wheelhouse sandbox: the sandbox did not start: " + e.getMessage());
            err.flush();
            return ExitCodes.FAILED;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Thread hook = Thread.ofPlatform().name("wheelhouse-sandbox-shutdown").unstarted(() -> {
            sandbox.close();
            err.println("wheelhouse sandbox: stopped");
            err.flush();
            stopped.countDown();
        });
        try {
            Path writtenKubeconfig;
            try {
                writtenKubeconfig = sandbox.writeKubeconfig(kubeconfig);
            } catch (IOException e) {
                sandbox.close();
                return fail(err, "cannot write the kubeconfig " + kubeconfig + ": " + reason(e));
            }
            String workspaceLine = null;
            if (workspaceStore != null) {
                Merge merge = merge(existing, sandbox.seed());
                try {
                    workspaceStore.save(merge.workspace());
                } catch (IOException | IllegalArgumentException e) {
                    sandbox.close();
                    return fail(err, "cannot write the workspace " + workspaceStore.file() + ": "
                            + (e instanceof IOException io ? reason(io) : e.getMessage()));
                }
                workspaceLine = "workspace:  " + workspaceStore.file() + " (" + merge.summary() + ")";
            }
            Sandbox.Stats stats = sandbox.stats();
            out.printf(Locale.ROOT, "Wheelhouse sandbox serving %s (%d pods, %d deployments; started in %.1f s)%n",
                    sandbox.url(), stats.pods(), stats.deployments(), stats.startup().toMillis() / 1000.0);
            out.println("kubeconfig: " + writtenKubeconfig + " (context " + Sandbox.CONTEXT + ")");
            if (workspaceLine != null) {
                out.println(workspaceLine);
            }
            out.println("Try:        kubectl --kubeconfig " + writtenKubeconfig + " get pods -A");
            out.println(stopAfter == null ? "Press Ctrl+C to stop." : "Stopping after " + stopAfter + " s.");
            out.flush();

            Runtime.getRuntime().addShutdownHook(hook);
            if (stopAfter == null) {
                stopped.await();
                return ExitCodes.DONE;
            }
            if (!stopped.await(stopAfter, TimeUnit.SECONDS)) {
                Runtime.getRuntime().removeShutdownHook(hook);
                hook.run();
            }
            return ExitCodes.DONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            sandbox.close();
            return ExitCodes.DONE;
        }
    }

    private SandboxOptions options() {
        SandboxOptions o = SandboxOptions.defaults().withPort(port).withScale(pods, deployments);
        if (churn != null) {
            o = o.withChurnPerSecond(churn);
        }
        if (rolloutStep != null) {
            o = o.withRolloutStepMillis(rolloutStep);
        }
        if (progressDeadline != null) {
            o = o.withProgressDeadlineSeconds(progressDeadline);
        }
        return o;
    }

    /** Whether the user named this global option, before or after "sandbox". */
    private boolean given(String option) {
        ParseResult mine = spec.commandLine().getParseResult();
        ParseResult top = spec.root().commandLine().getParseResult();
        return (mine != null && mine.hasMatchedOption(option)) || (top != null && top.hasMatchedOption(option));
    }

    private static int fail(PrintWriter err, String message) {
        err.println("wheelhouse sandbox: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }

    private static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "no such file or directory";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    /** The workspace with the sandbox in it, and what changed, in words. */
    record Merge(Workspace workspace, String summary) {}

    /**
     * The sandbox's environments replace same-named ones (they are the sandbox's own); the user's
     * other environments stay. Applications the workspace lacks are added; one of the same name
     * is the user's and is kept as it is.
     */
    static Merge merge(Workspace existing, SandboxSeed seed) {
        List<String> sandboxEnvs = seed.environments().stream().map(Environment::name).toList();
        List<Environment> environments = new ArrayList<>();
        int kept = 0;
        for (Environment env : existing.environments()) {
            if (!sandboxEnvs.contains(env.name())) {
                environments.add(env);
                kept++;
            }
        }
        environments.addAll(seed.environments());
        List<Application> applications = new ArrayList<>(existing.applications());
        List<String> added = new ArrayList<>();
        List<String> yours = new ArrayList<>();
        for (Application app : seed.applications()) {
            var same = existing.application(app.name());
            if (same.isEmpty()) {
                applications.add(app);
                added.add(app.name());
            } else if (!same.get().equals(app)) {
                yours.add(app.name());
            }
        }
        StringBuilder summary = new StringBuilder("environments ").append(String.join(", ", sandboxEnvs));
        if (!added.isEmpty()) {
            summary.append("; applications ").append(String.join(", ", added));
        }
        if (kept > 0) {
            summary.append("; kept ").append(kept).append(kept == 1 ? " environment" : " environments").append(" of yours");
        }
        if (!yours.isEmpty()) {
            summary.append("; kept your ").append(yours.stream().collect(Collectors.joining(", ")))
                    .append(yours.size() == 1 ? " application, which differs" : " applications, which differ")
                    .append(" from the sandbox's");
        }
        return new Merge(new Workspace(environments, applications), summary.toString());
    }
}
