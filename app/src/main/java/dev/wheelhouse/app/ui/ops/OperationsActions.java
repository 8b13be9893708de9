package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.actions.AppAction;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.value.ObservableObjectValue;
import javafx.scene.control.ChoiceDialog;
import javafx.stage.Window;
import javafx.util.StringConverter;
import org.kordamp.ikonli.feather.Feather;

/**
 * The operations in the one action registry (palette and shortcuts): each acts on the selected
 * environment and asks which application when there is more than one. Dangerous, so read-only
 * environments leave them disabled.
 */
public final class OperationsActions {
    public static final String ROLLBACK = "operation.rollback";
    public static final String DEPLOY = "operation.deploy";
    public static final String RESTART = "operation.restart";
    public static final String SCALE = "operation.scale";
    public static final String INTERRUPTED = "operation.interrupted";
    public static final String ID_CHOOSE_APPLICATION = "choose-application";

    private OperationsActions() {}

    public static void register(ActionRegistry actions, OperationWizards wizards, ObservableObjectValue<Environment> selected,
            Supplier<List<Application>> applications, Supplier<Window> owner) {
        BooleanBinding changeable = Bindings.createBooleanBinding(() -> selected.get() != null && !selected.get().readOnly()
                && !selected.get().kubeTargets().isEmpty(), selected);
        actions.register(action(ROLLBACK, "Roll back an application…", Operation.ROLLBACK, wizards, selected, applications, owner)
                .description("Guided rollback in the selected environment: revisions, diff, preflight, confirm, watch")
                .shortcut("Shortcut+Shift+B").icon(Feather.ROTATE_CCW).enabledWhen(changeable).build());
        actions.register(action(DEPLOY, "Deploy or promote an application…", Operation.DEPLOY, wizards, selected, applications, owner)
                .description("A new image, or the version another environment runs, with preflight, confirm and watch")
                .shortcut("Shortcut+Shift+Y").icon(Feather.UPLOAD_CLOUD).enabledWhen(changeable).build());
        actions.register(action(RESTART, "Restart an application…", Operation.RESTART, wizards, selected, applications, owner)
                .description("kubectl rollout restart, confirmed and journaled").icon(Feather.REFRESH_CW).enabledWhen(changeable).build());
        actions.register(action(SCALE, "Scale an application…", Operation.SCALE, wizards, selected, applications, owner)
                .description("Set the replicas, confirmed and journaled").icon(Feather.MAXIMIZE_2).enabledWhen(changeable).build());
        actions.register(AppAction.builder(INTERRUPTED, "Interrupted operations…")
                .description("Operations cut short when their process ended: re-check the rollout and finish the record")
                .shortcut("Shortcut+Shift+I").icon(Feather.ALERT_TRIANGLE).handler(wizards::showInterrupted).build());
    }

    private static AppAction.Builder action(String id, String title, Operation operation, OperationWizards wizards,
            ObservableObjectValue<Environment> selected, Supplier<List<Application>> applications, Supplier<Window> owner) {
        return AppAction.builder(id, title).dangerous().handler(() -> {
            Environment env = selected.get();
            if (env == null) {
                return;
            }
            choose(owner.get(), title, applications.get().stream().filter(a -> a.workload() != null).toList())
                    .ifPresent(app -> wizards.open(operation, env, app));
        });
    }

    /** The one application there is, or the one the user picks. */
    private static Optional<Application> choose(Window owner, String title, List<Application> apps) {
        if (apps.size() <= 1) {
            return apps.stream().findFirst();
        }
        ChoiceDialog<Application> dialog = new ChoiceDialog<>(apps.getFirst(), apps);
        dialog.initOwner(owner);
        dialog.setTitle(title.replace("…", ""));
        dialog.setHeaderText("Which application?");
        dialog.getDialogPane().setId(ID_CHOOSE_APPLICATION);
        @SuppressWarnings("unchecked")
        var box = (javafx.scene.control.ComboBox<Application>) dialog.getDialogPane().lookup(".combo-box");
        if (box != null) {
            box.setConverter(new StringConverter<>() {
                @Override
                public String toString(Application app) {
                    return app == null ? "" : app.name() + " (" + app.workload().kind().kind() + " " + app.workload().name() + ")";
                }

                @Override
                public Application fromString(String text) {
                    return null;
                }
            });
        }
        return dialog.showAndWait();
    }
}
