package dev.wheelhouse.app.ui.palette;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.actions.AppAction;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyEvent;
import javafx.scene.input.MouseButton;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Stage;
import javafx.stage.StageStyle;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Ctrl+K: a small window over the console with a filter field and every action with its
 * shortcut. Up/Down move, Enter runs, Esc (or clicking elsewhere) closes.
 */
public final class CommandPaletteView {
    public static final String ID = "command-palette";
    public static final String ID_FILTER = "palette-filter";
    public static final String ID_LIST = "palette-list";
    private static final double WIDTH = 560;

    private final Stage stage;
    private final CommandPaletteViewModel viewModel;
    private final ListView<AppAction> list = new ListView<>();
    private boolean syncing;

    public CommandPaletteView(Window owner, CommandPaletteViewModel viewModel) {
        this.viewModel = viewModel;

        TextField filter = new TextField();
        filter.setId(ID_FILTER);
        filter.setPromptText("Type an action…");
        filter.textProperty().bindBidirectional(viewModel.filterProperty());
        filter.getStyleClass().add(Styles.LARGE);
        HBox.setHgrow(filter, Priority.ALWAYS);
        FontIcon searchIcon = new FontIcon(Feather.SEARCH);
        HBox field = new HBox(8, searchIcon, filter);
        field.setAlignment(Pos.CENTER_LEFT);

        list.setId(ID_LIST);
        list.setItems(viewModel.matches());
        list.setCellFactory(ignored -> new ActionCell());
        list.setPrefHeight(360);
        list.setFocusTraversable(false);
        list.setPlaceholder(new Label("No action matches"));
        list.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (!syncing && now != null) {
                viewModel.selectedProperty().set(now);
            }
        });
        viewModel.selectedProperty().addListener((obs, was, now) -> showSelected(now));
        list.setOnMouseClicked(e -> {
            if (e.getButton() == MouseButton.PRIMARY && list.getSelectionModel().getSelectedItem() != null) {
                runChosen();
            }
        });

        Label hint = new Label("↑ ↓ to move   ·   Enter to run   ·   Esc to close");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        VBox root = new VBox(10, field, list, hint);
        root.setId(ID);
        root.getStyleClass().add(Css.PALETTE);
        root.setPrefWidth(WIDTH);
        root.addEventFilter(KeyEvent.KEY_PRESSED, this::onKey);

        Scene scene = new Scene(root);
        scene.getStylesheets().add(Css.STYLESHEET);
        stage = new Stage(StageStyle.UNDECORATED);
        stage.initOwner(owner);
        stage.initModality(Modality.WINDOW_MODAL);
        stage.setTitle("Command palette");
        stage.setScene(scene);
        stage.focusedProperty().addListener((obs, was, now) -> {
            if (was && !now) {
                stage.hide();
            }
        });
        stage.setOnShown(e -> {
            stage.setX(owner.getX() + (owner.getWidth() - stage.getWidth()) / 2);
            stage.setY(owner.getY() + Math.min(120, owner.getHeight() / 8));
            filter.requestFocus();
        });
        showSelected(viewModel.selectedProperty().get());
    }

    private void onKey(KeyEvent e) {
        switch (e.getCode()) {
            case DOWN -> viewModel.selectNext();
            case UP -> viewModel.selectPrevious();
            case ENTER -> runChosen();
            case ESCAPE -> stage.hide();
            default -> {
                return;
            }
        }
        e.consume();
    }

    private void runChosen() {
        viewModel.chosen().ifPresent(action -> {
            stage.hide();
            action.run();
        });
    }

    private void showSelected(AppAction action) {
        syncing = true;
        try {
            if (action == null) {
                list.getSelectionModel().clearSelection();
            } else {
                list.getSelectionModel().select(action);
                list.scrollTo(action);
            }
        } finally {
            syncing = false;
        }
    }

    public void show() {
        viewModel.filterProperty().set("");
        viewModel.refresh();
        list.refresh();
        stage.show();
        stage.toFront();
    }

    public void hide() {
        stage.hide();
    }

    public boolean isShowing() {
        return stage.isShowing();
    }

    private static final class ActionCell extends ListCell<AppAction> {
        @Override
        protected void updateItem(AppAction action, boolean empty) {
            super.updateItem(action, empty);
            if (empty || action == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            FontIcon icon = new FontIcon(action.icon().orElse(Feather.CHEVRON_RIGHT));
            Label title = new Label(action.title());
            title.getStyleClass().add(Styles.TEXT_BOLD);
            HBox row = new HBox(10, icon, title);
            row.getStyleClass().add(Css.PALETTE_ROW);
            row.setAlignment(Pos.CENTER_LEFT);
            if (action.dangerous()) {
                Label danger = new Label("dangerous");
                danger.getStyleClass().addAll(Css.BADGE, Css.DANGER_MARK);
                row.getChildren().add(danger);
            }
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            row.getChildren().add(spacer);
            if (!action.isEnabled()) {
                Label off = new Label("not available now");
                off.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                row.getChildren().add(off);
                row.setOpacity(0.55);
            }
            for (var shortcut : action.shortcuts()) {
                row.getChildren().add(Badges.kbd(shortcut.getDisplayText()));
            }
            setText(null);
            setGraphic(row);
        }
    }
}
