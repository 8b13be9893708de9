package dev.wheelhouse.app.ui.environments;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.WorkspaceError;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.text.TextAlignment;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * What the main area shows when there is no environment to show: reading, an unusable file
 * (with file, line, column and what is wrong), or no environments yet (with how to add one).
 */
public final class WorkspaceStateView extends StackPane {
    public static final String ID_LOADING = "workspace-loading";
    public static final String ID_ERROR = "workspace-error";
    public static final String ID_ERROR_LOCATION = "workspace-error-location";
    public static final String ID_ERROR_MESSAGE = "workspace-error-message";
    public static final String ID_RELOAD = "workspace-reload";
    public static final String ID_EMPTY = "workspace-empty";
    public static final String ID_EMPTY_ADD = "workspace-empty-add";
    public static final String ID_EMPTY_DISCOVER = "workspace-empty-discover";
    public static final String ID_FILE_PATH = "workspace-file-path";

    private final WorkspaceViewModel viewModel;
    private final ActionRegistry actions;
    private Node offer;

    public WorkspaceStateView(WorkspaceViewModel viewModel, ActionRegistry actions) {
        this.viewModel = viewModel;
        this.actions = actions;
        viewModel.phaseProperty().addListener((obs, was, now) -> render());
        viewModel.failureProperty().addListener((obs, was, now) -> render());
        viewModel.lastDiscoveryProperty().addListener((obs, was, now) -> render());
        viewModel.proposalProperty().addListener((obs, was, now) -> render());
        render();
    }

    /** Something more to offer with no environments yet (the practice sandbox). */
    public void setOffer(Node offer) {
        this.offer = offer;
        render();
    }

    private void render() {
        getChildren().setAll(switch (viewModel.phase()) {
            case LOADING -> loading();
            case INVALID, FAILED -> problem();
            case LOADED, MISSING -> empty();
        });
    }

    private Node loading() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(32, 32);
        Label text = new Label("Reading " + viewModel.file() + " …");
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(12, spinner, text);
        box.setId(ID_LOADING);
        box.setAlignment(Pos.CENTER);
        return box;
    }

    private Node problem() {
        WorkspaceError error = viewModel.errorProperty().get();
        FontIcon icon = new FontIcon(Feather.ALERT_OCTAGON);
        icon.getStyleClass().addAll(Css.EMPTY_STATE_ICON, Styles.DANGER);
        Label title = new Label("The workspace file can't be used");
        title.getStyleClass().add(Styles.TITLE_3);

        Label location = new Label(error == null
                ? viewModel.file().toString()
                : error.line() > 0 ? error.file() + ":" + error.line() + ":" + error.column() : error.file().toString());
        location.setId(ID_ERROR_LOCATION);
        location.getStyleClass().add(Css.MONO);
        location.setWrapText(true);
        Label message = new Label(error == null ? viewModel.failureProperty().get() : error.message());
        message.setId(ID_ERROR_MESSAGE);
        message.setWrapText(true);
        message.getStyleClass().add(Styles.TEXT_BOLD);
        VBox where = new VBox(6, location, message);
        if (error != null && error.line() > 0) {
            Label at = new Label("line " + error.line() + ", column " + error.column());
            at.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            where.getChildren().add(1, at);
        }
        where.getStyleClass().add(Css.ERROR_PANEL);
        where.setMaxWidth(720);

        Label advice = new Label("Wheelhouse leaves the file exactly as it is and changes nothing while it is invalid. "
                + "Fix it in an editor, then reload (" + actions.get(ActionIds.RELOAD_WORKSPACE).shortcutText() + ").");
        advice.setWrapText(true);
        advice.setTextAlignment(TextAlignment.CENTER);
        advice.getStyleClass().add(Styles.TEXT_MUTED);
        advice.setMaxWidth(720);
        Button reload = actions.bind(new Button("Reload", new FontIcon(Feather.REFRESH_CW)), ActionIds.RELOAD_WORKSPACE);
        reload.setId(ID_RELOAD);
        reload.getStyleClass().add(Styles.ACCENT);

        VBox box = new VBox(14, icon, title, where, advice, reload);
        box.setId(ID_ERROR);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Css.EMPTY_STATE);
        return box;
    }

    private Node empty() {
        FontIcon icon = new FontIcon(Feather.LAYERS);
        icon.getStyleClass().add(Css.EMPTY_STATE_ICON);
        Label title = new Label("No environments yet");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label("An environment groups Kubernetes contexts (with their namespaces) and SSH hosts under a "
                + "tier: development, staging or production. Add one, or let Wheelhouse propose some from your "
                + "kubeconfig and ssh config.");
        text.setWrapText(true);
        text.setTextAlignment(TextAlignment.CENTER);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        text.setMaxWidth(620);

        Button add = actions.bind(new Button("Add environment", new FontIcon(Feather.PLUS)), ActionIds.ADD_ENVIRONMENT);
        add.setId(ID_EMPTY_ADD);
        add.getStyleClass().add(Styles.ACCENT);
        Button discover = actions.bind(new Button("Discover from kubeconfig and ssh config", new FontIcon(Feather.COMPASS)),
                ActionIds.DISCOVER);
        discover.setId(ID_EMPTY_DISCOVER);
        HBox buttons = new HBox(10, add, discover);
        buttons.setAlignment(Pos.CENTER);

        Label fileLabel = new Label("Workspace file");
        fileLabel.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        TextField file = new TextField(viewModel.file().toString());
        file.setId(ID_FILE_PATH);
        file.setEditable(false);
        file.getStyleClass().add(Css.MONO);
        file.setMaxWidth(620);
        Label when = new Label(viewModel.phase() == WorkspaceViewModel.Phase.MISSING
                ? "It does not exist yet: it is written when you add the first environment."
                : "You can also edit it by hand and reload.");
        when.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox fileBox = new VBox(4, fileLabel, file, when);
        fileBox.setAlignment(Pos.CENTER);
        fileBox.setMaxWidth(620);

        VBox box = new VBox(14, icon, title, text, buttons);
        if (offer != null) {
            box.getChildren().add(offer);
        }
        box.getChildren().add(fileBox);
        Discovery last = viewModel.lastDiscoveryProperty().get();
        // The proposal shows the notes itself while it is there.
        if (last != null && !last.notes().isEmpty() && viewModel.proposalProperty().get() == null) {
            VBox notes = new VBox(2);
            notes.setMaxWidth(620);
            for (String note : last.notes()) {
                Label line = new Label(note, new FontIcon(Feather.INFO));
                line.setWrapText(true);
                line.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
                notes.getChildren().add(line);
            }
            box.getChildren().add(notes);
        }
        box.setId(ID_EMPTY);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Css.EMPTY_STATE);
        return box;
    }
}
