package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Units;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The small helpers of core's cluster records that views and the CLI print with (core has no tests of its own). */
class CoreClusterTest {

    @Test
    void imageTagsIgnoreRegistryPortsAndFallBackToDigestOrLatest() {
        assertThat(new ContainerImage("web", "registry.example.com:5000/shop/web:1.4.2").tag()).isEqualTo("1.4.2");
        assertThat(new ContainerImage("web", "registry.example.com:5000/shop/web").tag()).isEqualTo("latest");
        assertThat(new ContainerImage("web", "shop/web@sha256:abc").tag()).isEqualTo("sha256:abc");
        assertThat(new ContainerImage("web", "shop/web:2.0@sha256:abc").tag()).isEqualTo("2.0");
        assertThat(new ContainerImage("web", "nginx").tag()).isEqualTo("latest");
        assertThat(new ContainerImage("web", "registry.example.com:5000/shop/web:1.4.2").repository())
                .isEqualTo("registry.example.com:5000/shop/web");
        assertThat(new ContainerImage("web", "").tag()).isEmpty();
    }

    @Test
    void agesReadLikeKubectl() {
        assertThat(Ages.human(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(Ages.human(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Ages.human(Duration.ofSeconds(192))).isEqualTo("3m12s");
        assertThat(Ages.human(Duration.ofMinutes(10))).isEqualTo("10m");
        assertThat(Ages.human(Duration.ofMinutes(190))).isEqualTo("3h10m");
        assertThat(Ages.human(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Ages.human(Duration.ofHours(75))).isEqualTo("3d3h");
        assertThat(Ages.human(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Ages.human(Duration.ofDays(800))).isEqualTo("2y70d");
        assertThat(Ages.human(Duration.ofSeconds(-5))).isEqualTo("<invalid>");
        Instant now = Instant.parse("2026-03-01T12:00:00Z");
        assertThat(Ages.cell("2026-03-01T11:58:00Z", now)).isEqualTo("2m");
        assertThat(Ages.cell("", now)).as("no time to tell, as a pod that never restarted: a dash").isEqualTo("—");
    }

    @Test
    void unitsReadLikeKubectlTop() {
        assertThat(Units.cpu(0)).isEqualTo("0");
        assertThat(Units.cpu(250)).isEqualTo("250m");
        assertThat(Units.cpu(2000)).isEqualTo("2");
        assertThat(Units.cpu(1500)).isEqualTo("1.5");
        assertThat(Units.bytes(512L << 20)).isEqualTo("512Mi");
        assertThat(Units.bytes(3L << 29)).isEqualTo("1.5Gi");
        assertThat(Units.bytes(800)).isEqualTo("800");
        assertThat(Units.percent(1, 3)).isEqualTo("33%");
        assertThat(Units.percent(1, 0)).isEqualTo("-");
    }

    @Test
    void failedIsWorseThanDegradedIsWorseThanUnknownIsWorseThanHealthy() {
        assertThat(Health.HEALTHY.worse(Health.DEGRADED)).isEqualTo(Health.DEGRADED);
        assertThat(Health.FAILED.worse(Health.DEGRADED)).isEqualTo(Health.FAILED);
        assertThat(Health.UNKNOWN.worse(Health.HEALTHY)).isEqualTo(Health.UNKNOWN);
        assertThat(Health.DEGRADED.worse(Health.UNKNOWN)).isEqualTo(Health.DEGRADED);
    }
}
