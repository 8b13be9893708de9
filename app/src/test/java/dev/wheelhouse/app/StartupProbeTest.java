package dev.wheelhouse.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * StartupProbe with its inputs (properties, clocks, stderr) given. It sits in the bench module,
 * the probe's consumer, because issue 8 could not add tests to the app module; it belongs in
 * app/src/test beside the probe.
 */
class StartupProbeTest {
    private static final Instant START = Instant.parse("2026-11-27T09:00:00Z");
    private static final Instant SHOWN = START.plusMillis(812);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final AtomicInteger exits = new AtomicInteger();

    private StartupProbe probe(Map<String, String> properties) {
        return new StartupProbe(properties::get, () -> START, () -> SHOWN, () -> 1234, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String stderr() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void silentWhenNothingIsAsked() {
        StartupProbe probe = probe(Map.of());

        assertThat(probe.isRequested()).isFalse();
        assertThat(probe.report(exits::incrementAndGet)).isEqualTo(-1);
        assertThat(stderr()).isEmpty();
        assertThat(exits).hasValue(0);
    }

    @Test
    void writesTheReportFileAndSaysSoOnStderr() throws IOException {
        Path file = dir.resolve("first-frame.properties");
        StartupProbe probe = probe(Map.of(StartupProbe.REPORT_FILE, file.toString()));

        assertThat(probe.report(exits::incrementAndGet)).isEqualTo(812);

        assertThat(Files.readString(file)).isEqualTo("firstFrameMs=812\nprocessStartEpochMs=" + START.toEpochMilli()
                + "\nfirstFrameEpochMs=" + SHOWN.toEpochMilli() + "\ncpuMs=1234\n");
        assertThat(stderr()).isEqualTo("wheelhouse: first frame after 812 ms" + System.lineSeparator());
        assertThat(exits).hasValue(0);
    }

    @Test
    void reportsOnlyTheFirstFrame() {
        StartupProbe probe = probe(Map.of(StartupProbe.EXIT_AFTER_FIRST_FRAME, "true"));

        probe.report(exits::incrementAndGet);
        assertThat(probe.report(exits::incrementAndGet)).isEqualTo(-1);

        assertThat(exits).hasValue(1);
        assertThat(stderr().lines()).hasSize(1);
    }

    @Test
    void exitsAfterTheGivenDelay() {
        StartupProbe probe = probe(Map.of(StartupProbe.EXIT_AFTER_FIRST_FRAME, "true", StartupProbe.EXIT_DELAY_MS, "200"));

        probe.report(exits::incrementAndGet);

        assertThat(exits).as("not yet").hasValue(0);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(exits).hasValue(1));
    }

    @Test
    void aBadDelayIsNamedAndIgnored() {
        StartupProbe probe = probe(Map.of(StartupProbe.EXIT_AFTER_FIRST_FRAME, "true", StartupProbe.EXIT_DELAY_MS, "soon"));

        probe.report(exits::incrementAndGet);

        assertThat(exits).hasValue(1);
        assertThat(stderr()).contains("ignoring -Dwheelhouse.startup.exitDelayMs=soon");
    }

    @Test
    void anUnwritableReportIsNamedAndTheAppCarriesOn() throws IOException {
        Path notADirectory = Files.writeString(dir.resolve("file"), "x");
        StartupProbe probe = probe(Map.of(StartupProbe.REPORT_FILE, notADirectory.resolve("report").toString(),
                StartupProbe.EXIT_AFTER_FIRST_FRAME, "true"));

        assertThat(probe.report(exits::incrementAndGet)).isEqualTo(812);

        assertThat(stderr()).contains("cannot write the startup report").contains("first frame after 812 ms");
        assertThat(exits).hasValue(1);
    }

    @Test
    void theProcessStartIsBeforeNowAndTheCpuTimeIsKnown() {
        assertThat(StartupProbe.processStart()).isBefore(Instant.now()).isAfter(Instant.now().minusSeconds(3600));
        assertThat(StartupProbe.cpuMillis()).isPositive();
    }
}
