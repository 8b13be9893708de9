package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostReport;
import dev.wheelhouse.core.hosts.PassphraseProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyAuthIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer server;
    static Path encrypted;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        home.key("id_ed25519", "ed25519", "", true);
        home.key("other", "ed25519", "", false);
        encrypted = home.key("locked", "ed25519", "correct horse", true);
        server = SshdServer.start(tmp.resolve("sshd"), home.authorizedKeys);
        home.trust(server);
        home.writeConfig(home.hostBlock("box", server)
                + home.hostBlock("wrongkey", server) + "  IdentityFile ~/.ssh/other\n"
                + home.hostBlock("locked", server) + "  IdentityFile ~/.ssh/locked\n"
                + home.hostBlock("nouser", server) + "  User nosuchuser\n");
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static HostReport probe(SshSettings settings, String alias) {
        try (SshjHostGateway gateway = new SshjHostGateway(settings)) {
            return gateway.probe(HostRef.of(alias), Duration.ofSeconds(20));
        }
    }

    @Test
    void logsInWithTheDefaultKeyFileAndReadsMetrics() {
        HostReport report = probe(home.settings(), "box");

        assertThat(report.error()).isNull();
        assertThat(report.reachable()).isTrue();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(report.target()).isEqualTo(System.getProperty("user.name") + "@127.0.0.1:" + server.port());
        assertThat(report.sample()).isNotNull();
        assertThat(report.sample().cpuPercent()).isBetween(0.0, 100.0);
    }

    @Test
    void aKeyTheServerDoesNotKnowFailsWithAMessageSayingWhatWasTried() {
        HostReport report = probe(home.settings(), "wrongkey");

        assertThat(report.reachable()).isFalse();
        assertThat(report.hostKey()).isEqualTo(HostKeyStatus.KNOWN);
        assertThat(report.error())
                .contains("authentication as " + System.getProperty("user.name") + " failed")
                .contains("~/.ssh/other: not accepted")
                .contains("password authentication is never used");
    }

    @Test
    void anEncryptedKeyIsOpenedWithThePassphraseItIsGivenAndTheAnswerIsUsedOnce() {
        List<Path> asked = new ArrayList<>();
        char[] given = "correct horse".toCharArray();
        PassphraseProvider provider = (file, attempt) -> {
            asked.add(file);
            return given;
        };

        HostReport report = probe(home.settings().withPassphrases(provider), "locked");

        assertThat(report.error()).isNull();
        assertThat(report.reachable()).isTrue();
        assertThat(asked).containsExactly(encrypted);
        assertThat(new String(given)).as("the passphrase array is wiped after use").isEqualTo("\0".repeat(13));
    }

    @Test
    void headlessAnEncryptedKeyFailsSayingItIsEncryptedAndNoPassphraseCanBeAsked() {
        HostReport report = probe(home.settings(), "locked");

        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("~/.ssh/locked: encrypted, and no passphrase can be asked here")
                .contains("ssh-add")
                .doesNotContain("correct horse");
    }

    @Test
    void aWrongPassphraseSaysSo() {
        HostReport report = probe(home.settings().withPassphrases((file, attempt) -> "wrong".toCharArray()), "locked");

        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("~/.ssh/locked: encrypted; the passphrase given was not accepted");
    }

    @Test
    void aStoppedHostIsUnreachableWithConnectionRefused() throws Exception {
        try (SshdServer gone = SshdServer.start(tmp.resolve("gone"), home.authorizedKeys)) {
            int port = gone.port();
            gone.stop();
            HostReport report;
            try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
                report = gateway.probe(new HostRef("gone", "127.0.0.1", port, null), Duration.ofSeconds(20));
            }
            assertThat(report.reachable()).isFalse();
            assertThat(report.error()).isEqualTo("gone (" + System.getProperty("user.name") + "@127.0.0.1:" + port
                    + "): connection refused at 127.0.0.1:" + port + " (is sshd running there?)");
        }
    }
}
