package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.hosts.releases.CommandResult;
import dev.wheelhouse.core.hosts.releases.HostReleases;
import dev.wheelhouse.core.hosts.releases.LockAttempt;
import dev.wheelhouse.core.hosts.releases.ReleaseGateway;
import dev.wheelhouse.core.hosts.releases.ReleaseHost;
import dev.wheelhouse.core.hosts.releases.ReleaseLogEntry;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.StepResult;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The hosts of one operation and what is known of each: its connection, the release it was on,
 * the one it should end on, whether the switch happened, why it failed. Steps run one at a time
 * on the engine's thread and update it; the summary says where every host ended.
 */
public final class HostFleet implements AutoCloseable {
    /** Long enough for a service restart; a restart that takes longer is a failure to look at. */
    static final Duration RESTART_TIMEOUT = Duration.ofMinutes(2);

    /** One host: mutable, touched only by the engine's thread (and read after it ends). */
    public static final class Host {
        final HostRef ref;
        ReleaseHost connection;
        HostReleases read;
        String from;
        String target;
        String now;
        boolean switched;
        boolean switchUncertain;
        boolean locked;
        boolean switchedBack;
        String failure;

        Host(HostRef ref) {
            this.ref = ref;
        }

        public String alias() {
            return ref.alias();
        }

        public HostReleases read() {
            return read;
        }

        public String from() {
            return from;
        }

        public String target() {
            return target;
        }

        public boolean failed() {
            return failure != null;
        }
    }

    /** Where a host ended: on which release (null = unknown) and what happened on the way. */
    public record HostOutcome(String alias, String from, String now, String note) {
        public String describe() {
            return alias + ": " + (now == null ? "release unknown" : "on " + now) + (note == null || note.isBlank() ? "" : " (" + note + ")");
        }
    }

    private final ReleaseGateway gateway;
    private final String deployRoot;
    private final String operator;
    private final Map<String, Host> hosts = new LinkedHashMap<>();
    private boolean inspected;
    private java.util.function.Consumer<Host> onRead = h -> { };

    HostFleet(ReleaseGateway gateway, String deployRoot, String operator, List<HostRef> refs) {
        this.gateway = gateway;
        this.deployRoot = deployRoot;
        this.operator = operator;
        refs.forEach(r -> hosts.put(r.alias(), new Host(r)));
    }

    public List<Host> hosts() {
        return List.copyOf(hosts.values());
    }

    Host host(String alias) {
        return hosts.get(alias);
    }

    String operator() {
        return operator;
    }

    ReleaseHost connection(Host h) throws IOException {
        if (h.connection == null) {
            h.connection = gateway.open(h.ref, deployRoot);
        }
        return h.connection;
    }

    private void drop(Host h) {
        if (h.connection != null) {
            h.connection.close();
            h.connection = null;
        }
    }

    /** What the planner works out from each host's releases once read (a rollback's target). */
    void onRead(java.util.function.Consumer<Host> action) {
        this.onRead = action;
    }

    /** Whether {@link #inspect()} has run. */
    public boolean inspected() {
        return inspected;
    }

    /**
     * Blocking: connects to every host and reads its releases. Returns the problems, one per
     * host that could not be read (the others are read).
     */
    public List<String> inspect() {
        inspected = true;
        List<String> problems = new ArrayList<>();
        for (Host h : hosts.values()) {
            try {
                h.read = connection(h).read();
                h.from = h.read.current();
                h.now = h.from;
                onRead.accept(h);
            } catch (IOException | RuntimeException e) {
                drop(h);
                problems.add(h.alias() + ": " + message(e));
            }
        }
        return problems;
    }

    /** Takes every host's lock (breaking a held one if asked); the first host held by someone else fails the step. */
    StepResult lockAll(String operation, boolean breakLock) throws IOException {
        List<String> lines = new ArrayList<>();
        for (Host h : hosts.values()) {
            ReleaseHost c = connection(h);
            LockAttempt attempt = c.lock(operator, operation);
            if (!attempt.taken() && breakLock) {
                String holder = attempt.holder().describe(Instant.now());
                c.breakLock();
                c.record(new ReleaseLogEntry(null, null, operator, Instant.now(), ReleaseLogEntry.BREAK_LOCK, "held by " + holder));
                lines.add(h.alias() + ": broke the lock held by " + holder);
                attempt = c.lock(operator, operation);
            }
            if (!attempt.taken()) {
                return StepResult.failed(h.alias() + ": locked by " + attempt.holder().describe(Instant.now())
                        + (lines.isEmpty() ? "" : "; " + String.join("; ", lines)) + " (nothing was changed; break a stale lock with confirmation)");
            }
            h.locked = true;
            lines.add(h.alias() + ": locked");
        }
        return StepResult.ok(String.join("; ", lines));
    }

    /** Releases the locks this operation holds; a host that cannot be reached keeps its lock, and the output says so. */
    String unlockAll() {
        List<String> lines = new ArrayList<>();
        for (Host h : hosts.values()) {
            if (!h.locked) {
                continue;
            }
            try {
                connection(h).unlock(operator);
                h.locked = false;
                lines.add(h.alias() + ": unlocked");
            } catch (IOException | RuntimeException e) {
                drop(h);
                lines.add(h.alias() + ": lock left in place (" + message(e) + ")");
            }
        }
        return String.join("; ", lines);
    }

    /**
     * Switches a host and knows where it is afterwards: if the connection is lost during the
     * switch, the rename either happened or not (it is atomic), so the host is re-read once;
     * unreachable, it is on {@code from} or {@code to} and the output says both.
     */
    StepResult switchHost(Host h, String to, String what) {
        try {
            connection(h).switchTo(to);
            h.now = to;
            return StepResult.ok(h.alias() + ": " + what + " " + to + " (current -> releases/" + to + ")");
        } catch (IOException | RuntimeException e) {
            drop(h);
            String reread = reread(h);
            if (reread != null) {
                h.now = reread;
                return StepResult.failed(h.alias() + ": " + message(e) + "; read again: on " + reread);
            }
            h.now = null;
            h.switchUncertain = true;
            return StepResult.failed(h.alias() + ": " + message(e) + "; unreachable, so it is on either "
                    + h.from + " or " + to + ", never between (the switch is one atomic rename)");
        }
    }

    /** One more connection to read current, after a failure; null if the host cannot be reached. */
    String reread(Host h) {
        try {
            return connection(h).current();
        } catch (IOException | RuntimeException e) {
            drop(h);
            return null;
        }
    }

    /** Restarts with the configured command, then runs the health command until it passes or its tries run out. */
    StepResult restartAndCheck(Host h, Application.HostService service, CancelSignal cancel) throws IOException, InterruptedException {
        ReleaseHost c = connection(h);
        String restarted = "no restart command configured";
        if (service.restartCommand() != null && !service.restartCommand().isBlank()) {
            CommandResult r = c.run(service.restartCommand(), RESTART_TIMEOUT);
            if (!r.ok()) {
                return StepResult.failed(h.alias() + ": restart failed (" + r.describe() + ")");
            }
            restarted = "restarted";
        }
        if (service.healthCommand() == null || service.healthCommand().isBlank()) {
            return StepResult.ok(h.alias() + ": " + restarted + "; no health command configured");
        }
        Application.HealthCheck check = service.effectiveHealthCheck();
        CommandResult last = null;
        for (int attempt = 1; attempt <= check.retries(); attempt++) {
            last = c.run(service.healthCommand(), Duration.ofSeconds(check.timeoutSeconds()));
            if (last.ok()) {
                return StepResult.ok(h.alias() + ": " + restarted + "; healthy (try " + attempt + " of " + check.retries() + ")");
            }
            if (cancel.isCancelled()) {
                break;
            }
            if (attempt < check.retries()) {
                Thread.sleep(check.intervalSeconds() * 1000L);
            }
        }
        return StepResult.failed(h.alias() + ": " + restarted + "; health check failed " + check.retries() + " times, last: "
                + (last == null ? "not run" : last.describe()));
    }

    /** Appends to the host's release log; a host that cannot be reached is noted, not fatal. */
    String record(Host h, String release, String version, String action, String result) {
        try {
            connection(h).record(new ReleaseLogEntry(release, version, operator, Instant.now(), action, result));
            return "";
        } catch (IOException | RuntimeException e) {
            drop(h);
            return " (release log not written: " + message(e) + ")";
        }
    }

    /** Runs a host's part of a step: an exception fails the host (and the step) with its message. */
    StepResult forHost(Host h, HostAction action) {
        try {
            StepResult r = action.run();
            if (r.status() == dev.wheelhouse.core.history.StepStatus.FAILED && h.failure == null) {
                h.failure = r.output();
            }
            return r;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            h.failure = h.alias() + ": interrupted";
            return StepResult.failed(h.failure);
        } catch (IOException | RuntimeException e) {
            drop(h);
            h.failure = h.alias() + ": " + message(e);
            return StepResult.failed(h.failure);
        }
    }

    @FunctionalInterface
    interface HostAction {
        StepResult run() throws IOException, InterruptedException;
    }

    /** The versions (or release ids, where no version is recorded) the hosts were on, distinct, or null before they were read. */
    String fromVersions() {
        List<String> seen = new ArrayList<>();
        for (Host h : hosts.values()) {
            if (h.read == null || h.from == null) {
                continue;
            }
            String v = h.read.currentVersion() != null ? h.read.currentVersion() : h.from;
            if (!seen.contains(v)) {
                seen.add(v);
            }
        }
        return seen.isEmpty() ? null : String.join(",", seen);
    }

    /** The versions of the releases the hosts go to, distinct, or null while unknown. */
    String targetVersions() {
        List<String> seen = new ArrayList<>();
        for (Host h : hosts.values()) {
            if (h.read == null || h.target == null) {
                continue;
            }
            String v = h.read.release(h.target).map(r -> r.version() == null ? h.target : r.version()).orElse(h.target);
            if (!seen.contains(v)) {
                seen.add(v);
            }
        }
        return seen.isEmpty() ? null : String.join(",", seen);
    }

    public List<HostOutcome> outcomes() {
        List<HostOutcome> out = new ArrayList<>();
        for (Host h : hosts.values()) {
            String note;
            if (h.switchUncertain) {
                note = "unreachable: on " + h.from + " or " + h.target + ", never between";
            } else if (h.switchedBack) {
                note = "switched back from " + h.target;
            } else if (h.failure != null) {
                note = "failed: " + h.failure.replaceFirst("^" + java.util.regex.Pattern.quote(h.alias()) + ": ", "");
            } else if (h.switched) {
                note = h.from == null ? "first release" : "was " + h.from;
            } else {
                note = "not switched";
            }
            out.add(new HostOutcome(h.alias(), h.from, h.now, note));
        }
        return out;
    }

    static String message(Throwable e) {
        String m = e.getMessage();
        return m == null || m.isBlank() ? e.getClass().getSimpleName() : m;
    }

    @Override
    public void close() {
        unlockAll();
        hosts.values().forEach(this::drop);
    }
}
