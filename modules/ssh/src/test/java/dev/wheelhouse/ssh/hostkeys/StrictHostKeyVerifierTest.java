package dev.wheelhouse.ssh.hostkeys;

import static dev.wheelhouse.ssh.hostkeys.KnownHostsTest.K1;
import static dev.wheelhouse.ssh.hostkeys.KnownHostsTest.K1_FINGERPRINT;
import static dev.wheelhouse.ssh.hostkeys.KnownHostsTest.K2;
import static dev.wheelhouse.ssh.hostkeys.KnownHostsTest.K2_FINGERPRINT;
import static dev.wheelhouse.ssh.hostkeys.KnownHostsTest.blob;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class StrictHostKeyVerifierTest {
    @TempDir
    Path tmp;

    @Test
    void aChangedKeyInWheelhousesOwnFileIsRefusedEvenWhenTheDecisionWouldAccept() throws Exception {
        Path own = tmp.resolve("known_hosts");
        KnownHosts.append(own, "web1", 22, blob(K1));
        StrictHostKeyVerifier verifier = new StrictHostKeyVerifier("web", List.of(tmp.resolve("missing")), own, HostKeyDecision.ACCEPT_NEW);

        StrictHostKeyVerifier.Outcome outcome = verifier.check("web1", 22, blob(K2));

        assertThat(outcome.status()).isEqualTo(HostKeyStatus.CHANGED);
        assertThat(outcome.message()).contains("CHANGED").contains(K1_FINGERPRINT).contains(K2_FINGERPRINT).contains(own + ":1");
        assertThat(Files.readAllLines(own)).hasSize(1);
    }

    @Test
    void aDecisionThatThrowsRefuses() {
        StrictHostKeyVerifier verifier = new StrictHostKeyVerifier("web", List.of(), tmp.resolve("kh"), key -> {
            throw new IllegalStateException("window gone");
        });

        assertThat(verifier.check("web1", 22, blob(K1)).status()).isEqualTo(HostKeyStatus.UNKNOWN_REFUSED);
    }

    @Test
    void acceptOnceTrustsWithoutWriting() {
        Path own = tmp.resolve("kh");
        StrictHostKeyVerifier verifier = new StrictHostKeyVerifier("web", List.of(), own, key -> HostKeyDecision.Verdict.ACCEPT_ONCE);

        assertThat(verifier.check("web1", 22, blob(K1)).status()).isEqualTo(HostKeyStatus.ACCEPTED_ONCE);
        assertThat(own).doesNotExist();
    }
}
