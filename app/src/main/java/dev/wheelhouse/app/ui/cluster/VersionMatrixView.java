package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.cluster.VersionMatrixViewModel.Cell;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.ops.OperationWizards;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Instant;
import java.util.function.BiConsumer;
import java.util.function.Predicate;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
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
    /** The key of a cell's operations menu in its properties. */
    public static final String MENU = "wheelhouse.operations-menu";

    private final VersionMatrixViewModel viewModel;
    private final Predicate<Environment> sandbox;
    private final BiConsumer<Environment, Application> open;
    private final OperationWizards operations;
    private final GridPane grid = new GridPane();
    private final java.util.Map<String, Button> cells = new java.util.HashMap<>();
    private final Stage stage = new Stage();

    public VersionMatrixView(Window owner, VersionMatrixViewModel viewModel, Predicate<Environment> sandbox,
            BiConsumer<Environment, Application> open) {
        this(owner, viewModel, sandbox, open, null);
    }

    /**
     * @param operations opens the operation wizards from a cell's menu (right click, or the
     *     context-menu key / Shift+F10 on a focused cell); null: cells only open the workload
     */
    public VersionMatrixView(Window owner, VersionMatrixViewModel viewModel, Predicate<Environment> sandbox,
            BiConsumer<Environment, Application> open, OperationWizards operations) {
        this.viewModel = viewModel;
        this.sandbox = sandbox;
        this.open = open;
        this.operations = operations;
        grid.setId(ID);
        grid.setHgap(8);
        grid.setVgap(8);
        grid.getStyleClass().add("version-matrix");
        Label title = new Label("Version matrix");
        title.getStyleClass().add(Styles.TITLE_3);
        Label hint = new Label("Running version (image tag) of each application per environment, live. Select a cell to open "
                + "the workload; right-click it (or Shift+F10) to roll back, deploy, promote, restart or scale.");
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
        if (!cells.isEmpty()) {
            // The applications and environments are fixed: only the cells' contents change.
            Instant now = Instant.now();
            for (Application app : viewModel.applications()) {
                for (Environment env : viewModel.environments()) {
                    fill(cells.get("matrix-" + app.name() + "-" + env.name()), app, env, viewModel.cell(app, env), now);
                }
            }
            return;
        }
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
        Button button = new Button();
        button.setId("matrix-" + app.name() + "-" + env.name());
        button.getStyleClass().addAll(Styles.FLAT, "matrix-cell");
        button.setMaxWidth(Double.MAX_VALUE);
        button.setAlignment(Pos.CENTER_LEFT);
        button.setTooltip(new Tooltip());
        button.setOnAction(e -> open.accept(env, app));
        if (operations != null && !env.readOnly()) {
            ContextMenu menu = operationsMenu(app, env);
            // Shown by hand rather than with setContextMenu: the same way for the mouse, the
            // context-menu key and Shift+F10 on every platform (and in headless tests).
            button.addEventHandler(MouseEvent.MOUSE_PRESSED, e -> {
                if (e.getButton() == MouseButton.SECONDARY) {
                    e.consume();
                    menu.show(button, e.getScreenX(), e.getScreenY());
                }
            });
            button.addEventHandler(KeyEvent.KEY_PRESSED, e -> {
                if (e.getCode() == KeyCode.CONTEXT_MENU || (e.getCode() == KeyCode.F10 && e.isShiftDown())) {
                    e.consume();
                    menu.show(button, Side.BOTTOM, 0, 0);
                }
            });
            button.getProperties().put(MENU, menu);
        }
        cells.put(button.getId(), button);
        fill(button, app, env, cell, now);
        return button;
    }

    /** Updates a cell in place: a cell the user is pointing at (or has a menu open on) stays the same node. */
    private static void fill(Button button, Application app, Environment env, Cell cell, Instant now) {
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
        button.setGraphic(box);
        button.getStyleClass().removeAll(Css.HEALTH_FAILED, Css.HEALTH_DEGRADED);
        if (cell.health() == Health.FAILED) {
            button.getStyleClass().add(Css.HEALTH_FAILED);
        } else if (cell.health() == Health.DEGRADED) {
            button.getStyleClass().add(Css.HEALTH_DEGRADED);
        }
        button.getTooltip().setText(app.name() + " in " + env.name() + ": " + cell.health().name().toLowerCase());
    }

    /** Roll back, deploy, promote (from the environment to its left), restart, scale: each opens its wizard. */
    private ContextMenu operationsMenu(Application app, Environment env) {
        MenuItem rollback = item("Roll back…", Feather.ROTATE_CCW, "rollback",
                () -> operations.open(WorkloadOperations.Operation.ROLLBACK, env, app));
        MenuItem deploy = item("Deploy…", Feather.UPLOAD_CLOUD, "deploy",
                () -> operations.open(WorkloadOperations.Operation.DEPLOY, env, app));
        MenuItem promote = item("Promote here…", Feather.ARROW_RIGHT_CIRCLE, "promote", () -> operations.promote(env, app));
        MenuItem restart = item("Restart…", Feather.REFRESH_CW, "restart",
                () -> operations.open(WorkloadOperations.Operation.RESTART, env, app));
        MenuItem scale = item("Scale…", Feather.MAXIMIZE_2, "scale",
                () -> operations.open(WorkloadOperations.Operation.SCALE, env, app));
        ContextMenu menu = new ContextMenu(rollback, deploy, promote, new SeparatorMenuItem(), restart, scale);
        menu.setId("matrix-menu-" + app.name() + "-" + env.name());
        return menu;
    }

    private static MenuItem item(String text, Feather icon, String id, Runnable action) {
        MenuItem item = new MenuItem(text, new FontIcon(icon));
        item.setId("matrix-" + id);
        item.setOnAction(e -> action.run());
        return item;
    }
}
