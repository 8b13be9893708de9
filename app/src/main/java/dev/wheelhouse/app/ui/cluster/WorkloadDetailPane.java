package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.logs.LogLinesViewModel;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.RowKey;
import java.util.List;
import java.util.Objects;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.control.SplitPane;

/**
 * Where the Workloads tab shows one workload in detail: under the tables, in a split pane,
 * opened by selecting a Deployment, StatefulSet, DaemonSet or Pod row (or from the version
 * matrix), closed by its close button. One at a time; selecting another replaces it.
 */
final class WorkloadDetailPane {
    private final EnvironmentLiveViewModel live;
    private final WorkloadOperations operations;
    private final SplitPane split = new SplitPane();
    private List<KindInfo> kinds = List.of();
    private final List<ResourceTableView> followed = new java.util.ArrayList<>();
    private WorkloadDetailView open;
    private String pendingKind;
    private String pendingName;

    WorkloadDetailPane(EnvironmentLiveViewModel live, WorkloadOperations operations) {
        this.live = live;
        this.operations = Objects.requireNonNull(operations);
        split.setOrientation(Orientation.VERTICAL);
        split.setId("workloads-split");
    }

    /** The Workloads tab's content: the tables, with room below for the detail pane. */
    Node wrap(Node tables, List<KindInfo> known) {
        kinds = known;
        split.getItems().setAll(tables);
        return split;
    }

    /** Selecting a row of this table opens its detail pane. */
    void follow(ResourceTableView table) {
        if (!WorkloadDetailViewModel.KINDS.contains(table.kind().kind())) {
            return;
        }
        followed.add(table);
        table.table().getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null && (open == null || !open.viewModel().key().equals(now.key()))) {
                open(now.key());
            }
        });
    }

    /** Opens (or replaces) the detail pane of one workload or pod. FX thread. */
    void open(RowKey key) {
        if (kinds.isEmpty() || (open != null && open.viewModel().key().equals(key))) {
            return;
        }
        close();
        var viewModel = new WorkloadDetailViewModel(key, live.environment(), live.gateway(), live.executor(), operations,
                LogLinesViewModel.after(WorkloadDetailViewModel.LOG_FLUSH));
        open = new WorkloadDetailView(viewModel, live, kinds, this::dismiss);
        split.getItems().add(open);
        split.setDividerPositions(0.4);
    }

    /** The pane showing now, or null. */
    WorkloadDetailView current() {
        return open;
    }

    /** The close button: the pane goes, and so does the selection, so selecting the row again reopens it. */
    private void dismiss() {
        close();
        followed.forEach(t -> t.table().getSelectionModel().clearSelection());
    }

    void close() {
        if (open != null) {
            open.close();
            split.getItems().remove(open);
            open = null;
        }
    }

    /**
     * Opens the detail pane of a workload by kind and name as soon as it is listed (the view may
     * have just been made, as when the version matrix opens a workload of another environment).
     */
    void openWhenListed(String kind, String name) {
        pendingKind = kind;
        pendingName = name;
        openPending();
    }

    /** A new snapshot: opens the pending workload if it is listed now. FX thread. */
    void openPending() {
        if (pendingKind == null || kinds.isEmpty() || live.snapshot() == null) {
            return;
        }
        String kind = pendingKind;
        String name = pendingName;
        live.snapshot().rows(kind).stream().filter(r -> r.name().equals(name)).findFirst().ifPresent(row -> {
            pendingKind = null;
            pendingName = null;
            open(row.key());
        });
    }
}
