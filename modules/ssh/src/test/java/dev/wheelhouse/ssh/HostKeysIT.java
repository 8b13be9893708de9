package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostReport;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostKeysIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer server;
    static Path userKnownHosts;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        home.key("id_ed25519", "ed25519", "", true);
        server = SshdServer.start(tmp.resolve("sshd"), home.authorizedKeys);
        home.writeConfig(home.hostBlock("box", server));
        userKnownHosts = home.ssh.resolve("known_hosts");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    @BeforeEach
    void forget() throws Exception {
        Files.deleteIfExists(userKnownHosts);
        Files.deleteIfExists(home.ownKnownHosts());
    }

    private static HostReport probe(HostKeyDecision decision) {
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings().withHostKeyDecision(decision))) {
            return gateway.probe(HostRef.of("box"), Duration.ofSeconds(20));
        }
    }

    @Test
    void aPlainEntryInTheUsersKnownHostsIsKnown() throws Exception {
        Files.writeString(userKnownHosts, "# mine\n" + server.knownHostsLine() + "\n");

        HostReport report = probe(HostKeyDecision.REFUSE);

        assertThat(report.error()).isNull();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(report.hostKeyFingerprint()).isEqualTo(server.fingerprint());
    }

    @Test
    void aHashedEntryIsKnown() throws Exception {
        Files.writeString(userKnownHosts, server.knownHostsLine() + "\n");
        Tools.run("ssh-keygen", "-q", "-H", "-f", userKnownHosts.toString());
        assertThat(Files.readString(userKnownHosts)).startsWith("|1|").doesNotContain("127.0.0.1");

        HostReport report = probe(HostKeyDecision.REFUSE);

        assertThat(report.error()).isNull();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
    }

    @Test
    void anUnknownKeyIsShownWithOpenSshsFingerprintAndRefusedHeadless() throws Exception {
        List<UnknownHostKey> seen = new ArrayList<>();

        HostReport report = probe(key -> {
            seen.add(key);
            return HostKeyDecision.Verdict.REFUSE;
        });

        assertThat(seen).singleElement().satisfies(key -> {
            assertThat(key.fingerprint()).isEqualTo(server.fingerprint()).startsWith("SHA256:").doesNotEndWith("=");
            assertThat(key.keyType()).isEqualTo("ssh-ed25519");
            assertThat(key.knownHostsName()).isEqualTo("[127.0.0.1]:" + server.port());
        });
        assertThat(report.reachable()).isFalse();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.UNKNOWN_REFUSED);
        assertThat(report.error()).contains("is not known: ssh-elsewhere".replace("ssh-elsewhere", "ssh-ed25519 " + server.fingerprint()))
                .contains("refused");
        assertThat(home.ownKnownHosts()).doesNotExist();
    }

    @Test
    void acceptNewSavesTheKeyHashedWhereOpenSshFindsItAndTheNextConnectionKnowsIt() throws Exception {
        HostReport first = probe(HostKeyDecision.ACCEPT_NEW);

        assertThat(first.error()).isNull();
        assertThat(first.hostKey()).isEqualTo(HostKeyStatus.ACCEPTED_NEW);
        String saved = Files.readString(home.ownKnownHosts());
        assertThat(saved).startsWith("|1|").doesNotContain("127.0.0.1");
        // OpenSSH's own tools find the entry: the format is right.
        String found = Tools.run("ssh-keygen", "-F", "[127.0.0.1]:" + server.port(), "-f", home.ownKnownHosts().toString());
        assertThat(found).contains("ssh-ed25519");

        HostReport second = probe(HostKeyDecision.REFUSE);
        assertThat(second.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
    }

    @Test
    void aChangedKeyIsRefusedLoudlyWithBothFingerprintsAndWhereTheOldOneIs() throws Exception {
        Path other = tmp.resolve("other_host_key");
        Tools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.toString());
        String[] old = Files.readString(Path.of(other + ".pub")).split("\\s+");
        String oldFingerprint = Tools.run("ssh-keygen", "-lf", other + ".pub").split("\\s+")[1];
        Files.writeString(userKnownHosts, "# line 1\n# line 2\n[127.0.0.1]:" + server.port() + " " + old[0] + " " + old[1] + "\n");
        List<UnknownHostKey> asked = new ArrayList<>();

        HostReport report = probe(key -> {
            asked.add(key);
            return HostKeyDecision.Verdict.ACCEPT_AND_SAVE;
        });

        assertThat(asked).as("a changed key is never offered for acceptance").isEmpty();
        assertThat(report.reachable()).isFalse();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.CHANGED);
        assertThat(report.error())
                .contains("has CHANGED")
                .contains(server.fingerprint())
                .contains(oldFingerprint)
                .contains(userKnownHosts + ":3");
        assertThat(home.ownKnownHosts()).doesNotExist();
    }

    @Test
    void aKnownKeyInWheelhousesOwnFileIsKnown() throws Exception {
        Files.writeString(home.ownKnownHosts(), server.knownHostsLine() + "\n");

        assertThat(probe(HostKeyDecision.REFUSE).hostKey()).isEqualTo(HostKeyStatus.KNOWN);
    }
}
