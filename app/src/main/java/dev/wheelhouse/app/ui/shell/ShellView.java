package dev.wheelhouse.app.ui.shell;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.environments.DiscoveryProposalView;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.EnvironmentListView;
import dev.wheelhouse.app.ui.environments.WorkspaceStateView;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The window's layout: a slim top bar (title, palette hint, theme), the environments on the
 * left, the selected environment (or the workspace's state) in the middle under any banners,
 * and the status bar at the bottom.
 */
public final class ShellView extends BorderPane {
    public static final String ID = "shell";
    public static final String ID_PALETTE_HINT = "palette-hint";
    public static final String ID_THEME_TOGGLE = "theme-toggle";
    public static final String ID_NOTICES = "notices";

    private final WorkspaceViewModel workspace;
    private final Notices notices;
    private final EnvironmentDetailView detail;
    private final WorkspaceStateView state;
    private final StackPane main = new StackPane();
    private final VBox banners = new VBox(8);

    public ShellView(
            ActionRegistry actions,
            WorkspaceViewModel workspace,
            Notices notices,
            ObjectProperty<Theme> theme,
            EnvironmentListView sidebar,
            EnvironmentDetailView detail,
            WorkspaceStateView state,
            DiscoveryProposalView proposal,
            StatusBarView statusBar) {
        this.workspace = workspace;
        this.notices = notices;
        this.detail = detail;
        this.state = state;
        setId(ID);
        getStyleClass().add(Css.ROOT);

        setTop(topBar(actions, theme));
        setLeft(sidebar);
        banners.setId(ID_NOTICES);
        banners.getStyleClass().add("banners");
        VBox.setMargin(proposal, new javafx.geometry.Insets(12, 24, 0, 24));
        VBox centre = new VBox(banners, proposal, main);
        VBox.setVgrow(main, Priority.ALWAYS);
        setCenter(centre);
        setBottom(statusBar);

        notices.items().addListener((ListChangeListener<Notices.Notice>) c -> renderNotices());
        workspace.selectedProperty().addListener((obs, was, now) -> renderMain());
        workspace.phaseProperty().addListener((obs, was, now) -> renderMain());
        renderNotices();
        renderMain();
    }

    private Node topBar(ActionRegistry actions, ObjectProperty<Theme> theme) {
        FontIcon logo = new FontIcon(Feather.ANCHOR);
        logo.getStyleClass().add("app-logo");
        Label title = new Label("Wheelhouse", logo);
        title.getStyleClass().add(Css.APP_TITLE);

        Label hintText = new Label("Search actions…");
        hintText.getStyleClass().add(Styles.TEXT_MUTED);
        Region hintSpacer = new Region();
        HBox.setHgrow(hintSpacer, Priority.ALWAYS);
        HBox hintBox = new HBox(8, new FontIcon(Feather.SEARCH), hintText, hintSpacer,
                Badges.kbd(actions.get(ActionIds.COMMAND_PALETTE).shortcutText()));
        hintBox.setAlignment(Pos.CENTER_LEFT);
        Button hint = actions.bind(new Button(), ActionIds.COMMAND_PALETTE);
        hint.setGraphic(hintBox);
        hint.setId(ID_PALETTE_HINT);
        hint.getStyleClass().add(Css.PALETTE_HINT);
        hint.setPrefWidth(360);
        hint.setFocusTraversable(false);

        Button themeToggle = actions.bind(new Button(), ActionIds.TOGGLE_THEME);
        themeToggle.setId(ID_THEME_TOGGLE);
        themeToggle.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        themeToggle.setFocusTraversable(false);
        Runnable icon = () -> themeToggle.setGraphic(new FontIcon(theme.get() == Theme.DARK ? Feather.SUN : Feather.MOON));
        theme.addListener((obs, was, now) -> icon.run());
        icon.run();

        Region left = new Region();
        Region right = new Region();
        HBox.setHgrow(left, Priority.ALWAYS);
        HBox.setHgrow(right, Priority.ALWAYS);
        HBox bar = new HBox(10, title, left, hint, right, themeToggle);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add(Css.TOP_BAR);
        return bar;
    }

    private void renderMain() {
        Node showing = workspace.selected() != null ? detail : state;
        if (main.getChildren().size() != 1 || main.getChildren().getFirst() != showing) {
            main.getChildren().setAll(showing);
        }
    }

    private void renderNotices() {
        banners.getChildren().setAll(notices.items().stream().map(this::message).toList());
        banners.setVisible(!banners.getChildren().isEmpty());
        banners.setManaged(banners.isVisible());
    }

    private Node message(Notices.Notice notice) {
        Message message = new Message(notice.title(), notice.text(), new FontIcon(switch (notice.kind()) {
            case INFO -> Feather.INFO;
            case SUCCESS -> Feather.CHECK_CIRCLE;
            case WARNING -> Feather.ALERT_TRIANGLE;
            case DANGER -> Feather.ALERT_OCTAGON;
        }));
        message.getStyleClass().add(switch (notice.kind()) {
            case INFO -> Styles.ACCENT;
            case SUCCESS -> Styles.SUCCESS;
            case WARNING -> Styles.WARNING;
            case DANGER -> Styles.DANGER;
        });
        message.setOnClose(e -> notices.dismiss(notice));
        return message;
    }
}
