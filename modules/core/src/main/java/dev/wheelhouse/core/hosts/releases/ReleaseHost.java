package dev.wheelhouse.core.hosts.releases;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * One host's release layout under a deploy root, over a live connection:
 * <pre>
 * DEPLOY_ROOT/releases/RELEASE_ID/     one directory per release
 * DEPLOY_ROOT/current -&gt; releases/ID   switched atomically (a new link renamed over it)
 * DEPLOY_ROOT/shared/                  paths linked into every release
 * DEPLOY_ROOT/.wheelhouse/releases.log JSON lines: release, version, who, when, action, result
 * DEPLOY_ROOT/.wheelhouse/lock/        taken with an atomic mkdir; owner and time inside
 * </pre>
 * Every method is blocking and throws {@link IOException} when the connection is lost or a
 * remote command fails, with a message that names the host.
 */
public interface ReleaseHost extends AutoCloseable {

    String alias();

    String deployRoot();

    /** The releases present, the current one, the lock and the free space, read in one go. */
    HostReleases read() throws IOException;

    /** The id of the release {@code current} points to, or null when there is none yet. */
    String current() throws IOException;

    /** Creates the layout's directories (idempotent), then takes the lock or says who holds it. */
    LockAttempt lock(String owner, String operation) throws IOException;

    /** Releases the lock if {@code owner} holds it; false if someone else does (then it is left alone). */
    boolean unlock(String owner) throws IOException;

    /** Removes the lock whoever holds it (the user confirmed it is stale). */
    void breakLock() throws IOException;

    /**
     * Uploads a file (into the release directory, under its own name) or a directory (its
     * contents become the release directory) by SFTP into a temporary directory, checks its
     * SHA-256 on the host against {@code sha256} and only then renames it to
     * {@code releases/RELEASE_ID}. A release id already present is refused.
     */
    void upload(Path artifact, String releaseId, String sha256) throws IOException;

    /** Links each shared path into the release (creating an empty shared directory for a path not there yet). */
    void linkShared(String releaseId, List<String> sharedPaths) throws IOException;

    /** Points {@code current} at the release with a new link renamed over it: the host is on the old or the new release, never between. */
    void switchTo(String releaseId) throws IOException;

    /** Runs a configured command (restart, health) in the current release's directory, bounded by the timeout. */
    CommandResult run(String command, Duration timeout) throws IOException;

    /** Appends one line to the release log. */
    void record(ReleaseLogEntry entry) throws IOException;

    /** Deletes the given releases' directories; refuses the current one. */
    void delete(List<String> releaseIds) throws IOException;

    @Override
    void close();
}
