package dev.wheelhouse.core.hosts.releases;

import java.time.Instant;

/**
 * One line of a host's release log: which release (and version), who, when, what was done and
 * how it ended. Actions: deploy, rollback, switch-back, mark-bad, break-lock.
 */
public record ReleaseLogEntry(String release, String version, String who, Instant when, String action, String result) {
    public static final String DEPLOY = "deploy";
    public static final String ROLLBACK = "rollback";
    public static final String SWITCH_BACK = "switch-back";
    public static final String MARK_BAD = "mark-bad";
    public static final String BREAK_LOCK = "break-lock";
}
