package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.PracticeSandbox;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * Starting the practice sandbox from the window: off the FX thread, with its state (and why it
 * failed) for the views, and the running session handed to whoever shows its environments.
 */
public final class SandboxViewModel {
    public enum State { IDLE, STARTING, RUNNING, FAILED }

    private final PracticeSandbox sandbox;
    private final UiExecutor executor;
    private final Consumer<PracticeSandbox.Session> onRunning;
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<PracticeSandbox.Session> session = new ReadOnlyObjectWrapper<>();

    public SandboxViewModel(PracticeSandbox sandbox, UiExecutor executor, Consumer<PracticeSandbox.Session> onRunning) {
        this.sandbox = Objects.requireNonNull(sandbox);
        this.executor = Objects.requireNonNull(executor);
        this.onRunning = Objects.requireNonNull(onRunning);
    }

    /** Starts the sandbox (or shows the one already running). */
    public void open() {
        if (state.get() == State.STARTING) {
            return;
        }
        if (session.get() != null) {
            onRunning.accept(session.get());
            return;
        }
        state.set(State.STARTING);
        message.set("Starting the practice sandbox…");
        BackgroundTask.of("start the practice sandbox", sandbox::start)
                .onSuccess(s -> {
                    session.set(s);
                    state.set(State.RUNNING);
                    message.set("Practice sandbox running at " + s.url() + " · kubeconfig " + s.kubeconfig());
                    onRunning.accept(s);
                })
                .onFailure(t -> {
                    state.set(State.FAILED);
                    message.set("The practice sandbox could not start: " + UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** Stops the sandbox; blocking, so called as the window closes (off the FX thread is fine). */
    public void stop() {
        PracticeSandbox.Session s = session.get();
        if (s != null) {
            s.close();
        }
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<PracticeSandbox.Session> sessionProperty() {
        return session.getReadOnlyProperty();
    }
}
