package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostReport;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ProxyJump through one real sshd to another; a jump host that forbids forwarding proves the path. */
class ProxyJumpIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer jump;
    static SshdServer closedJump;
    static SshdServer destination;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        home.key("id_ed25519", "ed25519", "", true);
        jump = SshdServer.start(tmp.resolve("jump"), home.authorizedKeys);
        closedJump = SshdServer.start(tmp.resolve("closed-jump"), home.authorizedKeys, "AllowTcpForwarding no");
        destination = SshdServer.start(tmp.resolve("dest"), home.authorizedKeys);
        home.trust(jump);
        home.trust(closedJump);
        home.trust(destination);
        home.writeConfig(home.hostBlock("bastion", jump)
                + home.hostBlock("closed-bastion", closedJump)
                + "Host app-*\n  HostName 127.0.0.1\n  Port " + destination.port() + "\n"
                + "Host app-1\n  ProxyJump bastion\n"
                + "Host app-2\n  ProxyJump closed-bastion\n"
                + "Host app-3\n  ProxyJump nobody@bastion\n");
    }

    @AfterAll
    static void stop() throws Exception {
        jump.close();
        closedJump.close();
        destination.close();
    }

    private static HostReport probe(String alias) {
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            return gateway.probe(HostRef.of(alias), Duration.ofSeconds(20));
        }
    }

    @Test
    void reachesTheDestinationThroughTheJumpHost() throws Exception {
        HostReport report = probe("app-1");

        assertThat(report.error()).isNull();
        assertThat(report.reachable()).isTrue();
        assertThat(report.target()).isEqualTo(System.getProperty("user.name") + "@127.0.0.1:" + destination.port() + " via bastion");
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(report.hostKeyFingerprint()).isEqualTo(destination.fingerprint());
        assertThat(report.sample().cpuPercent()).isNotNull();
    }

    @Test
    void aJumpHostThatForbidsForwardingFailsNamingTheJumpAndTheDestination() {
        HostReport report = probe("app-2");

        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("app-2").contains("the jump host could not open a connection to 127.0.0.1:" + destination.port());
    }

    @Test
    void aJumpHostLoginFailureNamesTheJumpHost() {
        HostReport report = probe("app-3");

        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).startsWith("jump host bastion (nobody@127.0.0.1:" + jump.port() + ") for app-3: authentication as nobody failed");
    }

    @Test
    void theJumpHostsKeyIsCheckedToo() throws Exception {
        try (SshdServer unknownJump = SshdServer.start(tmp.resolve("unknown-jump"), home.authorizedKeys)) {
            HostReport report;
            try (SshjHostGateway gateway = new SshjHostGateway(home.settings().withHostKeyDecision(HostKeyDecision.REFUSE))) {
                java.nio.file.Files.writeString(home.config(), home.hostBlock("stranger", unknownJump)
                        + "Host via-stranger\n  HostName 127.0.0.1\n  Port " + destination.port() + "\n  ProxyJump stranger\n"
                        + java.nio.file.Files.readString(home.config()));
                report = gateway.probe(HostRef.of("via-stranger"), Duration.ofSeconds(20));
            }
            assertThat(report.reachable()).isFalse();
            assertThat(report.hostKey()).isEqualTo(HostKeyStatus.UNKNOWN_REFUSED);
            assertThat(report.error()).contains("host key of stranger").contains(unknownJump.fingerprint());
        }
    }
}
