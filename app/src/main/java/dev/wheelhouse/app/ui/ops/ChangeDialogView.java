package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.core.history.OperationKind;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.scene.control.Label;
import javafx.scene.control.Spinner;
import javafx.scene.control.SpinnerValueFactory;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.geometry.Pos;
import javafx.stage.Window;

/** The restart and scale dialogs: preflight, confirmation and run on two small pages. */
public final class ChangeDialogView {
    public static final String ID_REPLICAS = "scale-replicas";
    public static final String RESTART_PREFIX = "Restart ";
    public static final String SCALE_PREFIX = "Scale ";

    private final ChangeDialogViewModel viewModel;
    private final WizardWindow window;
    private final ConfirmStepView confirm;

    public ChangeDialogView(Window owner, ChangeDialogViewModel viewModel, boolean sandbox) {
        this.viewModel = viewModel;
        KubeWizardCommon common = viewModel.common();
        boolean scale = viewModel.kind() == OperationKind.SCALE;
        window = new WizardWindow(owner, (scale ? SCALE_PREFIX : RESTART_PREFIX) + common.target().application(),
                common.target().environment(), sandbox, List.of("Confirm", "Run"));
        window.stage().setWidth(760);
        window.stage().setHeight(600);
        confirm = new ConfirmStepView(common.confirm());
        VBox confirmPage = KubePages.preflight(common, viewModel::load, window.stage());
        if (scale) {
            Spinner<Integer> replicas = new Spinner<>();
            replicas.setId(ID_REPLICAS);
            replicas.setEditable(true);
            SpinnerValueFactory.IntegerSpinnerValueFactory values = new SpinnerValueFactory.IntegerSpinnerValueFactory(0, 1000, 0);
            replicas.setValueFactory(values);
            viewModel.replicasProperty().addListener((obs, was, now) -> {
                if (now.intValue() >= 0 && values.getValue() != now.intValue()) {
                    values.setValue(now.intValue());
                }
            });
            values.valueProperty().addListener((obs, was, now) -> {
                if (now != null && viewModel.replicasProperty().get() >= 0) {
                    viewModel.replicasProperty().set(now);
                }
            });
            replicas.disableProperty().bind(viewModel.replicasProperty().lessThan(0));
            Label label = new Label("_Replicas");
            label.setMnemonicParsing(true);
            label.setLabelFor(replicas);
            HBox row = new HBox(10, label, replicas);
            row.setAlignment(Pos.CENTER_LEFT);
            confirmPage.getChildren().add(1, row);
        }
        Label explain = new Label(scale ? "Sets the workload's replicas; the controller adds or removes pods."
                : "Restarts every pod the way kubectl rollout restart does (the restartedAt annotation), a few at a time.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);
        confirmPage.getChildren().add(0, explain);
        confirmPage.getChildren().add(confirm);
        VBox runPage = KubePages.run(common);

        var next = window.nextButton();
        next.textProperty().set(scale ? "_Scale" : "_Restart");
        next.getStyleClass().add(Styles.DANGER);
        next.setOnAction(e -> viewModel.confirm());
        next.disableProperty().bind(Bindings.createBooleanBinding(() -> viewModel.proposalProperty().get() == null
                || common.loadingProperty().get() || !common.preflightPassedProperty().get()
                || !common.confirm().confirmableProperty().get(), viewModel.proposalProperty(), common.loadingProperty(),
                common.preflightPassedProperty(), common.confirm().confirmableProperty()));
        next.visibleProperty().bind(viewModel.startedProperty().not());
        window.backButton().setVisible(false);
        window.cancelButton().setOnAction(e -> {
            if (viewModel.cancel()) {
                window.close();
            }
        });
        window.cancelButton().textProperty().bind(Bindings.createStringBinding(() -> !viewModel.startedProperty().get() ? "Cancel"
                : common.progress().runningProperty().get() ? "Cancel" : "Close",
                viewModel.startedProperty(), common.progress().runningProperty()));
        window.stage().setOnCloseRequest(e -> {
            if (!viewModel.cancel()) {
                e.consume();
            }
        });
        viewModel.startedProperty().addListener((obs, was, now) -> {
            if (now) {
                window.pageProperty().set(1);
                window.setContent(runPage);
            }
        });
        window.setContent(confirmPage);
    }

    public void show() {
        window.show();
        viewModel.load();
        confirm.focusFirstField();
    }

    public WizardWindow window() {
        return window;
    }

    public ChangeDialogViewModel viewModel() {
        return viewModel;
    }
}
