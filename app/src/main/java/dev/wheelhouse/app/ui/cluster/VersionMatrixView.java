package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.cluster.VersionMatrixViewModel.Cell;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The version matrix in its own window: applications down, environments across, each cell the
 * running version with its health and when it changed. A cell opens the workload in the main
 * window. Closing the window stops its watches.
 */
public final class VersionMatrixView {
    public static final String ID = "version-matrix";
    public static final String TITLE = "Version matrix — Wheelhouse";

    private final VersionMatrixViewModel viewModel;
    private final Predicate<Environment> sandbox;
    private final BiConsumer<Environment, Application> open;
    private final GridPane grid = new GridPane();
    private final Stage stage = new Stage();

    public VersionMatrixView(Window owner, VersionMatrixViewModel viewModel, Predicate<Environment> sandbox,
            BiConsumer<Environment, Application> open) {
        this.viewModel = viewModel;
        this.sandbox = sandbox;
        this.open = open;
        grid.setId(ID);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.getStyleClass().add("version-matrix");
        Label title = new Label("Version matrix");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Running version (image tag) of each application per environment, live. Select a cell to open the workload.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        VBox content = new VBox(12, title, hint, grid);
        content.getStyleClass().add("detail-content");
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        Scene scene = new Scene(scroll, 960, 520);
        scene.getStylesheets().add(Css.STYLESHEET);
        stage.initOwner(owner);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setOnHidden(e -> viewModel.close());
        viewModel.revisionProperty().addListener((obs, was, now) -> render());
        render();
    }

    public void show() {
        stage.show();
        viewModel.start();
    }

    public Stage stage() {
        return stage;
    }

    private void render() {
        grid.getChildren().clear();
        if (viewModel.applications().isEmpty() || viewModel.environments().isEmpty()) {
            Label none = new Label(viewModel.environments().isEmpty()
                    ? "No environment has a Kubernetes target yet."
                    : "The workspace names no applications yet (applications: in the workspace file), "
                            + "or open the practice sandbox to see its applications.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            grid.add(none, 0, 0);
            return;
        }
        Instant now = Instant.now();
        Label corner = new Label("Application");
        corner.getStyleClass().add(Css.SECTION_TITLE);
        grid.add(corner, 0, 0);
        int col = 1;
        for (Environment env : viewModel.environments()) {
            Circle dot = new Circle(5);
            dot.setStyle("-fx-fill: " + env.effectiveColour() + ";");
            Label name = new Label(env.name(), dot);
            name.getStyleClass().add(Styles.TEXT_BOLD);
            name.setMinWidth(Region.USE_PREF_SIZE);
            HBox badges = new HBox(6, Badges.tierShort(env.tier()));
            if (sandbox.test(env)) {
                badges.getChildren().add(Badges.sandbox());
            }
            grid.add(new VBox(4, name, badges), col++, 0);
        }
        int row = 1;
        for (Application app : viewModel.applications()) {
            Label name = new Label(app.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            Label kind = new Label(app.workload().kind().kind() + " " + app.workload().name());
            kind.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            grid.add(new VBox(2, name, kind), 0, row);
            col = 1;
            for (Environment env : viewModel.environments()) {
                grid.add(cell(app, env, viewModel.cell(app, env), now), col++, row);
            }
            row++;
        }
    }

    private Button cell(Application app, Environment env, Cell cell, Instant now) {
        Circle dot = new Circle(5);
        dot.getStyleClass().add(Css.stateClass(cell.health()));
        Label version = new Label(cell.version().isEmpty() ? "—" : cell.version(), dot);
        version.getStyleClass().add(Styles.TEXT_BOLD);
        VBox box = new VBox(2, version);
        String detail = !cell.note().isEmpty() ? cell.note()
                : cell.changed() != null ? "changed " + Ages.since(cell.changed(), now) + " ago" : "";
        if (!detail.isEmpty()) {
            Label d = new Label(detail);
            d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(d);
        }
        Button button = new Button(null, box);
        button.setId("matrix-" + app.name() + "-" + env.name());
        button.getStyleClass().addAll(Styles.FLAT, "matrix-cell");
        if (cell.health() == Health.FAILED) {
            button.getStyleClass().add(Css.HEALTH_FAILED);
        } else if (cell.health() == Health.DEGRADED) {
            button.getStyleClass().add(Css.HEALTH_DEGRADED);
        }
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setTooltip(new Tooltip(app.name() + " in " + env.name() + ": " + cell.health().name().toLowerCase()));
        button.setOnAction(e -> open.accept(env, app));
        return button;
    }
}
