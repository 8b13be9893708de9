package dev.wheelhouse.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.StartupProbe;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The contract between the app and this benchmark: what StartupProbe writes when asked, the
 * benchmark reads. (The probe reports once per JVM, so this is the one test that triggers it.)
 */
class StartupProbeReportTest {
    @TempDir
    Path dir;

    @Test
    void theProbesReportReadsBackOnceAndOnlyWhenAskedToExitDoesItExit() throws IOException {
        Path report = dir.resolve("nested/first-frame.properties");
        AtomicInteger exits = new AtomicInteger();
        System.setProperty(StartupProbe.REPORT_FILE, report.toString());
        try {
            assertThat(StartupProbe.requested()).isTrue();
            long before = System.currentTimeMillis();

            StartupProbe.firstFrameShown(exits::incrementAndGet);

            FirstFrameReport first = FirstFrameReport.read(report);
            assertThat(first.firstFrameEpochMs()).isBetween(before, System.currentTimeMillis());
            assertThat(first.firstFrameMs()).isEqualTo(first.firstFrameEpochMs() - first.processStartEpochMs()).isPositive();
            assertThat(exits).as("no exit unless " + StartupProbe.EXIT_AFTER_FIRST_FRAME + "=true").hasValue(0);

            Files.delete(report);
            StartupProbe.firstFrameShown(exits::incrementAndGet);
            assertThat(report).as("only the first frame is reported").doesNotExist();
            assertThat(Files.list(report.getParent())).as("no partial files left behind").isEmpty();
        } finally {
            System.clearProperty(StartupProbe.REPORT_FILE);
        }
    }
}
