package dev.wheelhouse.app.ui.environments;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.workspace.Environment;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import javafx.geometry.Insets;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Asks before an environment leaves the workspace; production wants its name typed. */
public final class RemoveEnvironmentView {
    public static final String ID = "remove-environment";
    public static final String ID_CONFIRM_NAME = "remove-confirm-name";
    public static final String ID_REMOVE = "remove-confirm";
    public static final String ID_ERROR = "remove-error";

    private static final ButtonType REMOVE = new ButtonType("Remove", ButtonBar.ButtonData.OK_DONE);

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public RemoveEnvironmentView(Window owner, RemoveEnvironmentViewModel viewModel) {
        Environment env = viewModel.environment();
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Remove environment");
        var pane = dialog.getDialogPane();
        pane.setId(ID);
        pane.getStylesheets().add(Css.STYLESHEET);
        pane.getButtonTypes().setAll(ButtonType.CANCEL, REMOVE);
        pane.setMinWidth(540);
        pane.setPrefWidth(540);

        Label name = new Label(env.name());
        name.getStyleClass().add(Styles.TITLE_3);
        HBox title = new HBox(10, name, Badges.tier(env.tier()));
        title.setAlignment(Pos.CENTER_LEFT);
        Label what = new Label("This removes the environment from the workspace file. Its clusters and hosts are not "
                + "touched, and you can add it again later.");
        what.setWrapText(true);
        Label caption = new Label("Remove environment", new FontIcon(Feather.TRASH_2));
        caption.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_BOLD);
        VBox body = new VBox(12, caption, title, what);
        body.setPadding(new Insets(16, 20, 8, 20));
        if (viewModel.requiresTypedName()) {
            Label ask = new Label("This is a production environment. Type its name to confirm:");
            ask.setWrapText(true);
            ask.getStyleClass().add(Styles.TEXT_BOLD);
            TextField typed = new TextField();
            typed.setId(ID_CONFIRM_NAME);
            typed.setPromptText(env.name());
            typed.textProperty().bindBidirectional(viewModel.typedProperty());
            body.getChildren().addAll(ask, typed);
            dialog.setOnShown(e -> typed.requestFocus());
        }
        Message error = new Message("Not removed", "");
        error.setId(ID_ERROR);
        error.getStyleClass().add(Styles.DANGER);
        error.descriptionProperty().bind(viewModel.errorProperty());
        error.visibleProperty().bind(viewModel.errorProperty().isNotNull());
        error.managedProperty().bind(error.visibleProperty());
        body.getChildren().add(error);
        pane.setContent(body);

        Button remove = (Button) pane.lookupButton(REMOVE);
        remove.setId(ID_REMOVE);
        remove.getStyleClass().add(Styles.DANGER);
        remove.setDefaultButton(!viewModel.requiresTypedName());
        remove.disableProperty().bind(viewModel.confirmableProperty().not());
        remove.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.remove();
        });
        // The safe choice is the default for a plain Enter.
        ((Button) pane.lookupButton(ButtonType.CANCEL)).setDefaultButton(viewModel.requiresTypedName());
        viewModel.removedProperty().addListener((obs, was, now) -> {
            if (now) {
                dialog.setResult(REMOVE);
                dialog.close();
            }
        });
    }

    public void show() {
        dialog.show();
    }
}
