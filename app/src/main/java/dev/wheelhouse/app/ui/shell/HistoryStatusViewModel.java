package dev.wheelhouse.app.ui.shell;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The operations history, opened in the background when the window opens. If it can't be
 * opened the console still works; the status bar says why.
 */
public final class HistoryStatusViewModel {
    public enum State { NOT_OPENED, OPENING, OPEN, UNAVAILABLE }

    private final Supplier<HistoryStore> opener;
    private final UiExecutor executor;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.NOT_OPENED);
    private final ReadOnlyStringWrapper detail = new ReadOnlyStringWrapper("");
    // Set on the worker thread as soon as the store exists, so close() finds it even when the
    // window closed before the FX callback ran.
    private final AtomicReference<HistoryStore> opened = new AtomicReference<>();
    private final AtomicBoolean closed = new AtomicBoolean();

    public HistoryStatusViewModel(Supplier<HistoryStore> opener, UiExecutor executor) {
        this.opener = opener;
        this.executor = executor;
    }

    public void open() {
        if (state.get() != State.NOT_OPENED) {
            return;
        }
        state.set(State.OPENING);
        detail.set("opening…");
        BackgroundTask.of("open history", () -> {
                    HistoryStore store = opener.get();
                    opened.set(store);
                    if (closed.get()) {
                        closeQuietly(store);
                    }
                    return store;
                })
                .onSuccess(store -> {
                    state.set(State.OPEN);
                    detail.set("open");
                })
                .onFailure(t -> {
                    state.set(State.UNAVAILABLE);
                    detail.set(UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** The history, once open. */
    public Optional<HistoryStore> store() {
        return state.get() == State.OPEN ? Optional.ofNullable(opened.get()) : Optional.empty();
    }

    /** Closes the history if it was opened. Blocking (it is a database): not on the FX thread. */
    public void close() {
        if (closed.compareAndSet(false, true)) {
            HistoryStore store = opened.getAndSet(null);
            if (store != null) {
                closeQuietly(store);
            }
        }
    }

    private static void closeQuietly(HistoryStore store) {
        try {
            store.close();
        } catch (RuntimeException e) {
            org.slf4j.LoggerFactory.getLogger(HistoryStatusViewModel.class).warn("closing the history failed", e);
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty detailProperty() {
        return detail.getReadOnlyProperty();
    }
}
