package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.ops.StepProgressViewModel.StepRow;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The steps of a running operation, live: each with its state and output, and the end state
 * with the operation's id. Generic: any wizard or dialog that runs an {@code OperationPlan} puts
 * one of these on its last page.
 */
public final class StepProgressView extends VBox {
    public static final String ID = "step-progress";
    public static final String ID_SUMMARY = "step-progress-summary";
    public static final String STEP_ROW = "step-row";

    private final StepProgressViewModel viewModel;
    private final VBox rows = new VBox(6);
    private final Label summary = new Label();

    public StepProgressView(StepProgressViewModel viewModel) {
        super(10);
        this.viewModel = viewModel;
        setId(ID);
        getStyleClass().add("step-progress");
        summary.setId(ID_SUMMARY);
        summary.setWrapText(true);
        summary.getStyleClass().add(Styles.TEXT_BOLD);
        summary.textProperty().bind(viewModel.summaryProperty());
        viewModel.outcomeProperty().addListener((obs, was, now) -> styleSummary(now));
        getChildren().addAll(rows, summary);
        viewModel.steps().addListener((ListChangeListener<StepRow>) c -> render());
        render();
    }

    private void render() {
        rows.getChildren().setAll(viewModel.steps().stream().map(StepProgressView::row).toList());
    }

    private static HBox row(StepRow step) {
        FontIcon icon = new FontIcon(icon(step.status()));
        icon.getStyleClass().add("step-icon");
        Label name = new Label(step.name());
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(80);
        Label state = new Label(step.status() == null ? "pending" : step.status().name().toLowerCase(Locale.ROOT));
        state.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        state.setMinWidth(70);
        Label output = new Label(step.output());
        output.setWrapText(true);
        output.getStyleClass().addAll(Css.MONO, Styles.TEXT_SMALL);
        HBox.setHgrow(output, Priority.ALWAYS);
        output.setMaxWidth(Double.MAX_VALUE);
        HBox row = new HBox(10, icon, name, state, output);
        row.setAlignment(Pos.TOP_LEFT);
        row.setId("step-" + step.name());
        row.getStyleClass().addAll(STEP_ROW, "step-" + (step.status() == null ? "pending"
                : step.status().name().toLowerCase(Locale.ROOT)));
        return row;
    }

    static Ikon icon(StepStatus status) {
        if (status == null) {
            return Feather.CIRCLE;
        }
        return switch (status) {
            case STARTED -> Feather.LOADER;
            case SUCCEEDED -> Feather.CHECK_CIRCLE;
            case FAILED -> Feather.X_CIRCLE;
            case SKIPPED -> Feather.SKIP_FORWARD;
            case CANCELLED -> Feather.SLASH;
        };
    }

    private void styleSummary(Outcome outcome) {
        summary.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER, Styles.WARNING);
        if (outcome == Outcome.SUCCEEDED) {
            summary.getStyleClass().add(Styles.SUCCESS);
        } else if (outcome == Outcome.FAILED) {
            summary.getStyleClass().add(Styles.DANGER);
        } else if (outcome == Outcome.CANCELLED || outcome == Outcome.ROLLED_BACK) {
            summary.getStyleClass().add(Styles.WARNING);
        }
    }

    public StepProgressViewModel viewModel() {
        return viewModel;
    }
}
