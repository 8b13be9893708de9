package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.OperationPlan;
import java.util.Objects;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * The last look before an operation changes anything: what it will do (the plan's steps), why
 * (the reason, journaled), and in production the environment's name typed out so that a slip of
 * the hand changes nothing. Generic over {@link OperationPlan}: every wizard and dialog confirms
 * the same way.
 */
public final class ConfirmStepViewModel {
    private final Environment environment;
    private final ObjectProperty<OperationPlan> plan = new SimpleObjectProperty<>();
    private final StringProperty summary = new SimpleStringProperty("");
    private final StringProperty reason = new SimpleStringProperty("");
    private final StringProperty typed = new SimpleStringProperty("");
    private final BooleanProperty blocked = new SimpleBooleanProperty();
    private final BooleanBinding confirmable;

    public ConfirmStepViewModel(Environment environment) {
        this.environment = Objects.requireNonNull(environment);
        this.confirmable = Bindings.createBooleanBinding(
                () -> plan.get() != null && !blocked.get() && typedNameMatches(), plan, typed, blocked);
    }

    public Environment environment() {
        return environment;
    }

    /** Production: the user types the environment's name to enable the button. */
    public boolean requiresTypedName() {
        return environment.tier().isProduction();
    }

    private boolean typedNameMatches() {
        return !requiresTypedName() || environment.name().equals(typed.get());
    }

    /** The plan to confirm; null while it is being made (nothing can be confirmed then). */
    public ObjectProperty<OperationPlan> planProperty() {
        return plan;
    }

    /** One sentence: "Roll back storefront in sandbox-prod from revision 5 (1.4.2) to revision 4 (1.4.1)". */
    public StringProperty summaryProperty() {
        return summary;
    }

    public StringProperty reasonProperty() {
        return reason;
    }

    /** The reason as journaled: trimmed, null when none was given. */
    public String reason() {
        String r = reason.get() == null ? "" : reason.get().strip();
        return r.isEmpty() ? null : r;
    }

    public StringProperty typedProperty() {
        return typed;
    }

    /** Set while something outside (a running operation, a preflight that refuses) forbids confirming. */
    public BooleanProperty blockedProperty() {
        return blocked;
    }

    public BooleanBinding confirmableProperty() {
        return confirmable;
    }
}
