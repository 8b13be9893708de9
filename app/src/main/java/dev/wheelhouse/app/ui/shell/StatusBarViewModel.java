package dev.wheelhouse.app.ui.shell;

import dev.wheelhouse.app.ui.connections.ConnectionState;
import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel;
import java.util.Map;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.binding.StringBinding;
import javafx.collections.FXCollections;
import javafx.collections.MapChangeListener;
import javafx.collections.ObservableList;

/** The status bar's lines: the workspace file, the history, and the connections. */
public final class StatusBarViewModel {
    public enum Severity { OK, BUSY, WARNING, DANGER }

    private final StringBinding workspaceText;
    private final ObjectBinding<Severity> workspaceSeverity;
    private final StringBinding historyText;
    private final ObjectBinding<Severity> historySeverity;
    private final StringBinding connectionsText;
    private final ObservableList<Map.Entry<TargetId, ConnectionState>> connections = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<Map.Entry<TargetId, ConnectionState>> connectionsView = FXCollections.unmodifiableObservableList(connections);

    public StatusBarViewModel(WorkspaceViewModel workspace, HistoryStatusViewModel history, ConnectionStates states) {
        workspaceText = Bindings.createStringBinding(() -> switch (workspace.phase()) {
                    case LOADING -> "Reading workspace…";
                    case LOADED -> {
                        int n = workspace.environments().size();
                        yield "Workspace: " + n + (n == 1 ? " environment" : " environments");
                    }
                    case MISSING -> "Workspace not saved yet";
                    case INVALID -> {
                        var e = workspace.errorProperty().get();
                        yield "Workspace invalid" + (e != null && e.line() > 0 ? " at line " + e.line() + ", column " + e.column() : "");
                    }
                    case FAILED -> "Workspace unreadable";
                },
                workspace.phaseProperty(), workspace.environments(), workspace.errorProperty());
        workspaceSeverity = Bindings.createObjectBinding(() -> switch (workspace.phase()) {
                    case LOADING -> Severity.BUSY;
                    case LOADED -> Severity.OK;
                    case MISSING -> Severity.WARNING;
                    case INVALID, FAILED -> Severity.DANGER;
                },
                workspace.phaseProperty());
        historyText = Bindings.createStringBinding(() -> switch (history.stateProperty().get()) {
                    case NOT_OPENED, OPENING -> "History: opening…";
                    case OPEN -> "History: open";
                    case UNAVAILABLE -> "History unavailable: " + history.detailProperty().get();
                },
                history.stateProperty(), history.detailProperty());
        historySeverity = Bindings.createObjectBinding(() -> switch (history.stateProperty().get()) {
                    case NOT_OPENED, OPENING -> Severity.BUSY;
                    case OPEN -> Severity.OK;
                    case UNAVAILABLE -> Severity.DANGER;
                },
                history.stateProperty());
        connectionsText = Bindings.createStringBinding(() -> {
                    int total = states.states().size();
                    if (total == 0) {
                        return "No targets";
                    }
                    int reconnecting = states.reconnectingCount().get();
                    return states.connectedCount().get() + " of " + total + " targets connected"
                            + (reconnecting > 0 ? " · " + reconnecting + " reconnecting" : "");
                },
                states.states(), states.connectedCount(), states.reconnectingCount());
        states.states().addListener((MapChangeListener<TargetId, ConnectionState>) c -> refresh(states));
        refresh(states);
    }

    private void refresh(ConnectionStates states) {
        connections.setAll(states.states().entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue()))
                .sorted(Map.Entry.comparingByKey())
                .toList());
    }

    public StringBinding workspaceText() {
        return workspaceText;
    }

    public ObjectBinding<Severity> workspaceSeverity() {
        return workspaceSeverity;
    }

    public StringBinding historyText() {
        return historyText;
    }

    public ObjectBinding<Severity> historySeverity() {
        return historySeverity;
    }

    public StringBinding connectionsText() {
        return connectionsText;
    }

    /** Every target and its state, Kubernetes contexts first, then hosts, by name. */
    public ObservableList<Map.Entry<TargetId, ConnectionState>> connections() {
        return connectionsView;
    }
}
