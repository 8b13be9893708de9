package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.workspace.HostRef;
import java.util.List;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * One host as its card shows it. Its properties change on the FX thread only, in the view
 * model's batched flush; {@link #session()} is set from the background once it exists.
 */
public final class HostCardModel {
    private final HostRef ref;
    private final int seriesLimit;
    private final ObjectProperty<ConnectionState> state = new SimpleObjectProperty<>();
    private final ObjectProperty<HostMetricsSample> latest = new SimpleObjectProperty<>();
    private final ObservableList<HostMetricsSample> history = FXCollections.observableArrayList();
    private final ObservableList<HostMetricsSample> historyView = FXCollections.unmodifiableObservableList(history);
    private final StringProperty notice = new SimpleStringProperty("");
    private final BooleanProperty keyPromptOpen = new SimpleBooleanProperty();
    private final BooleanProperty keyRefused = new SimpleBooleanProperty();
    private volatile HostSession session;

    HostCardModel(HostRef ref, int seriesLimit) {
        this.ref = ref;
        this.seriesLimit = seriesLimit;
    }

    public String alias() {
        return ref.alias();
    }

    public HostRef ref() {
        return ref;
    }

    public ObjectProperty<ConnectionState> stateProperty() {
        return state;
    }

    public ConnectionState state() {
        return state.get();
    }

    public ObjectProperty<HostMetricsSample> latestProperty() {
        return latest;
    }

    public HostMetricsSample latest() {
        return latest.get();
    }

    /** The recent samples, oldest first, at most the series limit (what the charts draw). */
    public ObservableList<HostMetricsSample> history() {
        return historyView;
    }

    /** A line about the last action (key saved, reconnect asked, a failure), or "". */
    public StringProperty noticeProperty() {
        return notice;
    }

    /** True while the unknown-key dialog for this host is showing (so it opens once). */
    public BooleanProperty keyPromptOpenProperty() {
        return keyPromptOpen;
    }

    /** The user refused the unknown key: do not ask again until they press Reconnect. */
    public BooleanProperty keyRefusedProperty() {
        return keyRefused;
    }

    public HostSession session() {
        return session;
    }

    void session(HostSession value) {
        this.session = value;
    }

    /** Adds samples newer than the newest held, in one change, and drops the oldest past the limit. */
    void addSamples(List<HostMetricsSample> samples) {
        // The ring buffer read at start and the listener may both deliver a sample: keep each once.
        HostMetricsSample newest = history.isEmpty() ? null : history.getLast();
        List<HostMetricsSample> sorted = samples.stream().sorted(java.util.Comparator.comparing(HostMetricsSample::at)).toList();
        List<HostMetricsSample> fresh = new java.util.ArrayList<>(sorted.size());
        for (HostMetricsSample s : sorted) {
            HostMetricsSample last = fresh.isEmpty() ? newest : fresh.getLast();
            if (last == null || s.at().isAfter(last.at())) {
                fresh.add(s);
            }
        }
        if (fresh.isEmpty()) {
            return;
        }
        int excess = history.size() + fresh.size() - seriesLimit;
        if (excess >= history.size()) {
            history.setAll(fresh.subList(Math.max(0, fresh.size() - seriesLimit), fresh.size()));
        } else {
            if (excess > 0) {
                history.remove(0, excess);
            }
            history.addAll(fresh);
        }
        latest.set(history.getLast());
    }
}
