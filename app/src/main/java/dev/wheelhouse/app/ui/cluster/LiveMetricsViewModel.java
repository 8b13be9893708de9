package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import java.util.Objects;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Which pods the Metrics tab charts: the {@link BusiestPods#LIMIT} busiest by CPU in the chosen
 * namespace whose name contains the filter. Ranked off the FX thread, once per metrics sample or
 * change of choice, never twice at once: a choice made while a ranking runs is ranked after it.
 */
public final class LiveMetricsViewModel {
    private final UiExecutor executor;
    private final StringProperty namespace = new SimpleStringProperty(this, "namespace", "");
    private final StringProperty nameFilter = new SimpleStringProperty(this, "nameFilter", "");
    private final ReadOnlyObjectWrapper<BusiestPods> busiest = new ReadOnlyObjectWrapper<>(BusiestPods.NONE);
    private final ReadOnlyObjectWrapper<String> failure = new ReadOnlyObjectWrapper<>("");
    private MetricsSnapshot metrics;
    private boolean ranking;
    private boolean again;

    public LiveMetricsViewModel(UiExecutor executor) {
        this.executor = Objects.requireNonNull(executor);
        namespace.addListener((obs, was, now) -> rank());
        nameFilter.addListener((obs, was, now) -> rank());
    }

    /** A snapshot's metrics: ranked again when they are another sample. FX thread. */
    public void update(MetricsSnapshot latest) {
        if (latest == null || latest == metrics) {
            return;
        }
        metrics = latest;
        rank();
    }

    private void rank() {
        if (metrics == null) {
            return;
        }
        if (ranking) {
            again = true;
            return;
        }
        ranking = true;
        MetricsSnapshot m = metrics;
        String ns = namespace.get() == null ? "" : namespace.get();
        String part = nameFilter.get() == null ? "" : nameFilter.get();
        BackgroundTask.of("rank pods by CPU", () -> BusiestPods.rank(m.latest(), ns, part, BusiestPods.LIMIT))
                .onSuccess(b -> {
                    failure.set("");
                    busiest.set(b);
                    done();
                })
                .onFailure(t -> {
                    failure.set("Cannot rank the pods: " + UiExecutor.describe(t));
                    done();
                })
                .executeWith(executor);
    }

    private void done() {
        ranking = false;
        if (again) {
            again = false;
            rank();
        }
    }

    /** The namespace whose pods are charted; "" for every namespace. */
    public StringProperty namespaceProperty() {
        return namespace;
    }

    /** A part of the pod names to chart; "" for every pod. */
    public StringProperty nameFilterProperty() {
        return nameFilter;
    }

    /** The pods to chart now (NONE until the first sample is ranked). */
    public ReadOnlyObjectProperty<BusiestPods> busiestProperty() {
        return busiest.getReadOnlyProperty();
    }

    /** Why the last ranking failed ("" when it did not). */
    public ReadOnlyObjectProperty<String> failureProperty() {
        return failure.getReadOnlyProperty();
    }
}
