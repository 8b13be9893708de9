package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.MetricsSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Persistent sessions with live metrics against two real sshd servers. */
class SessionsIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer alpha;
    static SshdServer beta;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        home.key("id_ed25519", "ed25519", "", true);
        alpha = SshdServer.start(tmp.resolve("alpha"), home.authorizedKeys);
        beta = SshdServer.start(tmp.resolve("beta"), home.authorizedKeys);
        home.trust(alpha);
        home.trust(beta);
        home.writeConfig(home.hostBlock("alpha", alpha) + home.hostBlock("beta", beta));
    }

    @AfterAll
    static void stop() throws Exception {
        alpha.close();
        beta.close();
    }

    @Test
    void metricsStreamFromTheRealProcOverTheConnection() throws Exception {
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            HostSession session = gateway.session(HostRef.of("alpha"));
            List<HostMetricsSample> samples = new CopyOnWriteArrayList<>();
            session.onSample(samples::add);
            session.startMetrics(new MetricsSpec(Duration.ofSeconds(1), "wheelhouse-test-unit"));

            await().atMost(Duration.ofSeconds(20)).until(() -> samples.size() >= 3);

            assertThat(session.state().phase()).isEqualTo(ConnectionState.Phase.UP);
            assertThat(samples.getFirst().cpuPercent()).as("the first sample has nothing to compare with").isNull();
            HostMetricsSample s = samples.get(2);
            // Same machine: what came over SSH must agree with what this JVM reads locally.
            long memTotalKb = Files.readAllLines(Path.of("/proc/meminfo")).stream()
                    .filter(l -> l.startsWith("MemTotal:")).map(l -> Long.parseLong(l.split("\\s+")[1])).findFirst().orElseThrow();
            assertThat(s.memory().totalBytes()).isEqualTo(memTotalKb * 1024);
            assertThat(s.memory().usedBytes()).isPositive().isLessThan(s.memory().totalBytes());
            assertThat(s.cpuPercent()).isBetween(0.0, 100.0);
            assertThat(s.cpus()).isEqualTo(Runtime.getRuntime().availableProcessors());
            double localUptime = Double.parseDouble(Files.readString(Path.of("/proc/uptime")).split("\\s+")[0]);
            assertThat(s.uptime().toSeconds()).isBetween((long) localUptime - 30, (long) localUptime + 1);
            assertThat(s.load().one()).isNotNegative();
            assertThat(s.filesystems()).anySatisfy(fs -> {
                assertThat(fs.mountPoint()).isEqualTo("/");
                assertThat(fs.sizeBytes()).isPositive();
                assertThat(fs.inodes()).isPositive();
            });
            assertThat(s.network()).anySatisfy(n -> {
                assertThat(n.iface()).isEqualTo("lo");
                // Our own SSH traffic runs over lo: it moved bytes.
                assertThat(n.rxBytesPerSecond()).isNotNull().isPositive();
            });
            assertThat(s.service().unit()).isEqualTo("wheelhouse-test-unit");
            assertThat(s.service().state()).isNotBlank().isNotEqualTo("active");
            assertThat(session.recentSamples()).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void aHostThatGoesDownIsDownWithItsErrorTheOtherKeepsSamplingAndItComesBack() throws Exception {
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            HostSession a = gateway.session(HostRef.of("alpha"));
            HostSession b = gateway.session(HostRef.of("beta"));
            List<ConnectionState> aStates = new CopyOnWriteArrayList<>();
            a.onState(aStates::add);
            List<Instant> bSamples = new CopyOnWriteArrayList<>();
            List<Instant> aSamples = new CopyOnWriteArrayList<>();
            a.onSample(s -> aSamples.add(s.at()));
            b.onSample(s -> bSamples.add(s.at()));
            a.startMetrics(new MetricsSpec(Duration.ofSeconds(1), null));
            b.startMetrics(new MetricsSpec(Duration.ofSeconds(1), null));
            await().atMost(Duration.ofSeconds(20)).until(() -> aSamples.size() >= 2 && bSamples.size() >= 2);

            alpha.stop();
            await().atMost(Duration.ofSeconds(15)).until(() -> a.state().phase() == ConnectionState.Phase.DOWN);
            Instant down = Instant.now();
            ConnectionState downState = a.state();
            assertThat(downState.lastError()).isNotBlank();
            int aCountWhileDown = aSamples.size();
            // beta goes on sampling while alpha is down and alpha retries
            await().atMost(Duration.ofSeconds(10)).until(() -> bSamples.stream().filter(t -> t.isAfter(down)).count() >= 3);
            assertThat(b.state().isUp()).isTrue();
            assertThat(a.state().isUp()).isFalse();
            assertThat(aStates).extracting(ConnectionState::phase).contains(ConnectionState.Phase.RECONNECTING);
            ConnectionState retrying = a.state();
            assertThat(retrying.lastError()).satisfiesAnyOf(
                    e -> assertThat(e).contains("connection lost"),
                    e -> assertThat(e).contains("connection refused at 127.0.0.1:" + alpha.port()));

            alpha.start();
            await().atMost(Duration.ofSeconds(15)).until(() -> a.state().isUp());
            await().atMost(Duration.ofSeconds(10)).until(() -> aSamples.size() >= aCountWhileDown + 2);
            assertThat(a.state().lastError()).as("the reason of the last drop stays visible").isNotBlank();
        }
    }

    @Test
    void theStateGoesConnectingThenUpAndClosedAtTheEnd() {
        List<ConnectionState.Phase> phases = new CopyOnWriteArrayList<>();
        HostSession session;
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            session = gateway.session(HostRef.of("beta"));
            session.onState(s -> phases.add(s.phase()));
            await().atMost(Duration.ofSeconds(15)).until(() -> session.state().isUp());
            assertThat(gateway.session(HostRef.of("beta"))).isSameAs(session);
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> session.state().phase() == ConnectionState.Phase.CLOSED);
        assertThat(phases).startsWith(ConnectionState.Phase.CONNECTING).contains(ConnectionState.Phase.UP).endsWith(ConnectionState.Phase.CLOSED);
    }
}
