package dev.wheelhouse.app.ui.logs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.hosts.LogListener;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class LogLinesViewModelTest {
    private final List<Runnable> flushes = new ArrayList<>();
    private final LogLinesViewModel vm = new LogLinesViewModel(new CurrentThreadUiExecutor(), flushes::add);

    private LogListener follow() {
        AtomicReference<LogListener> listener = new AtomicReference<>();
        vm.follow("pod/web-1", l -> {
            listener.set(l);
            return () -> {};
        }, reason -> reason);
        return listener.get();
    }

    private void flush() {
        List<Runnable> now = List.copyOf(flushes);
        flushes.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void aPodLogKeepsEachLinesTimeApartFromItsMessageAndShowsItOnlyWhenAsked() {
        LogListener l = follow();
        assertThat(vm.timestampedProperty().get()).isFalse();
        l.line(Instant.parse("2026-03-01T10:00:00.123456789Z"), "level=info msg=\"starting web\"");
        l.line(Instant.parse("2026-03-01T10:00:02Z"), "level=error msg=\"database timeout\" at=2026");
        flush();
        assertThat(vm.timestampedProperty().get()).as("the toggle is offered").isTrue();
        assertThat(vm.timestampsProperty().get()).as("off by default").isFalse();
        assertThat(vm.allLines()).extracting(LogLine::text)
                .containsExactly("level=info msg=\"starting web\"", "level=error msg=\"database timeout\" at=2026");
        assertThat(vm.allLines()).extracting(LogLine::stamp).containsExactly("2026-03-01T10:00:00.123Z", "2026-03-01T10:00:02.000Z");

        // the search reads messages, not times: "10:00" is in every time and no message
        vm.searchProperty().set("10:00");
        assertThat(vm.shownLines()).isEmpty();
        vm.searchProperty().set("2026");
        assertThat(vm.shownLines()).extracting(LogLine::text).containsExactly("level=error msg=\"database timeout\" at=2026");
        vm.timestampsProperty().set(true);
        vm.searchProperty().set("TIMEOUT");
        assertThat(vm.shownLines()).hasSize(1);
    }

    @Test
    void aLogWithoutTimesOffersNoToggleAndANewFollowForgetsTheOld() {
        LogListener l = follow();
        l.line(Instant.parse("2026-03-01T10:00:00Z"), "stamped");
        flush();
        assertThat(vm.timestampedProperty().get()).isTrue();
        LogListener host = follow();
        host.line("Mar 01 10:00:00 web-1 nginx[12]: GET /health 200");
        flush();
        assertThat(vm.timestampedProperty().get()).isFalse();
        assertThat(vm.allLines()).singleElement().satisfies(line -> {
            assertThat(line.at()).isNull();
            assertThat(line.stamp()).isEmpty();
        });
    }
}
