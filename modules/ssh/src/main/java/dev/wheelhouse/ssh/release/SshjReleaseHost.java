package dev.wheelhouse.ssh.release;

import dev.wheelhouse.core.hosts.releases.CommandResult;
import dev.wheelhouse.core.hosts.releases.HostLock;
import dev.wheelhouse.core.hosts.releases.HostReleases;
import dev.wheelhouse.core.hosts.releases.LockAttempt;
import dev.wheelhouse.core.hosts.releases.Release;
import dev.wheelhouse.core.hosts.releases.ReleaseHost;
import dev.wheelhouse.core.hosts.releases.ReleaseLogEntry;
import dev.wheelhouse.ssh.Connection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.schmizz.sshj.sftp.SFTPClient;
import net.schmizz.sshj.xfer.FileSystemFile;

/** One host's releases over one SSH connection: each operation a command of {@link ReleaseCommands}, uploads by SFTP. */
final class SshjReleaseHost implements ReleaseHost {
    /** Bookkeeping commands (read, lock, switch) are quick; a host that takes longer is in trouble. */
    static final Duration QUICK = Duration.ofSeconds(60);
    static final Duration VERIFY = Duration.ofMinutes(10);

    private final String alias;
    private final String root;
    private final Connection connection;

    SshjReleaseHost(String alias, String deployRoot, Connection connection) {
        this.alias = alias;
        this.root = stripSlash(deployRoot);
        this.connection = connection;
    }

    private static String stripSlash(String path) {
        String p = path;
        while (p.length() > 1 && p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    @Override
    public String alias() {
        return alias;
    }

    @Override
    public String deployRoot() {
        return root;
    }

    @Override
    public HostReleases read() throws IOException {
        RemoteExec.Result r = ok("read the releases", ReleaseCommands.read(root), QUICK);
        return ReleaseListing.parse(alias, r.stdout());
    }

    @Override
    public String current() throws IOException {
        return ReleaseListing.releaseOf(ok("read current", ReleaseCommands.current(root), QUICK).stdout().strip());
    }

    @Override
    public LockAttempt lock(String owner, String operation) throws IOException {
        RemoteExec.Result r = ok("take the lock", ReleaseCommands.lock(root, owner, Instant.now().getEpochSecond(), operation), QUICK);
        List<String> lines = r.stdout().lines().toList();
        if (!lines.isEmpty() && lines.getFirst().equals(ReleaseCommands.TAKEN)) {
            return LockAttempt.ok();
        }
        return LockAttempt.heldBy(ReleaseListing.lock(lines.size() > 1 ? lines.subList(1, lines.size()) : List.of()));
    }

    @Override
    public boolean unlock(String owner) throws IOException {
        String answer = ok("release the lock", ReleaseCommands.unlock(root, owner), QUICK).stdout().strip();
        return !answer.equals("other");
    }

    @Override
    public void breakLock() throws IOException {
        ok("break the lock", ReleaseCommands.breakLock(root), QUICK);
    }

    @Override
    public void upload(Path artifact, String releaseId, String sha256) throws IOException {
        ok("prepare the upload", ReleaseCommands.prepareUpload(root, releaseId), QUICK);
        String partial = ReleaseCommands.partial(root, releaseId);
        boolean file = Files.isRegularFile(artifact);
        try (SFTPClient sftp = connection.client().newSFTPClient()) {
            if (file) {
                sftp.mkdirs(partial);
                sftp.put(new FileSystemFile(artifact.toFile()), partial + "/" + artifact.getFileName());
            } else {
                // To a path that does not exist yet, SSHJ creates it and copies the directory's contents into it.
                sftp.put(new FileSystemFile(artifact.toFile()), partial);
            }
        } catch (IOException e) {
            throw new IOException(alias + ": upload of " + artifact.getFileName() + " failed: " + message(e), e);
        }
        ok("check the upload's checksum", ReleaseCommands.verifyAndPlace(root, releaseId,
                file ? artifact.getFileName().toString() : null, sha256), VERIFY);
    }

    @Override
    public void linkShared(String releaseId, List<String> sharedPaths) throws IOException {
        if (!sharedPaths.isEmpty()) {
            ok("link the shared paths", ReleaseCommands.linkShared(root, releaseId, sharedPaths), QUICK);
        }
    }

    @Override
    public void switchTo(String releaseId) throws IOException {
        String now = ReleaseListing.releaseOf(ok("switch to " + releaseId, ReleaseCommands.switchTo(root, releaseId), QUICK).stdout().strip());
        if (!releaseId.equals(now)) {
            throw new IOException(alias + ": after the switch current points at " + now + ", not " + releaseId);
        }
    }

    @Override
    public CommandResult run(String command, Duration timeout) throws IOException {
        try {
            // The host's timeout(1) ends the command; ours is a backstop a little later.
            return RemoteExec.run(connection.client(), ReleaseCommands.run(root, command, Math.max(1, timeout.toSeconds())),
                    timeout.plusSeconds(10)).asCommandResult();
        } catch (IOException e) {
            throw new IOException(alias + ": " + message(e), e);
        }
    }

    @Override
    public void record(ReleaseLogEntry entry) throws IOException {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("release", entry.release());
        fields.put("version", entry.version());
        fields.put("who", entry.who());
        fields.put("when", entry.when().toString());
        fields.put("action", entry.action());
        fields.put("result", entry.result());
        ok("write the release log", ReleaseCommands.record(root, JsonLine.write(fields)), QUICK);
    }

    @Override
    public void delete(List<String> releaseIds) throws IOException {
        if (!releaseIds.isEmpty()) {
            ok("delete old releases", ReleaseCommands.delete(root, releaseIds), QUICK);
        }
    }

    @Override
    public void close() {
        connection.close();
    }

    /** Runs a bookkeeping command; a non-zero exit or a lost connection is an IOException naming the host and the step. */
    private RemoteExec.Result ok(String what, String command, Duration timeout) throws IOException {
        RemoteExec.Result r;
        try {
            r = RemoteExec.run(connection.client(), command, timeout);
        } catch (IOException e) {
            throw new IOException(alias + ": could not " + what + ": " + message(e), e);
        }
        if (r.timedOut()) {
            throw new IOException(alias + ": could not " + what + ": no answer within " + timeout.toSeconds() + " s");
        }
        if (r.exitStatus() != 0) {
            String why = r.stderr().isBlank() ? "exit status " + r.exitStatus() : RemoteExec.lastLines(r.stderr().strip(), 3);
            throw new IOException(alias + ": could not " + what + ": " + why);
        }
        return r;
    }

    private static String message(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t.getMessage() != null && !t.getMessage().isBlank()) {
                return t.getMessage();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** Parsing of what the host printed: pure, so tests feed it text. */
    static final class ReleaseListing {
        private ReleaseListing() {}

        static String releaseOf(String link) {
            if (link == null || link.isBlank()) {
                return null;
            }
            String l = link.strip();
            int slash = l.lastIndexOf('/');
            return slash >= 0 ? l.substring(slash + 1) : l;
        }

        static HostLock lock(List<String> info) {
            String owner = info.isEmpty() || info.get(0).isBlank() ? null : info.get(0);
            Instant since = null;
            if (info.size() > 1) {
                try {
                    since = Instant.ofEpochSecond(Long.parseLong(info.get(1).strip()));
                } catch (NumberFormatException ignored) {
                    // a hand-made lock: its age is unknown
                }
            }
            String operation = info.size() > 2 ? info.get(2) : null;
            return new HostLock(owner, since, operation);
        }

        static HostReleases parse(String alias, String text) {
            Map<String, List<String>> sections = new HashMap<>();
            List<String> into = null;
            for (String line : text.lines().toList()) {
                if (line.startsWith("@@")) {
                    into = sections.computeIfAbsent(line.strip(), k -> new ArrayList<>());
                    continue;
                }
                if (into != null) {
                    into.add(line);
                }
            }
            List<String> cur = sections.getOrDefault(ReleaseCommands.CURRENT, List.of());
            String current = cur.isEmpty() ? null : releaseOf(cur.getFirst());
            List<String> lockLines = sections.getOrDefault(ReleaseCommands.LOCK, List.of());
            HostLock lock = !lockLines.isEmpty() && lockLines.getFirst().equals(ReleaseCommands.HELD)
                    ? lock(lockLines.subList(1, lockLines.size())) : null;

            Map<String, String> versions = new HashMap<>();
            Map<String, Instant> deployed = new HashMap<>();
            Set<String> bad = new HashSet<>();
            for (String line : sections.getOrDefault(ReleaseCommands.LOG, List.of())) {
                if (line.isBlank()) {
                    continue;
                }
                Map<String, String> f;
                try {
                    f = JsonLine.read(line);
                } catch (IllegalArgumentException unreadable) {
                    continue;
                }
                String id = f.get("release");
                if (id == null) {
                    continue;
                }
                String action = f.get("action");
                if (ReleaseLogEntry.DEPLOY.equals(action)) {
                    if (f.get("version") != null) {
                        versions.put(id, f.get("version"));
                    }
                    deployed.put(id, parseInstant(f.get("when")));
                } else if (ReleaseLogEntry.MARK_BAD.equals(action)) {
                    bad.add(id);
                }
                versions.putIfAbsent(id, f.get("version"));
            }
            List<String> names = sections.getOrDefault(ReleaseCommands.RELEASES, List.of()).stream()
                    .map(String::strip).filter(n -> !n.isEmpty() && !n.startsWith(".")).toList();
            List<Release> releases = new ArrayList<>();
            for (String name : names) {
                releases.add(new Release(name, versions.get(name), deployed.get(name), name.equals(current), bad.contains(name)));
            }
            // Newest deploy first; releases the log does not know keep ls -t's order, after those it knows.
            List<Release> known = new ArrayList<>(releases.stream().filter(r -> r.deployed() != null).toList());
            known.sort((a, b) -> b.deployed().compareTo(a.deployed()));
            List<Release> ordered = new ArrayList<>(known);
            releases.stream().filter(r -> r.deployed() == null).forEach(ordered::add);

            long free = -1;
            List<String> df = sections.getOrDefault(ReleaseCommands.DF, List.of());
            if (!df.isEmpty()) {
                String[] words = df.getFirst().trim().split("\\s+");
                if (words.length >= 4) {
                    try {
                        free = Long.parseLong(words[3]) * 1024;
                    } catch (NumberFormatException ignored) {
                        // unknown free space: the preflight says so
                    }
                }
            }
            return new HostReleases(alias, current, ordered, lock, free);
        }

        private static Instant parseInstant(String s) {
            try {
                return s == null ? null : Instant.parse(s);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
