package dev.wheelhouse.app.ui.environments;

import dev.wheelhouse.core.workspace.Environment;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/** Confirming the removal of an environment: production asks for its name to be typed. */
public final class RemoveEnvironmentViewModel {
    private final Environment environment;
    private final EnvironmentRemover remover;
    private final StringProperty typed = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper removing = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper removed = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper();
    private final BooleanBinding confirmable;

    @FunctionalInterface
    public interface EnvironmentRemover {
        void remove(String name, Runnable onRemoved, java.util.function.Consumer<String> onFailed);
    }

    public RemoveEnvironmentViewModel(Environment environment, EnvironmentRemover remover) {
        this.environment = Objects.requireNonNull(environment);
        this.remover = Objects.requireNonNull(remover);
        this.confirmable = Bindings.createBooleanBinding(
                () -> !removing.get() && (!requiresTypedName() || environment.name().equals(typed.get())),
                typed, removing);
    }

    public Environment environment() {
        return environment;
    }

    /** Production environments: the user types the name, so a slip of the hand removes nothing. */
    public boolean requiresTypedName() {
        return environment.tier().isProduction();
    }

    public void remove() {
        if (!confirmable.get()) {
            return;
        }
        removing.set(true);
        error.set(null);
        remover.remove(environment.name(),
                () -> {
                    removing.set(false);
                    removed.set(true);
                },
                message -> {
                    removing.set(false);
                    error.set(message);
                });
    }

    public StringProperty typedProperty() {
        return typed;
    }

    public BooleanBinding confirmableProperty() {
        return confirmable;
    }

    public ReadOnlyBooleanProperty removedProperty() {
        return removed.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }
}
