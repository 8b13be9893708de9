package dev.wheelhouse.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.Application;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class HostFormatTest {
    @Test
    void sizesRatesAndUptime() {
        assertThat(HostFormat.bytes(512)).isEqualTo("512 B");
        assertThat(HostFormat.bytes(3_435_973_837L)).isEqualTo("3.2 GiB");
        assertThat(HostFormat.bytes(200L << 20)).isEqualTo("200 MiB");
        assertThat(HostFormat.rate(null)).isEqualTo("—");
        assertThat(HostFormat.rate(1536.0)).isEqualTo("1.5 KiB/s");
        assertThat(HostFormat.uptime(Duration.ofHours(76))).isEqualTo("3 d 4 h");
        assertThat(HostFormat.uptime(Duration.ofMinutes(312))).isEqualTo("5 h 12 min");
        assertThat(HostFormat.uptime(Duration.ofSeconds(42))).isEqualTo("42 s");
    }

    @Test
    void readsBothKeysAndWhereTheOldOneIsFromTheChangedKeyWarning() {
        String warning = "WARNING: the host key of web1 ([127.0.0.1]:2222) has CHANGED. It now presents ssh-ed25519 "
                + "SHA256:n3wFingerPrint+/abc, but /root/.ssh/known_hosts:7 records ssh-ed25519 SHA256:0ldFingerPrint/xyz. "
                + "Someone could be intercepting the connection, or the host was reinstalled. Refused.";
        HostFormat.ChangedKey key = HostFormat.changedKey(warning).orElseThrow();
        assertThat(key.newFingerprint()).isEqualTo("SHA256:n3wFingerPrint+/abc");
        assertThat(key.oldFingerprint()).isEqualTo("SHA256:0ldFingerPrint/xyz");
        assertThat(key.oldWhere()).isEqualTo("/root/.ssh/known_hosts:7");
        assertThat(HostFormat.afterChangedKey(warning)).startsWith("Someone could be intercepting");
        assertThat(HostFormat.changedKey("connection refused")).isEmpty();
    }

    @Test
    void theUnitOfAHostServiceComesFromItsRestartCommand() {
        Application shop = new Application("shop", null, new Application.HostService("/srv/shop", "sudo systemctl restart shop.service", null));
        Application other = new Application("other", null, new Application.HostService("/srv/o", "/srv/o/bin/restart", null));
        assertThat(HostFormat.unitOf(shop)).contains("shop.service");
        assertThat(HostFormat.unitOf(other)).isEmpty();
        assertThat(HostFormat.unitOf(new Application("k", null, null))).isEmpty();
    }
}
