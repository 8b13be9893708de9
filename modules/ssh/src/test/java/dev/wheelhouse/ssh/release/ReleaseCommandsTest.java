package dev.wheelhouse.ssh.release;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.hosts.releases.HostReleases;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The release scripts run by a real local sh against a temporary deploy root, as sshd would run them. */
class ReleaseCommandsTest {
    @TempDir
    Path dir;

    private String sh(String command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
        return out;
    }

    @Test
    void argumentsAreNeverParsedAsShell() throws Exception {
        Path root = dir.resolve("app root; touch pwned");
        sh(ReleaseCommands.lock(root.toString(), "eve'$(touch pwned2)", 1_700_000_000L, "deploy `touch pwned3`"));
        assertThat(Files.readAllLines(root.resolve(".wheelhouse/lock/info")))
                .containsExactly("eve'$(touch pwned2)", "1700000000", "deploy `touch pwned3`");
        sh(ReleaseCommands.record(root.toString(), "{\"who\":\"$(touch pwned4)\"}"));
        try (var files = Files.list(Path.of("."))) {
            assertThat(files.map(f -> f.getFileName().toString())).noneMatch(n -> n.startsWith("pwned"));
        }
        assertThat(Files.exists(dir.resolve("pwned"))).isFalse();
        assertThatThrownBy(() -> ReleaseCommands.switchTo(root.toString(), "1.0;rm -rf /"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("release id '1.0;rm -rf /'");
        assertThatThrownBy(() -> ReleaseCommands.prepareUpload(root.toString(), "../../etc"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lockIsTakenOnceAndReleasedOnlyByItsOwner() throws Exception {
        String root = dir.resolve("srv").toString();
        assertThat(sh(ReleaseCommands.lock(root, "alice@a", 100, "deploy 1"))).isEqualTo("taken\n");
        assertThat(sh(ReleaseCommands.lock(root, "bob@b", 200, "deploy 2"))).isEqualTo("held\nalice@a\n100\ndeploy 1\n");
        assertThat(sh(ReleaseCommands.unlock(root, "bob@b"))).isEqualTo("other\n");
        assertThat(sh(ReleaseCommands.unlock(root, "alice@a"))).isEqualTo("released\n");
        assertThat(sh(ReleaseCommands.unlock(root, "alice@a"))).isEqualTo("free\n");
    }

    @Test
    void uploadIsCheckedThenPlacedThenSwitchedAtomically() throws Exception {
        Path root = dir.resolve("srv");
        Path artifact = dir.resolve("art");
        Files.createDirectories(artifact.resolve("bin"));
        Files.writeString(artifact.resolve("bin/run"), "echo hi\n");
        Files.writeString(artifact.resolve("README"), "v1\n");
        Files.writeString(artifact.resolve("a-b"), "x\n");
        String sum = ArtifactDigest.of(artifact);

        sh(ReleaseCommands.prepareUpload(root.toString(), "r1"));
        copy(artifact, Path.of(ReleaseCommands.partial(root.toString(), "r1")));
        Process wrong = new ProcessBuilder("sh", "-c", ReleaseCommands.verifyAndPlace(root.toString(), "r1", null, "0".repeat(64)))
                .redirectErrorStream(true).start();
        assertThat(new String(wrong.getInputStream().readAllBytes())).contains("checksum mismatch");
        assertThat(wrong.waitFor()).isEqualTo(4);
        assertThat(root.resolve("releases/r1")).doesNotExist();

        assertThat(sh(ReleaseCommands.verifyAndPlace(root.toString(), "r1", null, sum)).strip()).isEqualTo(sum);
        assertThat(root.resolve("releases/r1/bin/run")).exists();
        sh(ReleaseCommands.linkShared(root.toString(), "r1", List.of("logs", "config/app")));
        assertThat(Files.readSymbolicLink(root.resolve("releases/r1/logs"))).isEqualTo(root.resolve("shared/logs"));
        assertThat(root.resolve("shared/config/app")).isDirectory();

        assertThat(sh(ReleaseCommands.switchTo(root.toString(), "r1")).strip()).isEqualTo("releases/r1");
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/r1"));
        assertThat(sh(ReleaseCommands.run(root.toString(), "cat README; echo err >&2; exit 0", 5))).isEqualTo("v1\nerr\n");

        Process missing = new ProcessBuilder("sh", "-c", ReleaseCommands.switchTo(root.toString(), "r9")).redirectErrorStream(true).start();
        assertThat(new String(missing.getInputStream().readAllBytes())).contains("no release r9 on this host");
        assertThat(missing.waitFor()).isNotZero();
        assertThat(Files.readSymbolicLink(root.resolve("current"))).isEqualTo(Path.of("releases/r1"));

        Process current = new ProcessBuilder("sh", "-c", ReleaseCommands.delete(root.toString(), List.of("r1"))).redirectErrorStream(true).start();
        assertThat(new String(current.getInputStream().readAllBytes())).contains("refusing to delete the current release r1");
        assertThat(root.resolve("releases/r1")).isDirectory();
    }

    @Test
    void aFileArtifactIsCheckedWithSha256sum() throws Exception {
        Path root = dir.resolve("srv");
        Path jar = dir.resolve("app.jar");
        Files.writeString(jar, "not really a jar");
        sh(ReleaseCommands.prepareUpload(root.toString(), "r2"));
        Path partial = Path.of(ReleaseCommands.partial(root.toString(), "r2"));
        Files.createDirectories(partial);
        Files.copy(jar, partial.resolve("app.jar"));
        assertThat(sh(ReleaseCommands.verifyAndPlace(root.toString(), "r2", "app.jar", ArtifactDigest.of(jar))).strip())
                .isEqualTo(ArtifactDigest.of(jar));
        assertThat(root.resolve("releases/r2/app.jar")).exists();
    }

    @Test
    void readParsesCurrentReleasesLockLogAndFreeSpace() throws Exception {
        Path root = dir.resolve("srv");
        for (String id : List.of("r1", "r2", "r3")) {
            Files.createDirectories(root.resolve("releases").resolve(id));
        }
        sh(ReleaseCommands.switchTo(root.toString(), "r2"));
        sh(ReleaseCommands.lock(root.toString(), "carol@c", 1_700_000_000L, "rollback"));
        sh(ReleaseCommands.record(root.toString(), JsonLine.write(Map.of("release", "r1", "version", "1.0", "action", "deploy", "when", "2026-01-01T00:00:00Z"))));
        sh(ReleaseCommands.record(root.toString(), JsonLine.write(Map.of("release", "r2", "version", "1.1", "action", "deploy", "when", "2026-01-02T00:00:00Z"))));
        sh(ReleaseCommands.record(root.toString(), JsonLine.write(Map.of("release", "r3", "version", "1.2", "action", "deploy", "when", "2026-01-03T00:00:00Z"))));
        sh(ReleaseCommands.record(root.toString(), JsonLine.write(Map.of("release", "r3", "action", "mark-bad", "when", "2026-01-03T01:00:00Z"))));
        sh(ReleaseCommands.record(root.toString(), "not json"));

        HostReleases r = SshjReleaseHost.ReleaseListing.parse("web-1", sh(ReleaseCommands.read(root.toString())));
        assertThat(r.current()).isEqualTo("r2");
        assertThat(r.currentVersion()).isEqualTo("1.1");
        assertThat(r.releases()).extracting(x -> x.id()).containsExactly("r3", "r2", "r1");
        assertThat(r.release("r3").orElseThrow().bad()).isTrue();
        assertThat(r.lock().owner()).isEqualTo("carol@c");
        assertThat(r.lock().since().getEpochSecond()).isEqualTo(1_700_000_000L);
        assertThat(r.freeBytes()).isPositive();
        assertThat(r.previousGood().orElseThrow().id()).isEqualTo("r1");
    }

    @Test
    void jsonLinesRoundTrip() {
        Map<String, String> f = new java.util.LinkedHashMap<>();
        f.put("who", "a\"b\\c\nd\u0001");
        f.put("version", null);
        assertThat(JsonLine.read(JsonLine.write(f))).isEqualTo(f);
        assertThatThrownBy(() -> JsonLine.read("{\"a\":1}")).isInstanceOf(IllegalArgumentException.class);
    }

    private static void copy(Path from, Path to) throws IOException {
        try (var files = Files.walk(from)) {
            for (Path p : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }
}
