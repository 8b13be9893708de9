package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.PlannedStep;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The confirmation page of any operation: the summary, the plan's steps in order, the reason
 * field, and in production the field where the environment's name must be typed. The button that
 * confirms belongs to the wizard; it binds its disable state to the view-model's confirmable.
 */
public final class ConfirmStepView extends VBox {
    public static final String ID = "confirm-step";
    public static final String ID_SUMMARY = "confirm-summary";
    public static final String ID_STEPS = "confirm-steps";
    public static final String ID_REASON = "confirm-reason";
    public static final String ID_TYPED_NAME = "confirm-typed-name";

    private final ConfirmStepViewModel viewModel;
    private final VBox steps = new VBox(4);
    private final TextField reason = new TextField();
    private final TextField typed = new TextField();

    public ConfirmStepView(ConfirmStepViewModel viewModel) {
        super(12);
        this.viewModel = viewModel;
        setId(ID);
        Label summary = new Label();
        summary.setId(ID_SUMMARY);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TITLE_4);
        summary.textProperty().bind(viewModel.summaryProperty());

        Label stepsTitle = new Label("What will happen, in order");
        stepsTitle.getStyleClass().add(Css.SECTION_TITLE);
        steps.setId(ID_STEPS);
        viewModel.planProperty().addListener((obs, was, now) -> renderSteps(now));
        renderSteps(viewModel.planProperty().get());

        Label reasonLabel = new Label("_Reason (journaled, and set as the change-cause)");
        reasonLabel.setMnemonicParsing(true);
        reasonLabel.setLabelFor(reason);
        reason.setId(ID_REASON);
        reason.setPromptText("e.g. incident 4711: checkout errors since 14:02");
        reason.textProperty().bindBidirectional(viewModel.reasonProperty());

        getChildren().addAll(summary, stepsTitle, steps, reasonLabel, reason);
        if (viewModel.requiresTypedName()) {
            Label ask = new Label("This is a production environment. Type its name, "
                    + viewModel.environment().name() + ", to enable the button:", new FontIcon(Feather.ALERT_TRIANGLE));
            ask.setWrapText(true);
            ask.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.DANGER);
            typed.setId(ID_TYPED_NAME);
            typed.setPromptText(viewModel.environment().name());
            typed.textProperty().bindBidirectional(viewModel.typedProperty());
            getChildren().addAll(ask, typed);
        }
    }

    private void renderSteps(OperationPlan plan) {
        steps.getChildren().clear();
        if (plan == null) {
            Label wait = new Label("Making the plan…");
            wait.getStyleClass().add(Styles.TEXT_MUTED);
            steps.getChildren().add(wait);
            return;
        }
        int n = 1;
        for (PlannedStep step : plan.steps()) {
            Label number = new Label(n++ + ".");
            number.setMinWidth(22);
            number.getStyleClass().add(Styles.TEXT_MUTED);
            Label name = new Label(step.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label what = new Label(StepDescriptions.of(step.phase()));
            what.getStyleClass().add(Styles.TEXT_MUTED);
            what.setWrapText(true);
            HBox row = new HBox(8, number, name, what);
            row.setAlignment(Pos.BASELINE_LEFT);
            steps.getChildren().add(row);
        }
    }

    /** Where the wizard puts the focus on this page: the name field in production, else the reason. */
    public void focusFirstField() {
        (viewModel.requiresTypedName() ? typed : reason).requestFocus();
    }

    public ConfirmStepViewModel viewModel() {
        return viewModel;
    }
}
