package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.app.ui.tasks.TaskHandle;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LiveMetricsViewModelTest {
    private static final Instant T = Instant.parse("2026-03-01T12:00:00Z");

    /** Holds each ranking until the test lets it run (then it runs and calls back at once). */
    private static final class HeldExecutor implements UiExecutor {
        final List<Runnable> held = new ArrayList<>();
        private final UiExecutor now = new CurrentThreadUiExecutor();

        @Override
        public <T> TaskHandle execute(BackgroundTask<T> task) {
            held.add(() -> now.execute(task));
            return TaskHandle.DONE;
        }

        @Override
        public void onUiThread(Runnable uiWork) {
            uiWork.run();
        }

        @Override
        public void close() {}

        void runNext() {
            held.removeFirst().run();
        }
    }

    private static MetricsSnapshot sample(long webCpu) {
        return new MetricsSnapshot(List.of(), Map.of(
                new RowKey("c", "Pod", "shop", "web-1"), new Usage(T, webCpu, 1),
                new RowKey("c", "Pod", "shop", "api-1"), new Usage(T, 200, 1),
                new RowKey("c", "Pod", "ops", "web-agent"), new Usage(T, 5, 1)));
    }

    @Test
    void eachSampleIsRankedOnceAndAChoiceMadeMeanwhileAfterIt() {
        HeldExecutor executor = new HeldExecutor();
        LiveMetricsViewModel vm = new LiveMetricsViewModel(executor);
        MetricsSnapshot first = sample(100);
        vm.update(first);
        assertThat(executor.held).hasSize(1);
        vm.update(first);
        vm.namespaceProperty().set("shop");
        vm.nameFilterProperty().set("WEB");
        assertThat(executor.held).as("one ranking at a time").hasSize(1);
        assertThat(vm.busiestProperty().get()).isEqualTo(BusiestPods.NONE);

        executor.runNext();
        assertThat(vm.busiestProperty().get().pods()).extracting(RowKey::name).containsExactly("web-agent", "api-1", "web-1");
        assertThat(executor.held).as("the choices made meanwhile, ranked once").hasSize(1);
        executor.runNext();
        assertThat(vm.busiestProperty().get().pods()).extracting(RowKey::name).containsExactly("web-1");
        assertThat(vm.busiestProperty().get().namespaces()).containsExactly("ops", "shop");
        assertThat(executor.held).isEmpty();

        vm.update(first);
        assertThat(executor.held).as("the same sample is not ranked again").isEmpty();
        vm.update(sample(300));
        executor.runNext();
        assertThat(vm.busiestProperty().get().matching()).isEqualTo(1);
    }

    @Test
    void nothingIsRankedBeforeTheFirstSample() {
        HeldExecutor executor = new HeldExecutor();
        LiveMetricsViewModel vm = new LiveMetricsViewModel(executor);
        vm.nameFilterProperty().set("web");
        vm.update(null);
        assertThat(executor.held).isEmpty();
    }
}
