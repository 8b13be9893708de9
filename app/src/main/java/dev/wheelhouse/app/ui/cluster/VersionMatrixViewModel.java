package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;

/**
 * Applications x environments -> the version each runs (its main container's image tag), its
 * health and when it last changed. One live subscription per environment (each coalesced as
 * the environment views are); closing the matrix closes them all.
 */
public final class VersionMatrixViewModel implements AutoCloseable {
    /**
     * @param version the tag, or "" when the workload is not there; several tags (contexts or
     *     namespaces that differ) are joined with ", "
     * @param changed when it last changed (null when not known yet)
     * @param note "not deployed", "connecting…", or a feed's problem
     */
    public record Cell(String version, Health health, Instant changed, String note) {}

    private final List<Application> applications;
    private final List<Environment> environments;
    private final Map<String, EnvironmentLiveViewModel> live = new LinkedHashMap<>();
    private final ReadOnlyLongWrapper revision = new ReadOnlyLongWrapper();

    public VersionMatrixViewModel(List<Application> applications, List<Environment> environments,
            Function<Environment, Supplier<ClusterGateway>> gateways, UiExecutor executor) {
        this.applications = applications.stream().filter(a -> a.workload() != null).toList();
        this.environments = environments.stream().filter(e -> !e.kubeTargets().isEmpty()).toList();
        for (Environment env : this.environments) {
            var vm = new EnvironmentLiveViewModel(env, gateways.apply(env), executor, null);
            vm.appliedProperty().addListener((obs, was, now) -> revision.set(revision.get() + 1));
            vm.inventoryProperty().addListener((obs, was, now) -> revision.set(revision.get() + 1));
            live.put(env.name(), vm);
        }
    }

    public void start() {
        live.values().forEach(EnvironmentLiveViewModel::start);
    }

    public List<Application> applications() {
        return applications;
    }

    public List<Environment> environments() {
        return environments;
    }

    /** Increases whenever a cell may have changed. */
    public ReadOnlyLongProperty revisionProperty() {
        return revision.getReadOnlyProperty();
    }

    public Cell cell(Application app, Environment env) {
        EnvironmentLiveViewModel vm = live.get(env.name());
        ClusterSnapshot snapshot = vm == null ? null : vm.snapshot();
        if (snapshot == null) {
            return new Cell("", Health.UNKNOWN, null, "connecting…");
        }
        return cell(app, snapshot, vm.inventoryProperty().get());
    }

    /** The cell of an application from a snapshot (and the inventory for when it changed). */
    public static Cell cell(Application app, ClusterSnapshot snapshot, Inventory inventory) {
        Application.Workload w = app.workload();
        String kind = w.kind().kind();
        List<ResourceRow> rows = snapshot.rows(kind).stream().filter(r -> r.name().equals(w.name())).toList();
        if (rows.isEmpty()) {
            List<String> problems = snapshot.problems(kind);
            if (!problems.isEmpty()) {
                return new Cell("", Health.UNKNOWN, null, problems.getFirst());
            }
            return new Cell("", Health.UNKNOWN, null, snapshot.live(kind) ? "not deployed" : "connecting…");
        }
        Set<String> versions = new LinkedHashSet<>();
        Health health = Health.HEALTHY;
        for (ResourceRow r : rows) {
            versions.add(r.versionOf(w.container()));
            health = health.worse(r.health());
        }
        Instant changed = null;
        if (inventory != null) {
            for (Inventory.Workload iw : inventory.workloads()) {
                if (iw.kind().equals(kind) && iw.name().equals(w.name()) && iw.changed() != null
                        && (changed == null || iw.changed().isAfter(changed))) {
                    changed = iw.changed();
                }
            }
        }
        String note = snapshot.stale(kind) ? "reconnecting — may be stale" : "";
        return new Cell(String.join(", ", new ArrayList<>(versions)), health, changed, note);
    }

    @Override
    public void close() {
        live.values().forEach(EnvironmentLiveViewModel::close);
    }
}
