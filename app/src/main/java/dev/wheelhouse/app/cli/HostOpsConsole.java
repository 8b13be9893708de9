package dev.wheelhouse.app.cli;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.Guardrails;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import dev.wheelhouse.ops.hosts.HostFleet;
import dev.wheelhouse.ops.hosts.HostOperation;
import dev.wheelhouse.ops.hosts.HostRollbackPlanner;
import dev.wheelhouse.ops.hosts.HostRollbackRequest;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The headless side of host deploys and rollbacks, for `wheelhouse deploy` and `wheelhouse
 * rollback` on an application's hosts: the same guardrails and exit codes as the Kubernetes
 * operations (0 verified, 1 failed, and what was switched back, 2 refused before anything ran),
 * progress on stderr, the summary and where each host ended on stdout. The planning and running
 * are the window's too ({@link HostDeployPlanner}, {@link HostRollbackPlanner}).
 */
final class HostOpsConsole {
    /** Which part of an application a command acts on, when it has both. */
    enum Part { HOSTS, WORKLOAD }

    private final GlobalOptions global;
    private final PrintWriter out;
    private final OpsStderr stderr;

    HostOpsConsole(GlobalOptions global, String command, PrintWriter out, PrintWriter err) {
        this.global = global;
        this.out = out;
        this.stderr = new OpsStderr(command, err);
    }

    /**
     * Whether the command is for the application's hosts: --only says so, or the application
     * has hosts and no workload. An application with both needs --only (one part at a time).
     */
    static boolean forHosts(GlobalOptions global, String appName, String only) {
        Part part = part(only);
        Application app = global.application(appName);
        if (part != null) {
            if (part == Part.HOSTS && app.hostService() == null) {
                throw new BadInputException("application '" + appName + "' has no hosts part (--only hosts)");
            }
            return part == Part.HOSTS;
        }
        if (app.hostService() != null && app.workload() != null) {
            throw new BadInputException("application '" + appName + "' has a workload and hosts: pass --only workload or --only hosts");
        }
        return app.hostService() != null;
    }

    static Part part(String only) {
        if (only == null) {
            return null;
        }
        return switch (only.toLowerCase(Locale.ROOT)) {
            case "hosts" -> Part.HOSTS;
            case "workload" -> Part.WORKLOAD;
            default -> throw new BadInputException("--only must be hosts or workload, not '" + only + "'");
        };
    }

    int deploy(String envName, String appName, Path artifact, String version, String releaseId, String reason,
               boolean yes, String confirm, boolean breakLock) {
        if (artifact == null || version == null) {
            throw new BadInputException("a host deploy needs --artifact PATH and --version V");
        }
        if (global.application(appName).hostService() == null) {
            throw new BadInputException("application '" + appName + "' has no hosts part: --artifact deploys to hosts");
        }
        return run(envName, appName, yes, confirm, "deploy " + version + " of " + appName, (ctx) ->
                new HostDeployPlanner(ctx.hosts.releases(), ctx.engine.operator()).plan(new HostDeployRequest(envName,
                        ctx.app, ctx.env.hosts(), artifact.toAbsolutePath(), version, releaseId, reason, breakLock)));
    }

    int rollback(String envName, String appName, String toRelease, String reason, boolean yes, String confirm, boolean breakLock) {
        return run(envName, appName, yes, confirm, "roll back " + appName, (ctx) ->
                new HostRollbackPlanner(ctx.hosts.releases(), ctx.engine.operator()).plan(new HostRollbackRequest(envName,
                        ctx.app, ctx.env.hosts(), toRelease, reason, breakLock)));
    }

    private record Context(Environment env, Application app, HostGateway hosts, OperationEngine engine) {}

    private int run(String envName, String appName, boolean yes, String confirm, String what, Function<Context, HostOperation> planner) {
        Environment env = global.environment(envName);
        Application app = global.application(appName);
        try {
            Guardrails.check(env, what, confirm);
            AppServices services = global.services();
            try (HostGateway hosts = services.hosts().get()) {
                HistoryStore history = null;
                try {
                    history = services.history().get();
                    OperationEngine engine = new OperationEngine(history);
                    try (HostOperation op = planner.apply(new Context(env, app, hosts, engine))) {
                        List<String> unreachable = op.fleet().inspect();
                        String plan = describe(op);
                        if (!yes && !env.name().equals(confirm)) {
                            return stderr.bad("would " + what + " on " + plan
                                    + (unreachable.isEmpty() ? "" : "; not reachable now: " + String.join("; ", unreachable))
                                    + "; pass --yes to do it (nothing was changed)");
                        }
                        stderr.progress(what + " on " + plan);
                        HostOperation.Result result = op.run(engine, new Progress(), CancelSignal.none());
                        for (HostFleet.HostOutcome host : result.hosts()) {
                            out.println("  " + host.describe());
                        }
                        long id = result.operation().operationId();
                        if (result.operation().outcome() == Outcome.SUCCEEDED) {
                            out.println(what + ": done, every host verified (operation " + id + ")");
                            out.flush();
                            return ExitCodes.DONE;
                        }
                        out.println(what + ": " + result.operation().outcome().name().toLowerCase(Locale.ROOT)
                                + (result.operation().failure() == null ? "" : " at " + firstLine(result.operation().failure()))
                                + switchedBack(result) + " (operation " + id + ")");
                        out.flush();
                        return ExitCodes.FAILED;
                    }
                } finally {
                    if (history != null) {
                        history.close();
                    }
                }
            }
        } catch (OpsInputException e) {
            return stderr.bad(e.getMessage() + (e.getMessage().contains("nothing was changed") ? "" : " (nothing was changed)"));
        }
    }

    private static String describe(HostOperation op) {
        StringBuilder s = new StringBuilder();
        for (HostFleet.Host h : op.fleet().hosts()) {
            if (!s.isEmpty()) {
                s.append(", ");
            }
            s.append(h.alias()).append(h.read() == null ? " (not read)" : " (on " + (h.from() == null ? "nothing yet" : h.from())
                    + (h.target() == null ? "" : " -> " + h.target()) + ")");
        }
        s.append("; batches ").append(String.join(" | ", op.batches().stream().map(b -> String.join(", ", b)).toList()));
        return s.toString();
    }

    private static String switchedBack(HostOperation.Result result) {
        List<String> back = result.hosts().stream().filter(h -> h.note() != null && h.note().startsWith("switched back"))
                .map(HostFleet.HostOutcome::alias).toList();
        return back.isEmpty() ? "" : "; switched back: " + String.join(", ", back);
    }

    private static String firstLine(String s) {
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }

    /** Each step on stderr as it ends. */
    private final class Progress implements OperationListener {
        @Override
        public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
            stderr.step(step, status, output);
        }
    }
}
