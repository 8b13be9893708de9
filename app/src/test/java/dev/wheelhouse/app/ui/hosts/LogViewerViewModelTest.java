package dev.wheelhouse.app.ui.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.logs.LogLine;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.LogSource;
import java.util.List;
import org.junit.jupiter.api.Test;

class LogViewerViewModelTest {
    final FakeHosts.Session session = new FakeHosts.Session("web1");
    final FakeHosts.ManualScheduler scheduler = new FakeHosts.ManualScheduler();
    final LogViewerViewModel vm = new LogViewerViewModel(session, new CurrentThreadUiExecutor(), scheduler);

    List<String> texts() {
        return vm.shownLines().stream().map(LogLine::text).toList();
    }

    LogListener follow() {
        vm.follow(new LogSource.Journal("shop.service"));
        assertThat(session.followed).containsExactly(new LogSource.Journal("shop.service"));
        return session.follows.getFirst();
    }

    @Test
    void linesArriveInBatchesAndTheBufferIsBounded() {
        LogListener l = follow();
        for (int i = 0; i < 12_000; i++) {
            l.line("line " + i);
        }
        assertThat(vm.shownLines()).isEmpty();
        assertThat(scheduler.runAll()).isEqualTo(1);
        assertThat(vm.lineCount()).isEqualTo(LogViewerViewModel.MAX_LINES);
        assertThat(vm.shownLines().getFirst().text()).isEqualTo("line 2000");
        assertThat(vm.shownLines().getLast().text()).isEqualTo("line 11999");

        l.line("line 12000");
        scheduler.runAll();
        assertThat(vm.lineCount()).isEqualTo(LogViewerViewModel.MAX_LINES);
        assertThat(vm.shownLines().getFirst().text()).isEqualTo("line 2001");
    }

    @Test
    void searchFiltersCaseInsensitively() {
        LogListener l = follow();
        l.line("GET /health 200");
        l.line("ERROR database timeout");
        l.line("error: retry");
        scheduler.runAll();
        vm.searchProperty().set("error");
        assertThat(texts()).containsExactly("ERROR database timeout", "error: retry");
        l.line("another Error");
        scheduler.runAll();
        assertThat(vm.shownLines()).hasSize(3);
        vm.searchProperty().set("");
        assertThat(vm.shownLines()).hasSize(4);
    }

    @Test
    void pauseHoldsLinesAndResumeShowsThem() {
        LogListener l = follow();
        l.line("a");
        scheduler.runAll();
        vm.pausedProperty().set(true);
        l.line("b");
        l.line("c");
        scheduler.runAll();
        assertThat(texts()).containsExactly("a");
        assertThat(vm.heldProperty().get()).isEqualTo(2);
        vm.pausedProperty().set(false);
        scheduler.runAll();
        assertThat(texts()).containsExactly("a", "b", "c");
        assertThat(vm.heldProperty().get()).isZero();
    }

    @Test
    void closingStopsTheFollowAndANewFollowReplacesTheOld() {
        LogListener first = follow();
        vm.follow(new LogSource.File("/var/log/syslog"));
        assertThat(session.followsClosed).isEqualTo(1);
        first.line("late line of the old follow");
        session.follows.getFirst().line("new");
        scheduler.runAll();
        assertThat(texts()).containsExactly("new");

        vm.close();
        assertThat(session.followsClosed).isEqualTo(2);
        assertThat(session.follows).isEmpty();
    }
}
