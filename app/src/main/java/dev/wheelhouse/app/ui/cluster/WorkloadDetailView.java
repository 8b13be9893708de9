package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveViewModel.Applied;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.logs.LogLinesView;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.core.cluster.Ages;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.core.ops.Revision;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The detail pane of one workload or pod under the Workloads tables: a header with its status
 * and the operation buttons (disabled with the reason in their tooltip), and tabs for its
 * revisions, pods, events, metrics, logs and YAML. Fed by the live view's snapshots; closing it
 * stops its log follow.
 */
public final class WorkloadDetailView extends VBox implements AutoCloseable {
    public static final String ID = "workload-detail";
    public static final String ID_TITLE = "workload-detail-title";
    public static final String ID_PROBLEM = "workload-detail-problem";
    public static final String ID_REVISIONS = "workload-revisions";
    public static final String ID_YAML = "workload-yaml";
    public static final String ID_CLOSE = "workload-detail-close";
    public static final String ID_LOG_POD = "workload-log-pod";
    public static final String ID_LOG_CONTAINER = "workload-log-container";
    public static final String ID_LOG_PREVIOUS = "workload-log-previous";

    private final WorkloadDetailViewModel viewModel;
    private final EnvironmentLiveViewModel live;
    private final TabPane tabs = new TabPane();
    private final Label status = new Label();
    private final Label problem = new Label();
    private final Map<Operation, Button> buttons = new LinkedHashMap<>();
    private final ResourceTableView pods;
    private final ResourceTableView events;
    private final UsageCharts podCharts = new UsageCharts("workload", "pod");
    private final ChangeListener<Applied> onApplied = (obs, was, now) -> show(now);

    /**
     * @param kinds the gateway's kinds (the pods and events tables take their columns)
     * @param onClose what the close button does (the host removes the pane)
     */
    public WorkloadDetailView(WorkloadDetailViewModel viewModel, EnvironmentLiveViewModel live, List<KindInfo> kinds,
                              Runnable onClose) {
        this.viewModel = viewModel;
        this.live = live;
        setId(ID);
        getStyleClass().add("workload-detail");
        setSpacing(8);
        setPadding(new Insets(8, 0, 0, 0));

        KindInfo podKind = kinds.stream().filter(k -> k.kind().equals("Pod")).findFirst().orElseThrow();
        KindInfo eventKind = kinds.stream().filter(k -> k.kind().equals("Event")).findFirst().orElseThrow();
        pods = new ResourceTableView(podKind, false, false);
        pods.setId(ID + "-pods");
        events = new ResourceTableView(eventKind, false, false);
        events.setId(ID + "-events");
        viewModel.podScopeProperty().addListener((obs, was, now) -> pods.scope(now));
        viewModel.eventScopeProperty().addListener((obs, was, now) -> events.scope(now));
        pods.scope(viewModel.podScopeProperty().get());
        events.scope(viewModel.eventScopeProperty().get());

        getChildren().addAll(header(onClose), problemLine(), tabs);
        VBox.setVgrow(tabs, Priority.ALWAYS);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add(Styles.TABS_FLOATING);
        if (!viewModel.key().kind().equals("Pod")) {
            tabs.getTabs().add(tab("Revisions", Feather.GIT_COMMIT, revisions()));
        }
        tabs.getTabs().addAll(
                tab("Pods", Feather.BOX, pods),
                tab("Events", Feather.BELL, events),
                tab("Metrics", Feather.BAR_CHART_2, podCharts),
                tab("Logs", Feather.FILE_TEXT, logs()),
                tab("YAML", Feather.CODE, yaml()));

        live.appliedProperty().addListener(onApplied);
        viewModel.start();
        if (live.snapshot() != null) {
            show(new Applied(live.snapshot(), new java.util.HashSet<>(List.of("Pod", "Event", viewModel.key().kind())), true, true));
        }
    }

    private Node header(Runnable onClose) {
        Label title = new Label(viewModel.title(), new FontIcon(icon(viewModel.key().kind())));
        title.setId(ID_TITLE);
        title.getStyleClass().add(Styles.TITLE_4);
        status.getStyleClass().addAll(Styles.TEXT_MUTED);
        viewModel.rowProperty().addListener((obs, was, now) -> status.setText(statusLine(now)));
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox header = new HBox(10, title, status, spacer);
        header.setAlignment(Pos.CENTER_LEFT);
        for (WorkloadDetailViewModel.Action action : viewModel.actions()) {
            Button b = new Button(label(action.operation()), new FontIcon(operationIcon(action.operation())));
            b.setId("workload-action-" + action.operation().name().toLowerCase(java.util.Locale.ROOT));
            b.getStyleClass().add(Styles.SMALL);
            b.disableProperty().bind(action.disabledProperty());
            // A disabled button shows no tooltip of its own: the header row carries the reason too.
            Tooltip tip = new Tooltip();
            tip.textProperty().bind(action.reasonProperty().map(r -> r.isEmpty() ? label(action.operation()) : r));
            b.setTooltip(tip);
            b.setOnAction(e -> viewModel.open(action.operation()));
            buttons.put(action.operation(), b);
            header.getChildren().add(b);
        }
        Button close = new Button(null, new FontIcon(Feather.X));
        close.setId(ID_CLOSE);
        close.getStyleClass().addAll(Styles.FLAT, Styles.BUTTON_ICON, Styles.SMALL);
        close.setTooltip(new Tooltip("Close the detail pane"));
        close.setOnAction(e -> onClose.run());
        header.getChildren().add(close);
        return header;
    }

    /** The reasons the operations cannot be used, once (under the header), or nothing. */
    private Node problemLine() {
        problem.setId(ID_PROBLEM);
        problem.getStyleClass().add(Css.STALE_BANNER);
        problem.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
        problem.setWrapText(true);
        problem.setMaxWidth(Double.MAX_VALUE);
        Runnable update = () -> {
            List<String> lines = new java.util.ArrayList<>();
            if (!viewModel.problemProperty().get().isEmpty()) {
                lines.add(viewModel.problemProperty().get());
            }
            viewModel.actions().stream().map(a -> a.reasonProperty().get())
                    .filter(r -> !r.isEmpty() && !r.startsWith("checking")).distinct().forEach(lines::add);
            problem.setText(String.join("\n", lines));
            problem.setVisible(!lines.isEmpty());
            problem.setManaged(!lines.isEmpty());
        };
        viewModel.problemProperty().addListener((obs, was, now) -> update.run());
        viewModel.actions().forEach(a -> a.reasonProperty().addListener((obs, was, now) -> update.run()));
        update.run();
        return problem;
    }

    private static String statusLine(ResourceRow row) {
        if (row == null) {
            return "gone";
        }
        String version = row.version().isEmpty() ? "" : " · " + row.version();
        return (row.status().isEmpty() ? row.health().name().toLowerCase(java.util.Locale.ROOT) : row.status()) + version;
    }

    private Node revisions() {
        TableView<Revision> table = new TableView<>(viewModel.revisions());
        table.setId(ID_REVISIONS);
        table.getStyleClass().addAll(Styles.DENSE, Tweaks.EDGE_TO_EDGE, Styles.STRIPED);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("REVISION", 90, r -> r.number() + (r.current() ? "  (current)" : "")));
        table.getColumns().add(column("IMAGES", 320, r -> String.join(", ", r.images().stream().map(WorkloadDetailView::shortImage).toList())));
        table.getColumns().add(column("CHANGE-CAUSE", 320, r -> r.changeCause().isEmpty() ? "<none>" : r.changeCause()));
        table.getColumns().add(column("AGE", 90, r -> Ages.since(r.created(), Instant.now())));
        table.setRowFactory(ignored -> new TableRow<>() {
            @Override
            protected void updateItem(Revision item, boolean empty) {
                super.updateItem(item, empty);
                getStyleClass().remove("current-revision");
                if (!empty && item != null && item.current()) {
                    getStyleClass().add("current-revision");
                }
            }
        });
        Label placeholder = new Label("Reading the revisions…");
        placeholder.getStyleClass().add(Styles.TEXT_MUTED);
        viewModel.detailsProperty().addListener((obs, was, now) -> placeholder.setText("No revisions."));
        table.setPlaceholder(placeholder);
        return table;
    }

    /** "storefront=registry.example/shop/storefront:2.9.0" as "storefront:2.9.0": the tag is what differs. */
    static String shortImage(String nameEqualsImage) {
        String image = nameEqualsImage.substring(nameEqualsImage.indexOf('=') + 1);
        return image.substring(image.lastIndexOf('/') + 1);
    }

    private static TableColumn<Revision, String> column(String name, double width, java.util.function.Function<Revision, String> cell) {
        TableColumn<Revision, String> c = new TableColumn<>(name);
        c.setCellValueFactory(data -> new ReadOnlyStringWrapper(cell.apply(data.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private Node logs() {
        ChoiceBox<String> pod = new ChoiceBox<>(viewModel.pods());
        pod.setId(ID_LOG_POD);
        pod.valueProperty().bindBidirectional(viewModel.logPodProperty());
        pod.setPrefWidth(280);
        ChoiceBox<String> container = new ChoiceBox<>(viewModel.containers());
        container.setId(ID_LOG_CONTAINER);
        container.valueProperty().bindBidirectional(viewModel.logContainerProperty());
        container.setPrefWidth(180);
        CheckBox previous = new CheckBox("Previous container");
        previous.setId(ID_LOG_PREVIOUS);
        previous.setTooltip(new Tooltip("The log of the container's last terminated instance (kubectl logs --previous)"));
        previous.selectedProperty().bindBidirectional(viewModel.previousProperty());
        Label podLabel = new Label("Pod");
        Label containerLabel = new Label("Container");
        HBox chooser = new HBox(8, podLabel, pod, containerLabel, container, previous);
        chooser.setAlignment(Pos.CENTER_LEFT);
        LogLinesView lines = new LogLinesView(viewModel.logs());
        VBox.setVgrow(lines, Priority.ALWAYS);
        VBox box = new VBox(8, chooser, lines);
        box.setPadding(new Insets(4, 0, 0, 0));
        return box;
    }

    private Node yaml() {
        TextArea text = new TextArea();
        text.setId(ID_YAML);
        text.setEditable(false);
        text.getStyleClass().add(Css.MONO);
        text.textProperty().bind(viewModel.yamlProperty().map(y -> y.isEmpty() ? "Reading…" : y));
        return text;
    }

    private void show(Applied applied) {
        if (applied == null) {
            return;
        }
        ClusterSnapshot snapshot = applied.snapshot();
        viewModel.show(snapshot);
        boolean feeds = applied.feedsChanged();
        if (feeds || applied.kinds().contains("Pod")) {
            pods.show(snapshot, applied.kinds().contains("Pod"));
        }
        if (feeds || applied.kinds().contains("Event")) {
            events.show(snapshot, applied.kinds().contains("Event"));
        }
        if (feeds || applied.metricsChanged() || applied.kinds().contains("Pod")) {
            renderMetrics(snapshot);
        }
    }

    private void renderMetrics(ClusterSnapshot snapshot) {
        Instant now = snapshot.takenAt() == null ? Instant.now() : snapshot.takenAt();
        Map<String, List<Usage>> series = new LinkedHashMap<>();
        for (String pod : viewModel.pods()) {
            series.put(pod, live.series(new RowKey(viewModel.key().context(), "Pod", viewModel.key().namespace(), pod)));
        }
        String why = EnvironmentLiveViewModel.metricsMessage(snapshot);
        if (why.isEmpty() && series.values().stream().allMatch(List::isEmpty)) {
            why = viewModel.pods().isEmpty() ? "No pods to chart." : "Collecting the first metrics sample of these pods…";
        }
        podCharts.show(why, series, now);
    }

    private static Tab tab(String name, Feather icon, Node content) {
        Tab tab = new Tab(name, content);
        tab.setGraphic(new FontIcon(icon));
        tab.setId("workload-tab-" + name.toLowerCase(java.util.Locale.ROOT));
        return tab;
    }

    private static Feather icon(String kind) {
        return switch (kind) {
            case "Pod" -> Feather.BOX;
            case "DaemonSet" -> Feather.SERVER;
            case "StatefulSet" -> Feather.DATABASE;
            default -> Feather.LAYERS;
        };
    }

    static String label(Operation operation) {
        return switch (operation) {
            case ROLLBACK -> "Roll back…";
            case DEPLOY -> "Deploy…";
            case RESTART -> "Restart";
            case SCALE -> "Scale…";
        };
    }

    private static Feather operationIcon(Operation operation) {
        return switch (operation) {
            case ROLLBACK -> Feather.ROTATE_CCW;
            case DEPLOY -> Feather.UPLOAD_CLOUD;
            case RESTART -> Feather.REFRESH_CW;
            case SCALE -> Feather.SLIDERS;
        };
    }

    public WorkloadDetailViewModel viewModel() {
        return viewModel;
    }

    public TabPane tabs() {
        return tabs;
    }

    public Button button(Operation operation) {
        return buttons.get(operation);
    }

    public ResourceTableView pods() {
        return pods;
    }

    public ResourceTableView events() {
        return events;
    }

    public UsageCharts podCharts() {
        return podCharts;
    }

    @Override
    public void close() {
        live.appliedProperty().removeListener(onApplied);
        viewModel.close();
    }
}
