package dev.wheelhouse.app.ui.hosts;

import static dev.wheelhouse.app.ui.hosts.FakeHosts.sample;
import static dev.wheelhouse.app.ui.hosts.FakeHosts.state;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.ConnectionState.Phase;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.Tier;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostsViewModelTest {
    final FakeHosts.Gateway gateway = new FakeHosts.Gateway();
    final FakeHosts.ManualScheduler scheduler = new FakeHosts.ManualScheduler();
    final Environment env = new Environment("staging", Tier.STAGING, null, false, List.of(),
            List.of(HostRef.of("web1"), HostRef.of("web2"), HostRef.of("db1")));
    final MetricsSpec spec = new MetricsSpec(Duration.ofSeconds(2), "shop.service");
    final HostsViewModel vm = new HostsViewModel(gateway, env, new CurrentThreadUiExecutor(), scheduler, spec);

    HostCardModel card(String alias) {
        return vm.hosts().stream().filter(c -> c.alias().equals(alias)).findFirst().orElseThrow();
    }

    @Test
    void startOpensEverySessionListensAndStartsItsMetrics() {
        vm.start();

        assertThat(gateway.sessions).containsOnlyKeys("web1", "web2", "db1");
        gateway.sessions.values().forEach(s -> {
            assertThat(s.metrics).isEqualTo(spec);
            assertThat(s.stateListeners).hasSize(1);
            assertThat(s.sampleListeners).hasSize(1);
        });
        assertThat(card("web1").session()).isSameAs(gateway.get("web1"));
    }

    @Test
    void eventsFromManyHostsAreAppliedInOneBatch() {
        vm.start();
        scheduler.runAll(); // the initial CONNECTING states
        int before = vm.flushes();

        for (int i = 1; i <= 20; i++) {
            for (String alias : List.of("web1", "web2", "db1")) {
                gateway.get(alias).emit(sample(alias, i, (double) i));
            }
        }
        gateway.get("web1").publish(state(Phase.UP, null));
        gateway.get("db1").publish(state(Phase.RECONNECTING, "x"));
        gateway.get("db1").publish(state(Phase.UP, null));

        assertThat(vm.flushes()).as("nothing reaches the cards until the flush").isEqualTo(before);
        assertThat(card("web1").latest()).isNull();
        assertThat(scheduler.runAll()).as("62 events, one flush asked for").isEqualTo(1);
        assertThat(vm.flushes()).isEqualTo(before + 1);
        for (String alias : List.of("web1", "web2", "db1")) {
            assertThat(card(alias).history()).hasSize(20);
            assertThat(card(alias).latest().cpuPercent()).isEqualTo(20.0);
        }
        assertThat(card("web1").state().phase()).isEqualTo(Phase.UP);
        assertThat(card("db1").state().phase()).as("only the newest state per host is applied").isEqualTo(Phase.UP);
        assertThat(card("web2").state().phase()).isEqualTo(Phase.CONNECTING);

        gateway.get("web2").emit(sample("web2", 21, 5.0));
        assertThat(scheduler.runAll()).as("the next event asks for the next flush").isEqualTo(1);
        assertThat(card("web2").latest().cpuPercent()).isEqualTo(5.0);
    }

    @Test
    void theSeriesKeepsTheNewest150Samples() {
        vm.start();
        FakeHosts.Session web1 = gateway.get("web1");
        for (int i = 1; i <= 400; i++) {
            web1.emit(sample("web1", i, i % 100.0));
            if (i % 37 == 0) {
                scheduler.runAll();
            }
        }
        scheduler.runAll();
        List<HostMetricsSample> history = card("web1").history();
        assertThat(history).hasSize(HostsViewModel.SERIES_LIMIT);
        assertThat(history.getFirst().at()).isEqualTo(FakeHosts.T0.plusSeconds(251));
        assertThat(history.getLast().at()).isEqualTo(FakeHosts.T0.plusSeconds(400));

        // one big batch is bounded too
        FakeHosts.Session web2 = gateway.get("web2");
        IntStream.rangeClosed(1, 1000).forEach(i -> web2.emit(sample("web2", i, 1.0)));
        scheduler.runAll();
        assertThat(card("web2").history()).hasSize(HostsViewModel.SERIES_LIMIT);
        assertThat(card("web2").history().getLast().at()).isEqualTo(FakeHosts.T0.plusSeconds(1000));
    }

    @Test
    void samplesAlreadySeenFromTheRingBufferAreNotDrawnTwice() {
        FakeHosts.Session web1 = (FakeHosts.Session) gateway.session(HostRef.of("web1"));
        web1.recent.addAll(List.of(sample("web1", 1, null), sample("web1", 2, 10.0), sample("web1", 3, 11.0)));
        vm.start();
        web1.emit(sample("web1", 3, 11.0));
        web1.emit(sample("web1", 4, 12.0));
        scheduler.runAll();

        assertThat(card("web1").history()).extracting(HostMetricsSample::cpuPercent).containsExactly(null, 10.0, 11.0, 12.0);
    }

    @Test
    void aHostThatIsDownShowsItsErrorAndTheOthersGoOn() {
        vm.start();
        ConnectionState down = new ConnectionState(Phase.DOWN, "root@10.0.0.9:22", "connection refused at 10.0.0.9:22",
                HostKeyStatus.NOT_CHECKED, FakeHosts.T0, 3, FakeHosts.T0.plusSeconds(4), null);
        gateway.get("db1").publish(down);
        gateway.get("web1").publish(state(Phase.UP, null));
        gateway.get("web1").emit(sample("web1", 1, 30.0));
        scheduler.runAll();

        assertThat(card("db1").state().phase()).isEqualTo(Phase.DOWN);
        assertThat(card("db1").state().lastError()).isEqualTo("connection refused at 10.0.0.9:22");
        assertThat(card("db1").history()).isEmpty();
        assertThat(HostFormat.stateText(card("db1").state(), FakeHosts.T0.plusMillis(1500))).isEqualTo("down · retry in 3 s");
        assertThat(card("web1").latest().cpuPercent()).isEqualTo(30.0);
        assertThat(HostFormat.stateText(card("web1").state(), FakeHosts.T0)).isEqualTo("up");
    }

    @Test
    void acceptingAnUnknownKeyTrustsItThenReconnects() {
        vm.start();
        UnknownHostKey key = new UnknownHostKey("web1", "127.0.0.1", 2222, "ssh-ed25519", "SHA256:abc", List.of(), "AAAA");
        vm.acceptHostKey(card("web1"), key);

        assertThat(gateway.trusted).containsExactly(key);
        assertThat(gateway.get("web1").reconnects).isEqualTo(1);
        assertThat(card("web1").noticeProperty().get()).contains("SHA256:abc").contains("reconnecting");

        vm.refuseHostKey(card("web2"));
        assertThat(card("web2").keyRefusedProperty().get()).isTrue();
        assertThat(gateway.get("web2").reconnects).isZero();
    }

    @Test
    void closeStopsListenersMetricsAndSessionsAndIgnoresLateEvents() {
        vm.start();
        scheduler.runAll();
        vm.close();

        gateway.sessions.values().forEach(s -> {
            assertThat(s.closed).isTrue();
            assertThat(s.metrics).isNull();
            assertThat(s.stateListeners).isEmpty();
            assertThat(s.sampleListeners).isEmpty();
        });
        vm.offerSamples("web1", List.of(sample("web1", 1, 1.0)));
        assertThat(scheduler.pending).isEmpty();
        vm.close(); // twice is harmless
    }
}
