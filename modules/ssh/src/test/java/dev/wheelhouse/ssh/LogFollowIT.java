package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.LogSource;
import dev.wheelhouse.core.hosts.Subscription;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogFollowIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer server;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        home.key("id_ed25519", "ed25519", "", true);
        server = SshdServer.start(tmp.resolve("sshd"), home.authorizedKeys);
        home.trust(server);
        home.writeConfig(home.hostBlock("box", server));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @Test
    void followsAFileWithAHostileNameAndStopsTheRemoteTailWhenClosed() throws Exception {
        // Quotes, spaces, $() and ; in the name: strict quoting or the test fails (or worse).
        Path dir = Files.createDirectories(tmp.resolve("logs dir"));
        Path log = dir.resolve("app 'x' $(touch pwned); `id`.log");
        Files.writeString(log, "old 1\nold 2\nold 3\n");
        List<String> lines = new CopyOnWriteArrayList<>();
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            HostSession session = gateway.session(HostRef.of("box"));
            Subscription follow = session.followLog(new LogSource.File(log.toString(), 2), new LogListener() {
                @Override
                public void line(String line) {
                    lines.add(line);
                }
            });
            await().atMost(Duration.ofSeconds(15)).until(() -> lines.size() >= 2);
            assertThat(lines).containsExactly("old 2", "old 3");

            Files.writeString(log, "new 1\nnew 2\n", StandardOpenOption.APPEND);
            await().atMost(Duration.ofSeconds(10)).until(() -> lines.size() >= 4);
            assertThat(lines).containsExactly("old 2", "old 3", "new 1", "new 2");
            assertThat(tailsOf(log)).isNotEmpty();

            follow.close();
            await().atMost(Duration.ofSeconds(10)).until(() -> tailsOf(log).isEmpty());
            Files.writeString(log, "after close\n", StandardOpenOption.APPEND);
            Thread.sleep(1500);
            assertThat(lines).doesNotContain("after close");
            assertThat(session.state().isUp()).as("closing a follow keeps the connection").isTrue();
        }
        assertThat(Path.of(System.getProperty("user.home"), "pwned")).doesNotExist();
        assertThat(home.home.resolve("pwned")).doesNotExist();
    }

    @Test
    void aMissingFileShowsTailsOwnMessage() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            Subscription follow = gateway.session(HostRef.of("box")).followLog(new LogSource.File(tmp.resolve("nope.log").toString()), lines::add);
            await().atMost(Duration.ofSeconds(15)).until(() -> lines.stream().anyMatch(l -> l.contains("nope.log")));
            follow.close();
        }
        assertThat(lines).anyMatch(l -> l.startsWith("tail:") && l.contains("nope.log"));
    }

    /** The remote tail processes following this file (sshd runs them on this very machine). */
    private static List<ProcessHandle> tailsOf(Path log) {
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().command().map(c -> c.endsWith("/tail")).orElse(false))
                .filter(p -> p.info().arguments().map(a -> List.of(a).contains(log.toString())).orElse(false))
                .toList();
    }
}
