package dev.wheelhouse.app.ui.ops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.ops.InterruptedOperationsViewModel.Item;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The interrupted operations, each with "Re-check and finish the record" and, once done, how it ended. */
public final class InterruptedOperationsView {
    public static final String ID = "interrupted-operations";
    public static final String TITLE = "Interrupted operations — Wheelhouse";
    public static final String RECHECK_PREFIX = "recheck-";
    public static final String RESULT_PREFIX = "recheck-result-";

    private final InterruptedOperationsViewModel viewModel;
    private final Stage stage = new Stage();
    private final VBox rows = new VBox(10);

    public InterruptedOperationsView(Window owner, InterruptedOperationsViewModel viewModel) {
        this.viewModel = viewModel;
        Label title = new Label("Interrupted operations");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("These were cut short when the process running them ended (a crash, a killed terminal). "
                + "Re-checking reads the workload's rollout now and finishes the record: the step that was cut short, a "
                + "re-check step saying where things stand, and the outcome. Nothing is changed in the cluster.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        VBox content = new VBox(12, title, hint, rows);
        content.setPadding(new Insets(16, 20, 16, 20));
        content.setId(ID);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 860, 460);
        scene.getStylesheets().addAll(Css.STYLESHEET, WizardWindow.STYLESHEET);
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.close();
            }
        });
        if (owner != null) {
            stage.initOwner(owner);
        }
        stage.setTitle(TITLE);
        stage.setScene(scene);
        viewModel.items().addListener((ListChangeListener<Item>) c -> render());
        render();
    }

    private void render() {
        if (viewModel.items().isEmpty()) {
            Label none = new Label("None: every journaled operation has finished.");
            none.getStyleClass().add(Styles.TEXT_MUTED);
            rows.getChildren().setAll(none);
            return;
        }
        rows.getChildren().setAll(viewModel.items().stream().map(this::row).toList());
    }

    private Node row(Item item) {
        Label what = new Label(item.describe(), new FontIcon(Feather.ALERT_TRIANGLE));
        what.setWrapText(true);
        what.getStyleClass().add(Styles.TEXT_BOLD);
        HBox.setHgrow(what, Priority.ALWAYS);
        what.setMaxWidth(Double.MAX_VALUE);
        Button recheck = new Button(item.checking() ? "Re-checking…" : "Re-check and finish the record",
                new FontIcon(Feather.REFRESH_CW));
        recheck.setId(RECHECK_PREFIX + item.operation().id());
        recheck.setDisable(item.checking() || !item.result().isEmpty());
        recheck.setOnAction(e -> viewModel.recheck(item));
        HBox head = new HBox(10, what, recheck);
        head.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(6, head);
        if (!item.result().isEmpty()) {
            Label result = new Label(item.result());
            result.setId(RESULT_PREFIX + item.operation().id());
            result.setWrapText(true);
            result.getStyleClass().add(Css.MONO);
            box.getChildren().add(result);
        }
        box.getStyleClass().addAll("finding", item.result().isEmpty() ? "warning" : "ok");
        return box;
    }

    public void show() {
        stage.show();
        stage.toFront();
    }

    public Stage stage() {
        return stage;
    }
}
