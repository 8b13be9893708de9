package dev.wheelhouse.app.ui.environments;

import dev.wheelhouse.app.ui.connections.ConnectionState;
import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/** The selected environment's targets as rows with their connection state. */
public final class EnvironmentDetailViewModel {

    /**
     * One target: its id, what to call it, the namespaces (Kubernetes) or the overrides
     * (hosts) as a line, and how its connection stands.
     */
    public record TargetRow(TargetId id, String title, List<String> namespaces, String detail, ConnectionState state) {}

    private final ReadOnlyObjectProperty<Environment> environment;
    private final ConnectionStates connections;
    private final ObservableList<TargetRow> kubeRows = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<TargetRow> kubeRowsView = FXCollections.unmodifiableObservableList(kubeRows);
    private final ObservableList<TargetRow> hostRows = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<TargetRow> hostRowsView = FXCollections.unmodifiableObservableList(hostRows);

    public EnvironmentDetailViewModel(ReadOnlyObjectProperty<Environment> environment, ConnectionStates connections) {
        this.environment = environment;
        this.connections = connections;
        environment.addListener((InvalidationListener) ignored -> refresh());
        connections.states().addListener((MapChangeListener<TargetId, ConnectionState>) ignored -> refresh());
        refresh();
    }

    private void refresh() {
        Environment env = environment.get();
        if (env == null) {
            kubeRows.clear();
            hostRows.clear();
            return;
        }
        kubeRows.setAll(env.kubeTargets().stream()
                .map(t -> {
                    TargetId id = TargetId.kube(t.context());
                    return new TargetRow(id, t.context(), t.namespaces(),
                            t.namespaces().isEmpty() ? "the context's default namespace" : "", connections.state(id));
                })
                .toList());
        hostRows.setAll(env.hosts().stream()
                .map(h -> {
                    TargetId id = TargetId.host(h.alias());
                    return new TargetRow(id, h.alias(), List.of(), describe(h), connections.state(id));
                })
                .toList());
    }

    /** "deploy@10.0.0.5:2222", or what the ssh config decides. */
    static String describe(HostRef host) {
        if (!host.hasOverrides()) {
            return "as in your ssh config";
        }
        StringBuilder sb = new StringBuilder();
        if (host.user() != null) {
            sb.append(host.user()).append('@');
        }
        sb.append(host.hostName() != null ? host.hostName() : host.alias());
        if (host.port() != null) {
            sb.append(':').append(host.port());
        }
        return sb.toString();
    }

    public ReadOnlyObjectProperty<Environment> environmentProperty() {
        return environment;
    }

    public ObservableList<TargetRow> kubeRows() {
        return kubeRowsView;
    }

    public ObservableList<TargetRow> hostRows() {
        return hostRowsView;
    }
}
