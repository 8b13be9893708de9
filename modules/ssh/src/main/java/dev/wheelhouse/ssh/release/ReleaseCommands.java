package dev.wheelhouse.ssh.release;

import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.ssh.remote.ShellQuote;
import java.util.ArrayList;
import java.util.List;

/**
 * The remote commands of the release layout. Each is {@code sh -c 'SCRIPT' wheelhouse ARG...}:
 * the script is a constant of this class and every value (deploy root, release id, command,
 * log line) travels as a positional argument, single-quoted, so no value is ever parsed as
 * shell. Release ids are checked against the workspace rule again here, the last gate before
 * a host.
 */
final class ReleaseCommands {
    /** Marks the sections of {@link #read}'s output. */
    static final String CURRENT = "@@current";
    static final String RELEASES = "@@releases";
    static final String LOCK = "@@lock";
    static final String LOG = "@@log";
    static final String DF = "@@df";
    static final String HELD = "held";
    static final String TAKEN = "taken";

    /** How many lines of the release log are read back (the newest ones). */
    static final int LOG_LINES = 5000;

    private ReleaseCommands() {}

    static String read(String root) {
        return sh("""
                r=$1
                echo @@current; readlink -- "$r/current" 2>/dev/null
                echo @@releases; ls -1t -- "$r/releases" 2>/dev/null
                echo @@lock; if [ -d "$r/.wheelhouse/lock" ]; then echo held; cat -- "$r/.wheelhouse/lock/info" 2>/dev/null; fi
                echo @@log; tail -n "$2" -- "$r/.wheelhouse/releases.log" 2>/dev/null
                echo @@df; d=$r; while [ ! -d "$d" ]; do d=$(dirname -- "$d"); done; df -Pk -- "$d" | tail -n 1
                exit 0""", root, Integer.toString(LOG_LINES));
    }

    static String current(String root) {
        return sh("readlink -- \"$1/current\" || true", root);
    }

    /** Makes the layout's directories, then mkdir's the lock (atomic: only one mkdir succeeds). */
    static String lock(String root, String owner, long epochSeconds, String operation) {
        return sh("""
                r=$1
                mkdir -p -- "$r/releases" "$r/shared" "$r/.wheelhouse" || exit 1
                if mkdir -- "$r/.wheelhouse/lock" 2>/dev/null; then
                  printf '%s\\n' "$2" "$3" "$4" > "$r/.wheelhouse/lock/info" && echo taken
                else
                  echo held; cat -- "$r/.wheelhouse/lock/info" 2>/dev/null; exit 0
                fi""", root, oneLine(owner), Long.toString(epochSeconds), oneLine(operation));
    }

    /** Removes the lock only if its first line is this owner. */
    static String unlock(String root, String owner) {
        return sh("""
                l=$1/.wheelhouse/lock
                [ -d "$l" ] || { echo free; exit 0; }
                if [ "$(head -n 1 -- "$l/info" 2>/dev/null)" = "$2" ]; then rm -rf -- "$l" && echo released; else echo other; fi""",
                root, oneLine(owner));
    }

    static String breakLock(String root) {
        return sh("rm -rf -- \"$1/.wheelhouse/lock\"", root);
    }

    /** The hidden directory an upload goes into before it is checked. */
    static String partial(String root, String releaseId) {
        return root + "/releases/." + id(releaseId) + ".partial";
    }

    /** Refuses an id already there; clears a leftover partial upload; makes releases/. */
    static String prepareUpload(String root, String releaseId) {
        return sh("""
                r=$1
                [ -e "$r/releases/$2" ] && { echo "release $2 is already on this host" >&2; exit 3; }
                mkdir -p -- "$r/releases" && rm -rf -- "$r/releases/.$2.partial\"""", root, id(releaseId));
    }

    /**
     * Checks the upload's SHA-256 on the host and only then renames it into place. A file:
     * sha256sum of it. A directory: the SHA-256 of its files' "sha256  ./path" lines sorted by
     * path (what {@link ArtifactDigest} computes here). Prints the host's checksum.
     */
    static String verifyAndPlace(String root, String releaseId, String fileName, String sha256) {
        return sh("""
                r=$1; p="$r/releases/.$2.partial"
                cd -- "$p" || exit 1
                if [ -n "$3" ]; then s=$(sha256sum -- "$3" | cut -d ' ' -f 1)
                else s=$(find . -type f -exec sha256sum -- {} + | LC_ALL=C sort -k 2 | sha256sum | cut -d ' ' -f 1); fi
                echo "$s"
                [ "$s" = "$4" ] || { echo "checksum mismatch: the host has $s, expected $4" >&2; exit 4; }
                cd / && mv -T -- "$p" "$r/releases/$2\"""", root, id(releaseId), fileName == null ? "" : fileName, sha256);
    }

    /** Links each shared path into the release, replacing what the artifact had there. */
    static String linkShared(String root, String releaseId, List<String> paths) {
        List<String> args = new ArrayList<>(List.of(root, id(releaseId)));
        args.addAll(paths);
        return sh("""
                r=$1; rel="$r/releases/$2"; shift 2
                [ -d "$rel" ] || { echo "no release directory $rel" >&2; exit 3; }
                for p in "$@"; do
                  mkdir -p -- "$(dirname -- "$r/shared/$p")" && { [ -e "$r/shared/$p" ] || mkdir -p -- "$r/shared/$p"; } &&
                  mkdir -p -- "$(dirname -- "$rel/$p")" && rm -rf -- "$rel/$p" && ln -s -- "$r/shared/$p" "$rel/$p" || exit 1
                done""", args.toArray(String[]::new));
    }

    /** A new relative link renamed over current: rename(2) is atomic, so the host is on one release or the other. */
    static String switchTo(String root, String releaseId) {
        return sh("""
                r=$1
                [ -d "$r/releases/$2" ] || { echo "no release $2 on this host" >&2; exit 3; }
                rm -f -- "$r/.current.next" && ln -s -- "releases/$2" "$r/.current.next" &&
                mv -T -- "$r/.current.next" "$r/current" && readlink -- "$r/current\"""", root, id(releaseId));
    }

    /** A configured command, in the current release, under timeout(1) where the host has it. */
    static String run(String root, String command, long timeoutSeconds) {
        return sh("""
                cd -- "$1/current" || exit 125
                if command -v timeout >/dev/null 2>&1; then exec timeout -k 5 "$2" sh -c "$3" 2>&1; fi
                exec sh -c "$3" 2>&1""", root, Long.toString(timeoutSeconds), command);
    }

    static String record(String root, String jsonLine) {
        return sh("mkdir -p -- \"$1/.wheelhouse\" && printf '%s\\n' \"$2\" >> \"$1/.wheelhouse/releases.log\"", root, oneLine(jsonLine));
    }

    /** Deletes release directories, refusing the one current points at. */
    static String delete(String root, List<String> releaseIds) {
        List<String> args = new ArrayList<>(List.of(root));
        releaseIds.forEach(id -> args.add(id(id)));
        return sh("""
                r=$1; c=$(readlink -- "$r/current"); shift
                for id in "$@"; do
                  [ "$c" = "releases/$id" ] && { echo "refusing to delete the current release $id" >&2; exit 3; }
                  rm -rf -- "$r/releases/$id" || exit 1
                done""", args.toArray(String[]::new));
    }

    /** {@code sh -c 'SCRIPT' wheelhouse 'ARG1' 'ARG2' ...}; "wheelhouse" is $0. */
    static String sh(String script, String... args) {
        StringBuilder s = new StringBuilder("sh -c ").append(ShellQuote.quote(script)).append(" wheelhouse");
        for (String arg : args) {
            s.append(' ').append(ShellQuote.quote(arg));
        }
        return s.toString();
    }

    static String id(String releaseId) {
        WorkspaceRules.releaseIdProblem(releaseId).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        return releaseId;
    }

    private static String oneLine(String value) {
        return value == null ? "" : value.replace('\n', ' ').replace('\r', ' ');
    }
}
