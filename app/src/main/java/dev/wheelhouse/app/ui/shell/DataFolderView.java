package dev.wheelhouse.app.ui.shell;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import java.nio.file.Path;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** Where Wheelhouse keeps its files and which of the user's files it reads, to copy. */
public final class DataFolderView {
    public static final String ID = "data-folder";
    public static final String ID_DATA_DIR = "data-folder-path";

    private final Dialog<ButtonType> dialog = new Dialog<>();

    public DataFolderView(Window owner, Path dataDir, Path workspaceFile, Path kubeconfig, Path sshConfig) {
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle("Data folder");
        var pane = dialog.getDialogPane();
        pane.setId(ID);
        pane.getStylesheets().add(Css.STYLESHEET);
        pane.getButtonTypes().setAll(ButtonType.CLOSE);
        pane.setMinWidth(720);
        pane.setPrefWidth(720);

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(8);
        int row = 0;
        row = line(grid, row, "Data folder", ID_DATA_DIR, dataDir);
        row = line(grid, row, "Workspace file", "data-folder-workspace", workspaceFile);
        row = line(grid, row, "Kubeconfig (read)", "data-folder-kubeconfig", kubeconfig);
        line(grid, row, "SSH config (read)", "data-folder-ssh-config", sshConfig);
        Label title = new Label("Where Wheelhouse keeps its files", new FontIcon(Feather.FOLDER));
        title.getStyleClass().add(Styles.TITLE_4);
        Label note = new Label("The workspace and the history are in the data folder; the kubeconfig and the ssh config are only read.");
        note.setWrapText(true);
        note.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        javafx.scene.layout.VBox body = new javafx.scene.layout.VBox(12, title, note, grid);
        body.setPadding(new javafx.geometry.Insets(16, 20, 8, 20));
        pane.setContent(body);
    }

    private static int line(GridPane grid, int row, String label, String id, Path path) {
        Label name = new Label(label);
        name.getStyleClass().add(Styles.TEXT_MUTED);
        TextField field = new TextField(path == null ? "(none)" : path.toString());
        field.setId(id);
        field.setEditable(false);
        field.getStyleClass().add(Css.MONO);
        GridPane.setHgrow(field, Priority.ALWAYS);
        Button copy = new Button(null, new FontIcon(Feather.COPY));
        copy.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT);
        copy.setDisable(path == null);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(field.getText());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
        });
        grid.addRow(row, name, field, copy);
        return row + 1;
    }

    public void show() {
        dialog.show();
    }
}
