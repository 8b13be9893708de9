package dev.wheelhouse.app.ui.connections;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.IntegerBinding;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;

/**
 * The connection state of every target of the workspace, for the status bar and the detail
 * view. FX thread only: whoever watches connections (later, the cluster and host gateways)
 * coalesces its events and hands a batch to {@link #updateAll} through the UiExecutor.
 */
public final class ConnectionStates {
    private final ObservableMap<TargetId, ConnectionState> states = FXCollections.observableHashMap();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableMap<TargetId, ConnectionState> statesView = FXCollections.unmodifiableObservableMap(states);
    private final IntegerBinding connectedCount = Bindings.createIntegerBinding(
            () -> (int) states.values().stream()
                    .filter(s -> s.status() == ConnectionStatus.CONNECTED)
                    .count(),
            states);

    private final IntegerBinding reconnectingCount = Bindings.createIntegerBinding(
            () -> (int) states.values().stream()
                    .filter(s -> s.status() == ConnectionStatus.RECONNECTING)
                    .count(),
            states);

    public ObservableMap<TargetId, ConnectionState> states() {
        return statesView;
    }

    public ConnectionState state(TargetId id) {
        return states.getOrDefault(id, ConnectionState.NOT_CONNECTED);
    }

    /** Keeps exactly these targets: new ones start not connected, gone ones are dropped. */
    public void track(Collection<TargetId> targets) {
        Set<TargetId> wanted = new HashSet<>(targets);
        states.keySet().retainAll(wanted);
        for (TargetId id : wanted) {
            states.putIfAbsent(id, ConnectionState.NOT_CONNECTED);
        }
    }

    /** A batch of changes; states of targets not tracked are ignored. */
    public void updateAll(Map<TargetId, ConnectionState> changes) {
        changes.forEach((id, state) -> {
            if (states.containsKey(id)) {
                states.put(id, state);
            }
        });
    }

    public void update(TargetId id, ConnectionState state) {
        updateAll(Map.of(id, state));
    }

    public IntegerBinding connectedCount() {
        return connectedCount;
    }

    /** Targets that were connected and are trying again (their data may be stale). */
    public IntegerBinding reconnectingCount() {
        return reconnectingCount;
    }
}
