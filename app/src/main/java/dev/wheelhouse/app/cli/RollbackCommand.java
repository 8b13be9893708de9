package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RollbackResult;
import dev.wheelhouse.core.ops.RollbackTarget;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.OperationResult;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse rollback --env E --app A`: puts an application's Deployment back to an earlier
 * revision with kubectl's undo semantics, watches the rollout, verifies it and journals every
 * step (preflight, lock, execute, watch, verify, record) through the operations engine. Progress
 * goes to stderr, the summary to stdout.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll an application's Deployment back to an earlier revision, watched, verified and recorded.")
final class RollbackCommand implements Callable<Integer> {
    static final long POLL_MILLIS = 500;

    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", required = true, description = "The environment (as listed by `wheelhouse envs`).")
    String envName;

    @Option(names = "--app", paramLabel = "NAME", required = true, description = "The application of the workspace.")
    String appName;

    @Option(names = "--to-revision", paramLabel = "N", defaultValue = "0",
            description = "The revision to go back to (default: the previous one).")
    long toRevision;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (journaled and set as the change-cause).")
    String reason;

    @Option(names = "--yes", description = "Roll back without asking (there is no prompt headless: without it nothing is changed).")
    boolean yes;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The environment's name: required in production.")
    String confirm;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "300",
            description = "How long to watch the rollout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (toRevision < 0) {
            return bad(err, "--to-revision must be a revision number (1 or more), not " + toRevision);
        }
        Environment env = global.environment(envName);
        if (env.readOnly()) {
            return bad(err, "environment '" + envName + "' is read-only: rollback refused, nothing was changed");
        }
        if (env.tier().isProduction() && !envName.equals(confirm)) {
            return bad(err, "environment '" + envName + "' is production: pass --confirm " + envName
                    + " to roll back (nothing was changed)");
        }
        Application app = application();
        if (app.workload() == null) {
            return bad(err, "application '" + appName + "' has no Kubernetes workload");
        }
        if (app.workload().kind() != WorkloadKind.DEPLOYMENT) {
            return bad(err, "application '" + appName + "' is a " + app.workload().kind().kind()
                    + ": only Deployments can be rolled back for now");
        }
        if (env.kubeTargets().isEmpty()) {
            return bad(err, "environment '" + envName + "' has no Kubernetes targets");
        }
        KubeTarget target = env.kubeTargets().getFirst();
        String context = target.context();
        String namespace = target.namespaces().isEmpty() ? null : target.namespaces().getFirst();
        String deployment = app.workload().name();

        try (RolloutGateway rollouts = new Fabric8Rollouts(global.kubeconfigFile())) {
            Plan plan;
            try {
                plan = plan(rollouts, context, namespace, deployment);
            } catch (RolloutRefusedException e) {
                return bad(err, e.getMessage() + " (nothing was changed)");
            }
            if (plan.from() != null && plan.from().number() == plan.to().number()) {
                out.println(deployment + " already runs revision " + plan.to().number() + ": nothing to do");
                return ExitCodes.DONE;
            }
            String summary = "roll back " + deployment + " in " + envName + " (" + context + "/"
                    + (namespace == null ? "default namespace" : namespace) + ") from " + describe(plan.from())
                    + " to " + describe(plan.to());
            if (!yes && !env.tier().isProduction()) {
                return bad(err, "would " + summary + "; pass --yes to do it (nothing was changed)");
            }
            err.println("wheelhouse rollback: " + summary);
            err.flush();
            try (HistoryStore history = global.services().history().get()) {
                return run(history, rollouts, plan, context, namespace, deployment, app, out, err);
            }
        }
    }

    /** What is known before anything runs: the current revision and the target. */
    record Plan(Revision from, Revision to) {}

    private Plan plan(RolloutGateway rollouts, String context, String namespace, String deployment) {
        RolloutStatus status = rollouts.status(context, namespace, deployment);
        if (status.paused()) {
            throw new RolloutRefusedException(RolloutRefusedException.Reason.PAUSED, "deployment \"" + deployment
                    + "\" is paused: resume it (kubectl rollout resume deployment/" + deployment + ") before rolling back");
        }
        List<Revision> revisions = rollouts.revisions(context, namespace, deployment);
        Revision from = revisions.stream().filter(Revision::current).findFirst().orElse(null);
        return new Plan(from, RollbackTarget.choose(revisions, toRevision, deployment));
    }

    private int run(HistoryStore history, RolloutGateway rollouts, Plan plan, String context, String namespace,
                    String deployment, Application app, PrintWriter out, PrintWriter err) {
        OperationEngine engine = new OperationEngine(history);
        String changeCause = engine.operator() + ": " + (reason == null || reason.isBlank()
                ? "rollback to revision " + plan.to().number() + " with wheelhouse" : reason);
        AtomicReference<RolloutStatus> last = new AtomicReference<>();
        AtomicReference<RollbackResult> patched = new AtomicReference<>();

        PlannedStep preflight = PlannedStep.of(StepPhase.PREFLIGHT, cancel -> {
            Plan now = plan(rollouts, context, namespace, deployment);
            if (now.to().number() != plan.to().number() || !now.to().replicaSet().equals(plan.to().replicaSet())) {
                return StepResult.failed("the revisions changed since the plan was made: revision " + plan.to().number()
                        + " is now " + describe(now.to()));
            }
            RolloutStatus status = rollouts.status(context, namespace, deployment);
            last.set(status);
            return StepResult.ok("not paused; " + describe(plan.from()) + " -> " + describe(plan.to()) + "; " + status.counts());
        });
        PlannedStep lock = PlannedStep.of(StepPhase.LOCK, cancel -> StepResult.skipped("locking comes with the wizard"));
        PlannedStep execute = PlannedStep.of(StepPhase.EXECUTE, cancel -> {
            RollbackResult result = rollouts.rollback(context, namespace, deployment, plan.to().number(), changeCause);
            patched.set(result);
            return result.changed() ? StepResult.ok(result.message() + "; change-cause \"" + changeCause + "\"")
                    : StepResult.skipped(result.message());
        });
        PlannedStep watch = PlannedStep.of(StepPhase.WATCH, cancel -> {
            long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
            String shown = null;
            while (true) {
                RolloutStatus status = rollouts.status(context, namespace, deployment);
                last.set(status);
                if (!status.message().equals(shown)) {
                    shown = status.message();
                    err.println("  " + shown);
                    err.flush();
                }
                switch (status.state()) {
                    case COMPLETE -> {
                        return StepResult.ok(status.message() + " (" + status.counts() + ")");
                    }
                    case FAILED -> {
                        return StepResult.failed(status.message() + " (" + status.counts() + ")");
                    }
                    case IN_PROGRESS -> { }
                }
                if (cancel.isCancelled()) {
                    return new StepResult(StepStatus.CANCELLED, "stopped watching: " + status.message() + " (" + status.counts() + ")");
                }
                if (System.nanoTime() > deadline) {
                    return StepResult.failed("not rolled out after " + timeoutSeconds + " s: " + status.message()
                            + " (" + status.counts() + ")");
                }
                Thread.sleep(POLL_MILLIS);
            }
        });
        PlannedStep verify = PlannedStep.of(StepPhase.VERIFY, cancel -> {
            RolloutStatus status = rollouts.status(context, namespace, deployment);
            last.set(status);
            if (!status.allAvailable()) {
                return StepResult.failed("not all available: " + status.counts());
            }
            if (!status.images().equals(plan.to().images())) {
                return StepResult.failed("running " + String.join(", ", status.images()) + ", not revision "
                        + plan.to().number() + "'s " + String.join(", ", plan.to().images()));
            }
            return StepResult.ok("all available (" + status.counts() + "), running " + String.join(", ", status.images()));
        });
        PlannedStep record = PlannedStep.of(StepPhase.RECORD, cancel -> {
            RolloutStatus status = rollouts.status(context, namespace, deployment);
            last.set(status);
            Revision now = rollouts.revisions(context, namespace, deployment).stream().filter(Revision::current)
                    .findFirst().orElse(null);
            return StepResult.ok("now at " + describe(now) + "; " + status.message() + " (" + status.counts() + ")");
        });

        OperationPlan operation = new OperationPlan(OperationKind.ROLLBACK, envName, appName,
                context + "/" + (namespace == null ? "" : namespace) + "/Deployment/" + deployment,
                version(plan.from(), app), version(plan.to(), app), reason,
                List.of(preflight, lock, execute, watch, verify, record));
        OperationResult result = engine.run(operation, new OperationListener() {
            @Override
            public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
                err.println("[" + step.name() + "] " + status.name().toLowerCase() + (output.isEmpty() ? "" : ": " + output));
                err.flush();
            }
        }, CancelSignal.none());

        OperationResult.StepOutcome recorded = result.steps().stream().filter(s -> s.name().equals("record"))
                .findFirst().orElse(null);
        if (result.outcome() == Outcome.SUCCEEDED) {
            out.println("rolled back " + deployment + " in " + envName + " from " + describe(plan.from()) + " to "
                    + describe(plan.to()) + (recorded == null ? "" : "; " + recorded.output())
                    + " (operation " + result.operationId() + ")");
            out.flush();
            return ExitCodes.DONE;
        }
        RolloutStatus status = last.get();
        out.println("rollback of " + deployment + " in " + envName + " " + result.outcome().name().toLowerCase()
                + (result.failure() == null ? "" : " at " + result.failure())
                + (patched.get() != null && patched.get().changed() ? "; the patch to revision " + plan.to().number()
                        + " was applied" : "; nothing was changed")
                + (status == null ? "" : "; where things stood: " + status.message() + " (" + status.counts() + ")")
                + " (operation " + result.operationId() + ")");
        out.flush();
        return ExitCodes.FAILED;
    }

    private Application application() {
        if (global.services().workspace().load() instanceof WorkspaceLoad.Loaded loaded) {
            return loaded.workspace().application(appName).orElseThrow(() -> {
                List<String> known = loaded.workspace().applications().stream().map(Application::name).toList();
                return new BadInputException("no application '" + appName + "' in " + loaded.file()
                        + (known.isEmpty() ? " (it has none)" : " (known: " + String.join(", ", known) + ")"));
            });
        }
        // environment() has already reported a missing or broken workspace.
        throw new BadInputException("no application '" + appName + "': the workspace cannot be read");
    }

    private static String describe(Revision r) {
        if (r == null) {
            return "an unknown revision";
        }
        return "revision " + r.number() + " (" + String.join(", ", r.images()) + ")";
    }

    /** The tag of the application's container in a revision: what the history calls its version. */
    static String version(Revision r, Application app) {
        if (r == null || r.images().isEmpty()) {
            return null;
        }
        String container = app.workload().container();
        String image = r.images().stream().filter(i -> container != null && i.startsWith(container + "="))
                .findFirst().orElse(r.images().getFirst());
        image = image.substring(image.indexOf('=') + 1);
        int colon = image.lastIndexOf(':');
        return colon > image.lastIndexOf('/') ? image.substring(colon + 1) : image;
    }

    private static int bad(PrintWriter err, String message) {
        err.println("wheelhouse rollback: " + message);
        err.flush();
        return ExitCodes.BAD_INPUT;
    }
}
