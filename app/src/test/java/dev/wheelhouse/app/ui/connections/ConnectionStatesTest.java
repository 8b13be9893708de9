package dev.wheelhouse.app.ui.connections;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ConnectionStatesTest {
    private final ConnectionStates states = new ConnectionStates();

    @Test
    void trackedTargetsStartNotConnectedAndUntrackedOnesAreDropped() {
        states.track(List.of(TargetId.kube("prod-eu"), TargetId.host("web-1"), TargetId.kube("prod-eu")));

        assertThat(states.states()).containsOnlyKeys(TargetId.kube("prod-eu"), TargetId.host("web-1"));
        assertThat(states.state(TargetId.host("web-1"))).isEqualTo(ConnectionState.NOT_CONNECTED);

        states.track(List.of(TargetId.host("web-1")));
        assertThat(states.states()).containsOnlyKeys(TargetId.host("web-1"));
    }

    @Test
    void batchesUpdateTrackedTargetsOnlyAndCountTheConnected() {
        states.track(List.of(TargetId.kube("prod-eu"), TargetId.host("web-1")));
        states.updateAll(Map.of(
                TargetId.kube("prod-eu"), new ConnectionState(ConnectionStatus.CONNECTED, "v1.32"),
                TargetId.host("stranger"), new ConnectionState(ConnectionStatus.FAILED, "?")));

        assertThat(states.connectedCount().get()).isEqualTo(1);
        assertThat(states.states()).doesNotContainKey(TargetId.host("stranger"));

        // A state survives re-tracking the same targets (e.g. after the workspace is saved).
        states.track(List.of(TargetId.kube("prod-eu"), TargetId.host("web-1")));
        assertThat(states.state(TargetId.kube("prod-eu")).status()).isEqualTo(ConnectionStatus.CONNECTED);
        states.update(TargetId.kube("prod-eu"), new ConnectionState(ConnectionStatus.FAILED, "401 Unauthorized"));
        assertThat(states.connectedCount().get()).isZero();
    }
}
