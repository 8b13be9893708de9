package dev.wheelhouse.app.ui.logs;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import java.util.Locale;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The lines of a followed log, for any source: a search field (matching lines only, matches
 * marked), a pause toggle that holds new lines, a toggle for the lines' times where the source
 * stamps them, the count, the lines (kept scrolled to the end while following) and the status line.
 */
public final class LogLinesView extends VBox {
    public static final String ID_SEARCH = "log-search";
    public static final String ID_PAUSE = "log-pause";
    public static final String ID_COUNT = "log-count";
    public static final String ID_LINES = "log-lines";
    public static final String ID_STATUS = "log-status";
    public static final String ID_TIMESTAMPS = "log-timestamps";

    private final LogLinesViewModel viewModel;
    private final ListView<LogLine> list = new ListView<>();

    public LogLinesView(LogLinesViewModel viewModel) {
        this.viewModel = viewModel;
        setSpacing(8);

        TextField search = new TextField();
        search.setId(ID_SEARCH);
        search.setPromptText("Search (shows matching lines only)");
        search.textProperty().bindBidirectional(viewModel.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        ToggleButton pause = new ToggleButton("Pause", new FontIcon(Feather.PAUSE));
        pause.setId(ID_PAUSE);
        pause.selectedProperty().bindBidirectional(viewModel.pausedProperty());
        pause.selectedProperty().addListener((obs, was, now) -> {
            pause.setText(now ? "Resume" : "Pause");
            pause.setGraphic(new FontIcon(now ? Feather.PLAY : Feather.PAUSE));
        });
        Label held = new Label();
        held.getStyleClass().add(Styles.TEXT_MUTED);
        held.textProperty().bind(viewModel.heldProperty().map(n -> n.intValue() == 0 ? "" : n + " new lines held"));
        Label count = new Label();
        count.setId(ID_COUNT);
        count.getStyleClass().add(Styles.TEXT_MUTED);
        count.textProperty().bind(Bindings.createStringBinding(() -> {
            String q = viewModel.searchProperty().get();
            int shown = viewModel.shownLines().size();
            return q == null || q.isBlank() ? viewModel.lineCount() + " lines" : shown + " of " + viewModel.lineCount() + " lines match";
        }, viewModel.shownLines(), viewModel.allLines(), viewModel.searchProperty()));
        ToggleButton timestamps = new ToggleButton("Timestamps", new FontIcon(Feather.CLOCK));
        timestamps.setId(ID_TIMESTAMPS);
        timestamps.setTooltip(new Tooltip("Show when each line was written (kubectl logs --timestamps)"));
        timestamps.selectedProperty().bindBidirectional(viewModel.timestampsProperty());
        timestamps.visibleProperty().bind(viewModel.timestampedProperty());
        timestamps.managedProperty().bind(viewModel.timestampedProperty());
        timestamps.selectedProperty().addListener((obs, was, now) -> list.refresh());
        HBox searchRow = new HBox(8, new FontIcon(Feather.SEARCH), search, count, held, timestamps, pause);
        searchRow.setAlignment(Pos.CENTER_LEFT);

        list.setId(ID_LINES);
        list.getStyleClass().addAll("log-lines", Css.MONO);
        list.setItems(viewModel.shownLines());
        list.setCellFactory(v -> new HighlightCell());
        list.setFixedCellSize(22); // one text line per cell; also keeps 10,000 lines cheap to scroll
        viewModel.shownLines().addListener((ListChangeListener<LogLine>) c -> {
            if (!viewModel.pausedProperty().get() && !list.getItems().isEmpty()) {
                list.scrollTo(list.getItems().size() - 1);
            }
        });
        viewModel.searchProperty().addListener((obs, was, now) -> list.refresh());
        VBox.setVgrow(list, Priority.ALWAYS);

        Label status = new Label();
        status.setId(ID_STATUS);
        status.getStyleClass().add(Styles.TEXT_MUTED);
        status.setWrapText(true);
        status.textProperty().bind(viewModel.statusProperty());

        getChildren().addAll(searchRow, list, status);
    }

    public LogLinesViewModel viewModel() {
        return viewModel;
    }

    /** Draws a line with the search text marked in its message, after its time when times are shown. */
    private final class HighlightCell extends ListCell<LogLine> {
        @Override
        protected void updateItem(LogLine item, boolean empty) {
            super.updateItem(item, empty);
            setText(null);
            if (empty || item == null) {
                setGraphic(null);
                return;
            }
            String line = item.text();
            String needle = viewModel.searchProperty().get() == null ? "" : viewModel.searchProperty().get().strip();
            TextFlow flow = new TextFlow();
            if (viewModel.timestampsProperty().get() && item.at() != null) {
                Text time = new Text(item.stamp() + "  ");
                time.getStyleClass().add("log-time");
                flow.getChildren().add(time);
            }
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
