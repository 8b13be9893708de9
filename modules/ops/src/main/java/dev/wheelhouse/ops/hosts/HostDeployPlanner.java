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
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;

/**
 * Plans a deploy to hosts: preflight, lock, then batch by batch each host's upload (checked by
 * SHA-256), switch and restart with health check, a verdict after each batch, and at the end
 * (whatever happened) switch-back of the hosts a stopped deploy had switched, pruning of old
 * releases, the release log and the locks. Bad input is refused here, before any host is touched.
 */
public final class HostDeployPlanner {
    static final DateTimeFormatter ID_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    /** Room left over beyond the artifact itself: a host that full is in no state for a deploy. */
    static final long SPARE_BYTES = 1024L * 1024;

    private final ReleaseGateway gateway;
    private final String operator;

    public HostDeployPlanner(ReleaseGateway gateway, String operator) {
        this.gateway = gateway;
        this.operator = operator;
    }

    /** The release id a deploy gets when none is given: UTC time then version, so ids sort by age. */
    public static String releaseId(Instant when, String version) {
        return ID_TIME.format(when) + "-" + version;
    }

    /** Throws {@link HostOperationRefused} for bad input; nothing has reached a host then. */
    public HostOperation plan(HostDeployRequest request) {
        Application app = request.application();
        Application.HostService service = HostOperationRefused.checkedHostService(app);
        WorkspaceRules.versionProblem(request.version()).ifPresent(p -> {
            throw new HostOperationRefused(p);
        });
        String releaseId = request.releaseId() == null ? releaseId(Instant.now(), request.version()) : request.releaseId();
        WorkspaceRules.releaseIdProblem(releaseId).ifPresent(p -> {
            throw new HostOperationRefused(p + (request.releaseId() == null ? " (the version is too long for a release id: give one)" : ""));
        });
        if (request.hosts().isEmpty()) {
            throw new HostOperationRefused("environment '" + request.environment() + "' has no hosts");
        }
        Path artifact = request.artifact();
        if (artifact == null || !(Files.isRegularFile(artifact) || Files.isDirectory(artifact))) {
            throw new HostOperationRefused("artifact " + artifact + " is not a file or directory here");
        }
        long size;
        try {
            size = sizeOf(artifact);
        } catch (IOException e) {
            throw new HostOperationRefused("artifact " + artifact + " cannot be read: " + e.getMessage());
        }

        HostFleet fleet = new HostFleet(gateway, service.deployRoot(), operator, request.hosts());
        fleet.hosts().forEach(h -> h.target = releaseId);
        List<List<HostRef>> batches = HostBatches.split(request.hosts(), service.effectiveBatches());
        int maxFailed = service.effectiveBatches().maxFailedPercent();
        AtomicReference<String> checksum = new AtomicReference<>();
        AtomicBoolean stopped = new AtomicBoolean();
        String version = request.version();

        List<PlannedStep> steps = new ArrayList<>();
        steps.add(PlannedStep.of(StepPhase.PREFLIGHT, cancel -> {
            String sum = gateway.checksum(artifact);
            checksum.set(sum);
            List<String> unreachable = fleet.inspect();
            if (!unreachable.isEmpty()) {
                return StepResult.failed("not reachable: " + String.join("; ", unreachable) + " (nothing was changed)");
            }
            List<String> lines = new ArrayList<>();
            lines.add("artifact " + artifact.getFileName() + " (" + size + " bytes, sha256 " + sum + "); release " + releaseId
                    + "; keep " + service.effectiveKeepReleases() + " releases; batches " + describe(batches)
                    + "; a batch stops the deploy when more than " + maxFailed + "% of it fails");
            for (HostFleet.Host h : fleet.hosts()) {
                HostReleases r = h.read();
                if (r.release(releaseId).isPresent()) {
                    return StepResult.failed(h.alias() + ": release " + releaseId + " is already there (nothing was changed)");
                }
                long needed = size + size / 10 + SPARE_BYTES;
                if (r.freeBytes() >= 0 && r.freeBytes() < needed) {
                    return StepResult.failed(h.alias() + ": only " + r.freeBytes() / 1024 + " KiB free under " + service.deployRoot()
                            + ", " + needed / 1024 + " KiB needed (nothing was changed)");
                }
                if (r.lock() != null && !request.breakLock()) {
                    return StepResult.failed(h.alias() + ": locked by " + r.lock().describe(Instant.now())
                            + " (nothing was changed; break a stale lock with confirmation)");
                }
                lines.add(h.alias() + ": on " + (r.current() == null ? "no release yet" : r.current()
                        + (r.currentVersion() == null ? "" : " (" + r.currentVersion() + ")"))
                        + ", " + (r.freeBytes() < 0 ? "free space unknown" : r.freeBytes() / (1024 * 1024) + " MiB free")
                        + (r.lock() == null ? ", lock free" : ", lock held by " + r.lock().describe(Instant.now()) + " (will be broken, as confirmed)"));
            }
            return StepResult.ok(String.join("\n", lines));
        }));
        steps.add(PlannedStep.of(StepPhase.LOCK, cancel -> fleet.lockAll("deploy " + version + " (" + releaseId + ")", request.breakLock())));

        for (int b = 0; b < batches.size(); b++) {
            String label = "batch " + (b + 1) + "/" + batches.size();
            List<HostRef> batch = batches.get(b);
            for (HostRef ref : batch) {
                HostFleet.Host h = fleet.host(ref.alias());
                steps.add(PlannedStep.tolerated(label + " " + h.alias() + ": upload", StepPhase.EXECUTE, cancel -> {
                    if (stopped.get() || h.failed()) {
                        return StepResult.skipped(stopped.get() ? "the deploy stopped" : "the host failed before");
                    }
                    return fleet.forHost(h, () -> {
                        fleet.connection(h).upload(artifact, releaseId, checksum.get());
                        fleet.connection(h).linkShared(releaseId, service.sharedPaths());
                        return StepResult.ok(h.alias() + ": uploaded to releases/" + releaseId + ", sha256 checked on the host"
                                + (service.sharedPaths().isEmpty() ? "" : "; linked " + String.join(", ", service.sharedPaths())));
                    });
                }));
                steps.add(PlannedStep.tolerated(label + " " + h.alias() + ": switch", StepPhase.EXECUTE, cancel -> {
                    if (stopped.get() || h.failed()) {
                        return StepResult.skipped(stopped.get() ? "the deploy stopped" : "the host failed before");
                    }
                    return fleet.forHost(h, () -> {
                        h.switched = true; // from here on the host may be on the new release: switch-back considers it
                        StepResult r = fleet.switchHost(h, releaseId, "switched to");
                        if (r.status() == StepStatus.FAILED && releaseIdEquals(h.from, h.now)) {
                            h.switched = false;
                        }
                        return r;
                    });
                }));
                steps.add(PlannedStep.tolerated(label + " " + h.alias() + ": restart and health check", StepPhase.VERIFY, cancel -> {
                    if (stopped.get() || h.failed()) {
                        return StepResult.skipped(stopped.get() ? "the deploy stopped" : "the host failed before");
                    }
                    StepResult r = fleet.forHost(h, () -> fleet.restartAndCheck(h, service, cancel));
                    String logged = fleet.record(h, releaseId, version, ReleaseLogEntry.DEPLOY,
                            r.status() == StepStatus.SUCCEEDED ? "ok" : "failed: " + oneLine(r.output()));
                    return new StepResult(r.status(), r.output() + logged);
                }));
            }
            steps.add(new PlannedStep(label + ": verdict", StepPhase.VERIFY, cancel -> verdict(label, batch, fleet, maxFailed, stopped)));
        }

        steps.add(new PlannedStep("switch back", StepPhase.RECORD, cancel -> switchBack(fleet, service, version, stopped, cancel)));
        steps.add(new PlannedStep("prune", StepPhase.RECORD, cancel -> prune(fleet, releaseId, service.effectiveKeepReleases())));
        steps.add(new PlannedStep("record", StepPhase.RECORD, cancel -> {
            String unlocked = fleet.unlockAll();
            List<String> lines = new ArrayList<>();
            fleet.outcomes().forEach(o -> lines.add(o.describe()));
            lines.add(unlocked);
            return StepResult.ok(String.join("\n", lines));
        }));

        return new HostOperation(OperationKind.DEPLOY, request.environment(), app.name(), target(request.hosts(), service),
                version, request.reason(), steps, fleet, aliases(batches));
    }

    private static boolean releaseIdEquals(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    /** After a batch: over the threshold, the deploy stops (and the record steps switch the switched hosts back). */
    static StepResult verdict(String label, List<HostRef> batch, HostFleet fleet, int maxFailed, AtomicBoolean stopped) {
        if (stopped.get()) {
            return StepResult.skipped("the deploy stopped");
        }
        List<String> failed = new ArrayList<>();
        for (HostRef ref : batch) {
            HostFleet.Host h = fleet.host(ref.alias());
            if (h.failed()) {
                failed.add(h.failure);
            }
        }
        String counts = failed.size() + " of " + batch.size() + " hosts failed (at most " + maxFailed + "% may)";
        if (HostBatches.overThreshold(failed.size(), batch.size(), maxFailed)) {
            stopped.set(true);
            return StepResult.failed(label + ": " + counts + ": " + String.join("; ", failed));
        }
        return StepResult.ok(label + ": " + counts + (failed.isEmpty() ? "" : ": " + String.join("; ", failed)));
    }

    /**
     * A stopped (or cancelled) deploy puts every host it switched back on the release it had;
     * a deploy that went on puts back only its failed hosts. Each is restarted on the old release.
     */
    static StepResult switchBack(HostFleet fleet, Application.HostService service, String version, AtomicBoolean stopped,
                                 CancelSignal cancel) {
        boolean all = stopped.get() || cancel.isCancelled();
        List<String> lines = new ArrayList<>();
        boolean anyFailed = false;
        for (HostFleet.Host h : fleet.hosts()) {
            if (!h.switched || !(all || h.failed()) || h.from == null) {
                if (h.switched && (all || h.failed()) && h.from == null) {
                    lines.add(h.alias() + ": had no release before, left on " + h.target);
                }
                continue;
            }
            StepResult r = fleet.switchHost(h, h.from, "switched back to");
            if (r.status() == StepStatus.SUCCEEDED) {
                h.switchedBack = true;
                h.switchUncertain = false;
                String restart = "";
                try {
                    StepResult restarted = fleet.restartAndCheck(h, new Application.HostService(service.deployRoot(),
                            service.restartCommand(), null), cancel);
                    restart = restarted.status() == StepStatus.SUCCEEDED ? ", restarted" : ", " + restarted.output();
                } catch (IOException | RuntimeException e) {
                    restart = ", restart failed: " + HostFleet.message(e);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                String logged = fleet.record(h, h.target, version, ReleaseLogEntry.SWITCH_BACK, "back on " + h.from);
                fleet.record(h, h.target, version, ReleaseLogEntry.MARK_BAD, "deploy stopped");
                lines.add(r.output() + restart + logged);
            } else {
                anyFailed = true;
                lines.add(r.output());
            }
        }
        if (lines.isEmpty()) {
            return StepResult.skipped("nothing to switch back");
        }
        return anyFailed ? StepResult.failed(String.join("\n", lines)) : StepResult.ok(String.join("\n", lines));
    }

    /** Keeps the newest N releases on each host that took the new one, never deleting current or the previous release. */
    static StepResult prune(HostFleet fleet, String releaseId, int keep) {
        List<String> lines = new ArrayList<>();
        for (HostFleet.Host h : fleet.hosts()) {
            if (!releaseId.equals(h.now) || h.failed()) {
                continue;
            }
            try {
                HostReleases r = fleet.connection(h).read();
                Set<String> kept = new HashSet<>();
                if (r.current() != null) {
                    kept.add(r.current());
                }
                if (h.from != null) {
                    kept.add(h.from);
                }
                List<String> delete = new ArrayList<>();
                for (Release release : r.releases()) {
                    if (kept.contains(release.id())) {
                        continue;
                    }
                    if (kept.size() < keep) {
                        kept.add(release.id());
                    } else {
                        delete.add(release.id());
                    }
                }
                fleet.connection(h).delete(delete);
                lines.add(h.alias() + ": " + (delete.isEmpty() ? "nothing to delete" : "deleted " + String.join(", ", delete))
                        + ", kept " + kept.size());
            } catch (IOException | RuntimeException e) {
                lines.add(h.alias() + ": old releases not pruned (" + HostFleet.message(e) + ")");
            }
        }
        return lines.isEmpty() ? StepResult.skipped("no host took the new release") : StepResult.ok(String.join("\n", lines));
    }

    static String target(List<HostRef> hosts, Application.HostService service) {
        return "hosts " + String.join(",", hosts.stream().map(HostRef::alias).toList()) + ":" + service.deployRoot();
    }

    static List<List<String>> aliases(List<List<HostRef>> batches) {
        return batches.stream().map(b -> b.stream().map(HostRef::alias).toList()).toList();
    }

    static String describe(List<List<HostRef>> batches) {
        return String.join(" | ", aliases(batches).stream().map(b -> String.join(", ", b)).toList());
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replace('\n', ' ');
    }

    private static long sizeOf(Path artifact) throws IOException {
        if (Files.isRegularFile(artifact)) {
            return Files.size(artifact);
        }
        long total = 0;
        try (Stream<Path> files = Files.walk(artifact)) {
            for (Path p : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                total += Files.size(p);
            }
        }
        return total;
    }
}
