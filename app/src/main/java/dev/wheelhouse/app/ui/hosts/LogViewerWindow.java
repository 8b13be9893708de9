package dev.wheelhouse.app.ui.hosts;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.logs.LogLinesView;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogSource;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A window that follows a host's journal or log file; closing it stops the follow. */
final class LogViewerWindow extends Stage {
    static final String JOURNAL = "systemd unit (journal)";
    static final String FILE = "file";

    private final LogViewerViewModel viewModel;
    private final ChoiceBox<String> kind = new ChoiceBox<>();
    private final TextField source = new TextField();
    private final Button follow = new Button("Follow", new FontIcon(Feather.PLAY));

    LogViewerWindow(HostSession session, UiExecutor executor, String defaultUnit, Window owner, String stylesheet) {
        viewModel = new LogViewerViewModel(session, executor, HostsViewModel.FlushScheduler.after(HostsViewModel.FLUSH_PERIOD));
        if (owner != null) {
            initOwner(owner);
        }
        setTitle("Logs — " + session.alias());

        kind.getItems().setAll(JOURNAL, FILE);
        kind.setValue(JOURNAL);
        source.setText(defaultUnit == null ? "" : defaultUnit);
        source.setId("log-source");
        source.setPromptText("unit name, e.g. nginx.service");
        kind.valueProperty().addListener((obs, was, now) ->
                source.setPromptText(FILE.equals(now) ? "path, e.g. /var/log/syslog" : "unit name, e.g. nginx.service"));
        HBox.setHgrow(source, Priority.ALWAYS);
        follow.setId("log-follow");
        follow.getStyleClass().add(Styles.ACCENT);
        follow.setDefaultButton(true);
        follow.disableProperty().bind(source.textProperty().map(String::isBlank));
        follow.setOnAction(e -> viewModel.follow(FILE.equals(kind.getValue())
                ? new LogSource.File(source.getText().strip(), 500)
                : new LogSource.Journal(source.getText().strip(), 500)));
        HBox top = new HBox(8, kind, source, follow);
        top.setAlignment(Pos.CENTER_LEFT);

        LogLinesView lines = new LogLinesView(viewModel.lines());
        BorderPane root = new BorderPane(lines);
        root.setTop(top);
        BorderPane.setMargin(lines, new Insets(8, 0, 0, 0));
        root.setPadding(new Insets(12));
        root.getStyleClass().addAll("log-viewer", Css.ROOT);
        Scene scene = new Scene(root, 960, 600);
        if (stylesheet != null) {
            scene.getStylesheets().add(stylesheet);
        }
        setScene(scene);
        setOnHidden(e -> viewModel.close());
        if (defaultUnit != null && !defaultUnit.isBlank()) {
            setOnShown(e -> follow.fire());
        }
    }

    /** Fills in the source and follows it, as if the user had typed it and pressed Follow. */
    void follow(LogSource what) {
        switch (what) {
            case LogSource.Journal j -> {
                kind.setValue(JOURNAL);
                source.setText(j.unit());
            }
            case LogSource.File f -> {
                kind.setValue(FILE);
                source.setText(f.path());
            }
        }
        follow.fire();
    }

    LogViewerViewModel viewModel() {
        return viewModel;
    }
}
