package dev.wheelhouse.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.connections.ConnectionState;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.shell.StatusBarViewModel.Severity;
import java.util.Map;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Separator;
import javafx.scene.control.Tooltip;
import javafx.geometry.Orientation;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** The bottom line: workspace file state, history state, and every target's connection. */
public final class StatusBarView extends HBox {
    public static final String ID = "status-bar";
    public static final String ID_WORKSPACE = "status-workspace";
    public static final String ID_HISTORY = "status-history";
    public static final String ID_CONNECTIONS = "status-connections";

    private final StatusBarViewModel viewModel;
    private final MenuButton connections = new MenuButton();

    public StatusBarView(StatusBarViewModel viewModel, java.nio.file.Path workspaceFile) {
        this.viewModel = viewModel;
        setId(ID);
        getStyleClass().add(Css.STATUS_BAR);
        setAlignment(Pos.CENTER_LEFT);
        setSpacing(10);

        Label workspace = item(ID_WORKSPACE, Feather.FILE_TEXT, viewModel.workspaceText(), viewModel.workspaceSeverity());
        workspace.setTooltip(new Tooltip(workspaceFile.toString()));
        Label history = item(ID_HISTORY, Feather.DATABASE, viewModel.historyText(), viewModel.historySeverity());
        history.setMinWidth(0);
        history.textProperty().addListener((obs, was, now) -> history.setTooltip(new Tooltip(now)));

        connections.setId(ID_CONNECTIONS);
        connections.setGraphic(new FontIcon(Feather.LINK));
        connections.textProperty().bind(viewModel.connectionsText());
        connections.getStyleClass().addAll(Styles.FLAT, Styles.SMALL, Css.STATUS_ITEM);
        connections.setPopupSide(javafx.geometry.Side.TOP);
        viewModel.connections().addListener((ListChangeListener<Map.Entry<TargetId, ConnectionState>>) c -> rebuildMenu());
        rebuildMenu();

        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        getChildren().addAll(workspace, separator(), history, spacer, connections);
    }

    private void rebuildMenu() {
        connections.getItems().setAll(viewModel.connections().stream().map(e -> {
            Circle dot = new Circle(4);
            dot.getStyleClass().add(Css.stateClass(e.getValue().status()));
            MenuItem item = new MenuItem(e.getKey() + " — " + e.getValue().status().label(), dot);
            item.getStyleClass().add(Css.CONNECTION_CHIP);
            return item;
        }).toList());
        connections.setDisable(connections.getItems().isEmpty());
    }

    private static Label item(String id, Feather ikon, ObservableValue<String> text, ObservableValue<Severity> severity) {
        Label label = new Label();
        label.setId(id);
        label.setGraphic(new FontIcon(ikon));
        label.textProperty().bind(text);
        label.getStyleClass().addAll(Css.STATUS_ITEM, Styles.TEXT_SMALL);
        severity.addListener((obs, was, now) -> paint(label, now));
        paint(label, severity.getValue());
        return label;
    }

    private static void paint(Label label, Severity severity) {
        label.getStyleClass().removeAll(Styles.SUCCESS, Styles.WARNING, Styles.DANGER, Styles.TEXT_MUTED);
        label.getStyleClass().add(switch (severity) {
            case OK -> Styles.TEXT_MUTED;
            case BUSY -> Styles.TEXT_MUTED;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
    }

    private static Separator separator() {
        return new Separator(Orientation.VERTICAL);
    }
}
