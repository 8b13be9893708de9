package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.hosts.releases.HostReleases;
import dev.wheelhouse.core.hosts.releases.Release;
import dev.wheelhouse.core.hosts.releases.ReleaseGateway;
import dev.wheelhouse.core.hosts.releases.ReleaseLogEntry;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Plans a rollback on hosts: preflight (each host's target: the chosen release, else its
 * previous good one), lock, then batch by batch each host's switch and restart with health
 * check, a verdict after each batch, and at the end the abandoned releases marked bad, the
 * release log and the locks. A stopped rollback leaves each host where it is and says where:
 * switching a host back onto the release being abandoned would undo the point of it.
 */
public final class HostRollbackPlanner {
    private final ReleaseGateway gateway;
    private final String operator;

    public HostRollbackPlanner(ReleaseGateway gateway, String operator) {
        this.gateway = gateway;
        this.operator = operator;
    }

    /** The release a host goes back to: the chosen one, else its previous good release. */
    public static Optional<Release> target(HostReleases host, String toRelease) {
        if (toRelease != null) {
            return host.release(toRelease);
        }
        return host.previousGood();
    }

    /** Throws {@link HostOperationRefused} for bad input; nothing has reached a host then. */
    public HostOperation plan(HostRollbackRequest request) {
        Application app = request.application();
        Application.HostService service = HostOperationRefused.checkedHostService(app);
        if (request.toRelease() != null) {
            WorkspaceRules.releaseIdProblem(request.toRelease()).ifPresent(p -> {
                throw new HostOperationRefused(p);
            });
        }
        if (request.hosts().isEmpty()) {
            throw new HostOperationRefused("environment '" + request.environment() + "' has no hosts");
        }
        HostFleet fleet = new HostFleet(gateway, service.deployRoot(), operator, request.hosts());
        List<List<HostRef>> batches = HostBatches.split(request.hosts(), service.effectiveBatches());
        int maxFailed = service.effectiveBatches().maxFailedPercent();
        AtomicBoolean stopped = new AtomicBoolean();
        fleet.onRead(h -> h.target = target(h.read(), request.toRelease()).map(Release::id).orElse(null));

        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.of(StepPhase.PREFLIGHT, cancel -> {
            List<String> unreachable = fleet.inspect();
            if (!unreachable.isEmpty()) {
                return StepResult.failed("not reachable: " + String.join("; ", unreachable) + " (nothing was changed)");
            }
            List<String> lines = new ArrayList<>();
            lines.add("batches " + HostDeployPlanner.describe(batches) + "; a batch stops the rollback when more than " + maxFailed + "% of it fails");
            for (HostFleet.Host h : fleet.hosts()) {
                HostReleases r = h.read();
                if (r.lock() != null && !request.breakLock()) {
                    return StepResult.failed(h.alias() + ": locked by " + r.lock().describe(Instant.now())
                            + " (nothing was changed; break a stale lock with confirmation)");
                }
                Optional<Release> to = target(r, request.toRelease());
                if (to.isEmpty()) {
                    return StepResult.failed(h.alias() + ": " + (request.toRelease() == null
                            ? "no good release before " + r.current() + " to go back to"
                            : "has no release " + request.toRelease() + " (it has " + String.join(", ",
                                    r.releases().stream().map(Release::id).toList()) + ")") + " (nothing was changed)");
                }
                lines.add(h.alias() + ": " + (r.current() == null ? "no current release" : r.current()
                        + (r.currentVersion() == null ? "" : " (" + r.currentVersion() + ")")) + " -> " + h.target
                        + (to.get().version() == null ? "" : " (" + to.get().version() + ")")
                        + (to.get().bad() ? ", marked bad before" : "")
                        + (h.target.equals(r.current()) ? ", already there" : ""));
            }
            return StepResult.ok(String.join("\n", lines));
        }));
        steps.add(PlannedStep.of(StepPhase.LOCK, cancel -> fleet.lockAll("rollback", request.breakLock())));

        for (int b = 0; b < batches.size(); b++) {
            String label = "batch " + (b + 1) + "/" + batches.size();
            List<HostRef> batch = batches.get(b);
            for (HostRef ref : batch) {
                HostFleet.Host h = fleet.host(ref.alias());
                steps.add(PlannedStep.tolerated(label + " " + h.alias() + ": switch", StepPhase.EXECUTE, cancel -> {
                    if (stopped.get() || h.failed()) {
                        return StepResult.skipped(stopped.get() ? "the rollback stopped" : "the host failed before");
                    }
                    if (h.target.equals(h.from)) {
                        return StepResult.skipped(h.alias() + ": already on " + h.target);
                    }
                    return fleet.forHost(h, () -> {
                        h.switched = true;
                        StepResult r = fleet.switchHost(h, h.target, "switched back to");
                        if (r.status() == StepStatus.FAILED && h.from != null && h.from.equals(h.now)) {
                            h.switched = false;
                        }
                        return r;
                    });
                }));
                steps.add(PlannedStep.tolerated(label + " " + h.alias() + ": restart and health check", StepPhase.VERIFY, cancel -> {
                    if (stopped.get() || h.failed()) {
                        return StepResult.skipped(stopped.get() ? "the rollback stopped" : "the host failed before");
                    }
                    if (!h.switched) {
                        return StepResult.skipped(h.alias() + ": not switched");
                    }
                    return fleet.forHost(h, () -> fleet.restartAndCheck(h, service, cancel));
                }));
            }
            steps.add(new PlannedStep(label + ": verdict", StepPhase.VERIFY,
                    cancel -> HostDeployPlanner.verdict(label, batch, fleet, maxFailed, stopped)));
        }

        steps.add(new PlannedStep("mark bad", StepPhase.RECORD, cancel -> {
            List<String> lines = new ArrayList<>();
            for (HostFleet.Host h : fleet.hosts()) {
                if (!h.switched || h.failed() || h.from == null) {
                    if (h.switched && h.failed()) {
                        lines.add(h.alias() + fleet.record(h, h.target, version(h, h.target), ReleaseLogEntry.ROLLBACK,
                                "failed: " + HostDeployPlanner.oneLine(h.failure)) + ": rollback failed, on " + h.now);
                    }
                    continue;
                }
                String logged = fleet.record(h, h.target, version(h, h.target), ReleaseLogEntry.ROLLBACK, "ok, from " + h.from)
                        + fleet.record(h, h.from, version(h, h.from), ReleaseLogEntry.MARK_BAD, "rolled back to " + h.target);
                lines.add(h.alias() + ": " + h.from + " marked bad" + logged);
            }
            return lines.isEmpty() ? StepResult.skipped("no host was rolled back") : StepResult.ok(String.join("\n", lines));
        }));
        steps.add(new PlannedStep("record", StepPhase.RECORD, cancel -> {
            String unlocked = fleet.unlockAll();
            List<String> lines = new ArrayList<>();
            fleet.outcomes().forEach(o -> lines.add(o.describe()));
            lines.add(unlocked);
            return StepResult.ok(String.join("\n", lines));
        }));
        return new HostOperation(OperationKind.ROLLBACK, request.environment(), app.name(),
                HostDeployPlanner.target(request.hosts(), service), null, request.reason(), steps, fleet,
                HostDeployPlanner.aliases(batches));
    }

    private static String version(HostFleet.Host h, String release) {
        return h.read() == null || release == null ? null : h.read().release(release).map(Release::version).orElse(null);
    }
}
