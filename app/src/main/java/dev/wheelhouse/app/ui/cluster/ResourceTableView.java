package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import javafx.animation.AnimationTimer;
import javafx.beans.property.ReadOnlyLongProperty;
import javafx.beans.property.ReadOnlyLongWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.value.ObservableBooleanValue;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * One table for any resource kind, built from its {@link KindInfo} columns and the rows'
 * cells: a filter field, sortable columns, rows coloured by health, and in place of (or above)
 * the rows what the feeds say: 'no permission to list ...', 'reconnecting — data may be stale'.
 *
 * <p>Rows follow the live model by deltas ({@link LiveRows}), within a budget of FX time per
 * pulse, so each batch touches only the rows that changed. New rows go in at once (a listing
 * of 10,000 pods is one change, where 500 rows a pulse took several seconds on a busy FX
 * thread); removed and changed rows within the budget.
 */
public final class ResourceTableView extends VBox {
    public static final String ID_PREFIX = "resource-table-";
    /** FX time one pulse may spend putting rows in; the rest waits for the next pulse (60 pulses/s leave 16 ms each). */
    static final long PULSE_BUDGET_NANOS = 8_000_000L;
    /** Removed or changed rows applied between two looks at the clock. */
    static final int CHUNK = 500;

    private final KindInfo kind;
    private final LiveRows rows = new LiveRows();
    private List<ResourceRow> latest = List.of();
    private boolean behind;
    private final ReadOnlyLongWrapper rowUpdates = new ReadOnlyLongWrapper();
    private final AnimationTimer catchUpNextPulse = new AnimationTimer() {
        @Override
        public void handle(long now) {
            catchUp();
        }
    };
    private final FilteredList<ResourceRow> filtered = new FilteredList<>(rows);
    private final TableView<ResourceRow> table = new TableView<>();
    private final TextField filter = new TextField();
    private final Label banner = new Label();
    private final Label placeholder = new Label();
    private final Label count = new Label();
    private Instant now = Instant.now();
    private TableColumn<ResourceRow, String> lastSeen;
    private WhileShown rowsWhileShown = new WhileShown(new SimpleBooleanProperty(true), this::catchUp);
    private java.util.function.Predicate<ResourceRow> scope;

    public ResourceTableView(KindInfo kind, boolean showContext, boolean showNamespace) {
        this.kind = kind;
        setId(ID_PREFIX + kind.kind());
        getStyleClass().add(Css.RESOURCE_TABLE);
        setSpacing(6);

        filter.setPromptText("Filter " + kind.plural() + "…");
        filter.setId(ID_PREFIX + kind.kind() + "-filter");
        filter.getStyleClass().add(Styles.SMALL);
        filter.setPrefColumnCount(24);
        filter.textProperty().addListener((obs, was, text) -> applyFilter(text));
        count.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox tools = new HBox(8, new FontIcon(Feather.FILTER), filter, spacer, count);
        tools.setAlignment(Pos.CENTER_LEFT);

        banner.setId(ID_PREFIX + kind.kind() + "-banner");
        banner.getStyleClass().add(Css.STALE_BANNER);
        banner.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        banner.setWrapText(true);
        banner.setMaxWidth(Double.MAX_VALUE);
        banner.setVisible(false);
        banner.setManaged(false);

        placeholder.setId(ID_PREFIX + kind.kind() + "-placeholder");
        placeholder.setWrapText(true);
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        table.setPlaceholder(placeholder);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        if (showContext) {
            table.getColumns().add(column("CONTEXT", Column.Type.TEXT, ResourceRow::context));
        }
        if (kind.namespaced() && showNamespace) {
            table.getColumns().add(column("NAMESPACE", Column.Type.TEXT, ResourceRow::namespace));
        }
        for (int i = 0; i < kind.columns().size(); i++) {
            Column c = kind.columns().get(i);
            if (c.wide() && !c.name().equals("IMAGES") && !c.name().equals("NODE")) {
                continue;
            }
            int at = i;
            table.getColumns().add(column(c.name(), c.type(), r -> at < r.cells().size() ? r.cell(at) : ""));
        }
        table.setRowFactory(ignored -> new HealthRow());
        if (lastSeen != null) {
            // Events: the newest first.
            table.getSortOrder().add(lastSeen);
        }
        SortedList<ResourceRow> sorted = new SortedList<>(filtered);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        VBox.setVgrow(table, Priority.ALWAYS);
        getChildren().addAll(tools, banner, table);
        placeholder.setText("Connecting…");
    }

    private TableColumn<ResourceRow, String> column(String name, Column.Type type, java.util.function.Function<ResourceRow, String> cell) {
        TableColumn<ResourceRow, String> col = new TableColumn<>(name);
        col.setCellValueFactory(data -> {
            String raw = cell.apply(data.getValue());
            return new ReadOnlyStringWrapper(type == Column.Type.AGE ? Ages.cell(raw, now) : raw);
        });
        if (type == Column.Type.AGE) {
            // Older first when ascending, whatever the words say.
            col.setComparator(Comparator.comparing(ResourceTableView::ageSeconds));
        } else if (type == Column.Type.NUMBER) {
            col.setComparator(Comparator.comparingDouble(ResourceTableView::number));
        }
        col.setPrefWidth(switch (name) {
            case "NAME", "OBJECT" -> 200;
            case "MESSAGE" -> 380;
            case "IMAGES" -> 300;
            case "READY", "COUNT", "RESTARTS", "AVAILABLE", "UP-TO-DATE" -> 80;
            default -> 110;
        });
        if (name.equals("LAST SEEN")) {
            col.setSortType(TableColumn.SortType.ASCENDING);
            lastSeen = col;
        }
        return col;
    }

    /**
     * Shows the snapshot's rows of this kind, keeping the sort, the filter and the selection:
     * what fits in this pulse's budget at once, the rest in the next pulses. FX thread.
     */
    public void show(ClusterSnapshot snapshot, boolean rowsChanged) {
        now = snapshot.takenAt() == null ? Instant.now() : snapshot.takenAt();
        List<ResourceRow> of = snapshot.rows(kind.kind());
        if (rowsChanged || of != latest) {
            latest = of;
            behind = true;
            rowsWhileShown.request();
        }
        placeholder.setText(EnvironmentLiveViewModel.placeholder(snapshot, kind));
        String line = EnvironmentLiveViewModel.banner(snapshot, kind);
        banner.setText(line);
        banner.setVisible(!line.isEmpty());
        banner.setManaged(!line.isEmpty());
        updateCount();
    }

    /**
     * Rows go in only while {@code shown} holds, and catch up when it does again: a table on a tab
     * that is not selected costs nothing but keeping its latest list (its placeholder and banner
     * still follow the feeds). Without this, a table takes every batch.
     */
    public void rowsOnlyWhile(ObservableBooleanValue shown) {
        rowsWhileShown = new WhileShown(shown, this::catchUp);
        if (behind) {
            rowsWhileShown.request();
        }
    }

    /** Applies the latest rows within the pulse budget; asks for the next pulse while some are left. */
    private void catchUp() {
        if (!behind) {
            catchUpNextPulse.stop();
            return;
        }
        ResourceRow selectedRow = table.getSelectionModel().getSelectedItem();
        long start = System.nanoTime();
        int left;
        do {
            left = rows.catchUp(latest, CHUNK);
        } while (left > 0 && System.nanoTime() - start < PULSE_BUDGET_NANOS);
        behind = left > 0;
        if (behind) {
            catchUpNextPulse.start();
        } else {
            catchUpNextPulse.stop();
        }
        if (selectedRow != null) {
            keepSelected(selectedRow.key());
        }
        updateCount();
        rowUpdates.set(rowUpdates.get() + 1);
    }

    /** A replaced row is a new item: select its new version, or nothing once it is gone. */
    private void keepSelected(RowKey key) {
        ResourceRow now = rows.row(key);
        ResourceRow selected = table.getSelectionModel().getSelectedItem();
        if (now == null || selected == now) {
            return;
        }
        int at = table.getItems().indexOf(now);
        if (at >= 0) {
            table.getSelectionModel().clearAndSelect(at);
        }
    }

    private void updateCount() {
        count.setText(scope != null ? filtered.size() + " " + kind.plural() : filtered.size() == rows.size() ? rows.size() + " " + kind.plural()
                : filtered.size() + " of " + rows.size() + " " + kind.plural());
    }

    /** Whether the table shows every row of the latest snapshot it was given (false while it catches up). */
    public boolean caughtUp() {
        return !behind;
    }

    /** Counts the times rows went in: a listener sees the table right after each step. */
    public ReadOnlyLongProperty rowUpdatesProperty() {
        return rowUpdates.getReadOnlyProperty();
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        java.util.function.Predicate<ResourceRow> in = scope;
        filtered.setPredicate(needle.isEmpty() ? in : in == null ? r -> matches(r, needle) : r -> in.test(r) && matches(r, needle));
        updateCount();
    }

    /** Shows only the rows in scope (a workload's pods and events in its detail pane); null for every row. */
    public void scope(java.util.function.Predicate<ResourceRow> value) {
        scope = value;
        applyFilter(filter.getText());
    }

    static boolean matches(ResourceRow row, String needle) {
        if (row.name().toLowerCase(Locale.ROOT).contains(needle) || row.namespace().toLowerCase(Locale.ROOT).contains(needle)) {
            return true;
        }
        return row.cells().stream().anyMatch(c -> c.toLowerCase(Locale.ROOT).contains(needle));
    }

    static double number(String text) {
        try {
            int space = text.indexOf(' ');
            return Double.parseDouble(space > 0 ? text.substring(0, space) : text);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** "3m12s" -> 192; unknown ages sort first. */
    static long ageSeconds(String age) {
        long total = 0;
        long value = 0;
        boolean any = false;
        for (char ch : age.toCharArray()) {
            if (Character.isDigit(ch)) {
                value = value * 10 + (ch - '0');
                any = true;
            } else {
                long unit = switch (ch) {
                    case 's' -> 1;
                    case 'm' -> 60;
                    case 'h' -> 3600;
                    case 'd' -> 86400;
                    case 'y' -> 86400 * 365;
                    default -> 0;
                };
                total += value * unit;
                value = 0;
            }
        }
        return any ? total : -1;
    }

    public KindInfo kind() {
        return kind;
    }

    public TableView<ResourceRow> table() {
        return table;
    }

    public Label placeholder() {
        return placeholder;
    }

    public Label banner() {
        return banner;
    }

    public TextField filter() {
        return filter;
    }

    private static final class HealthRow extends TableRow<ResourceRow> {
        private String health = "";

        /** Touches the style classes only when the health changes: each change re-applies CSS to the row and its cells. */
        @Override
        protected void updateItem(ResourceRow row, boolean empty) {
            super.updateItem(row, empty);
            String now = empty || row == null ? ""
                    : row.health() == Health.FAILED ? Css.HEALTH_FAILED
                    : row.health() == Health.DEGRADED ? Css.HEALTH_DEGRADED : "";
            if (!now.equals(health)) {
                if (!health.isEmpty()) {
                    getStyleClass().remove(health);
                }
                if (!now.isEmpty()) {
                    getStyleClass().add(now);
                }
                health = now;
            }
        }
    }
}
