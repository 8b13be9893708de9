package dev.wheelhouse.app.ui.hosts;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogSource;
import java.util.Locale;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** A window that follows a host's journal or log file; closing it stops the follow. */
final class LogViewerWindow extends Stage {
    static final String JOURNAL = "systemd unit (journal)";
    static final String FILE = "file";

    private final LogViewerViewModel viewModel;
    private final ListView<String> list = new ListView<>();
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

        TextField search = new TextField();
        search.setId("log-search");
        search.setPromptText("Search (shows matching lines only)");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
        pause.setId("log-pause");
        pause.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pause.selectedProperty().addListener((obs, was, now) -> {
            pause.setText(now ? "Resume" : "Pause");
            pause.setGraphic(new FontIcon(now ? Feather.PLAY : Feather.PAUSE));
        });
        Label held = new Label();
        held.getStyleClass().add(HostCard.MUTED);
        held.textProperty().bind(viewModel.heldProperty().map(n -> n.intValue() == 0 ? "" : n + " new lines held"));
        Label count = new Label();
        count.setId("log-count");
        count.getStyleClass().add(HostCard.MUTED);
        count.textProperty().bind(javafx.beans.binding.Bindings.createStringBinding(() -> {
            String q = viewModel.searchProperty().get();
            int shown = viewModel.shownLines().size();
            return q == null || q.isBlank() ? viewModel.lineCount() + " lines" : shown + " of " + viewModel.lineCount() + " lines match";
        }, viewModel.shownLines(), viewModel.allLines(), viewModel.searchProperty()));
        HBox searchRow = new HBox(8, new FontIcon(Feather.SEARCH), search, count, held, pause);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        list.setId("log-lines");
        list.getStyleClass().addAll("log-lines", Css.MONO);
        list.setItems(viewModel.shownLines());
        list.setCellFactory(v -> new HighlightCell());
        list.setFixedCellSize(22); // one text line per cell; also keeps 10,000 lines cheap to scroll
        viewModel.shownLines().addListener((ListChangeListener<String>) c -> {
            if (!viewModel.pausedProperty().get() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        viewModel.searchProperty().addListener((obs, was, now) -> list.refresh());

        Label status = new Label();
        status.getStyleClass().add(HostCard.MUTED);
        status.textProperty().bind(viewModel.statusProperty());

        BorderPane root = new BorderPane(list);
        root.setTop(new VBox(8, top, searchRow));
        root.setBottom(status);
        BorderPane.setMargin(list, new Insets(8, 0, 8, 0));
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

    /** Draws a line with the search text marked. */
    private final class HighlightCell extends ListCell<String> {
        @Override
        protected void updateItem(String line, boolean empty) {
            super.updateItem(line, empty);
            setText(null);
            if (empty || line == null) {
                setGraphic(null);
                return;
            }
            String needle = viewModel.searchProperty().get() == null ? "" : viewModel.searchProperty().get().strip();
            TextFlow flow = new TextFlow();
            if (needle.isEmpty()) {
                flow.getChildren().add(text(line, false));
            } else {
                String lower = line.toLowerCase(Locale.ROOT);
                String n = needle.toLowerCase(Locale.ROOT);
                int from = 0;
                int at;
                while ((at = lower.indexOf(n, from)) >= 0) {
                    if (at > from) {
                        flow.getChildren().add(text(line.substring(from, at), false));
                    }
                    flow.getChildren().add(text(line.substring(at, at + n.length()), true));
                    from = at + n.length();
                }
                if (from < line.length()) {
                    flow.getChildren().add(text(line.substring(from), false));
                }
            }
            setGraphic(flow);
        }

        private Text text(String s, boolean match) {
            Text t = new Text(s);
            t.getStyleClass().add(match ? "log-match" : "log-text");
            return t;
        }
    }
}
