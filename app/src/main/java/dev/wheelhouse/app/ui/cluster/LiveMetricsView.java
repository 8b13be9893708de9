package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.geometry.Side;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The Metrics tab: CPU and memory over the last minutes per node and, beside them, per pod for
 * the busiest pods by CPU ({@link LiveMetricsViewModel} picks them, off the FX thread) in a
 * chosen namespace, filtered by name. Both are drawn by {@link UsageCharts} from the same ring
 * buffers. When there is nothing current to chart (no metrics API, no permission) the node side
 * says why and the pod side steps aside.
 */
public final class LiveMetricsView extends HBox {
    public static final String ID_PODS = "live-pods";
    public static final String ID_NAMESPACE = "live-pods-namespace";
    public static final String ID_FILTER = "live-pods-filter";
    public static final String ID_COUNT = "live-pods-count";
    /** The namespace choice that charts pods of every namespace. */
    public static final String ALL_NAMESPACES = "All namespaces";

    private final LiveMetricsViewModel viewModel;
    private final Function<RowKey, List<Usage>> series;
    private final UsageCharts nodeCharts = new UsageCharts("live", "node");
    private final UsageCharts podCharts = new UsageCharts(ID_PODS, "pod");
    private final ComboBox<String> namespace = new ComboBox<>();
    private final TextField filter = new TextField();
    private final Label count = new Label();
    private final VBox pods;
    private ClusterSnapshot snapshot;
    private boolean choosing;

    /** @param series the usage history of a node or pod, oldest first (does not block) */
    public LiveMetricsView(LiveMetricsViewModel viewModel, Function<RowKey, List<Usage>> series) {
        super(16);
        this.viewModel = viewModel;
        this.series = series;
        setPadding(new Insets(8));

        namespace.setId(ID_NAMESPACE);
        namespace.getItems().setAll(ALL_NAMESPACES);
        namespace.setValue(ALL_NAMESPACES);
        namespace.getStyleClass().add(Styles.SMALL);
        namespace.valueProperty().addListener((obs, was, now) -> {
            if (!choosing && now != null) {
                viewModel.namespaceProperty().set(now.equals(ALL_NAMESPACES) ? "" : now);
            }
        });
        filter.setId(ID_FILTER);
        filter.setPromptText("Filter pods by name…");
        filter.getStyleClass().add(Styles.SMALL);
        filter.setPrefColumnCount(16);
        viewModel.nameFilterProperty().bind(filter.textProperty());
        count.setId(ID_COUNT);
        count.getStyleClass().add(Styles.TEXT_MUTED);

        count.setMinWidth(Region.USE_PREF_SIZE);
        HBox tools = new HBox(8, namespace, new FontIcon(Feather.FILTER), filter);
        tools.setAlignment(Pos.CENTER_LEFT);
        podCharts.setLegendSide(Side.RIGHT);
        pods = column("Busiest pods by CPU (" + BusiestPods.LIMIT + " at most)", count, tools, podCharts, 320);
        pods.setId(ID_PODS);
        VBox nodes = column("Nodes", new Region(), new Region(), nodeCharts, 200);
        // the charts side by side start at the same height
        ((Region) nodes.getChildren().get(1)).minHeightProperty().bind(tools.heightProperty());
        getChildren().addAll(nodes, pods);

        viewModel.busiestProperty().addListener((obs, was, now) -> {
            offer(now.namespaces());
            renderPods();
        });
        viewModel.failureProperty().addListener((obs, was, now) -> renderPods());
    }

    private static VBox column(String title, Region aside, Region tools, UsageCharts charts, double start) {
        Label heading = new Label(title);
        heading.getStyleClass().add(Css.SECTION_TITLE);
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox top = new HBox(8, heading, spacer, aside);
        top.setAlignment(Pos.BASELINE_LEFT);
        VBox box = new VBox(8, top, tools, charts);
        VBox.setVgrow(charts, Priority.ALWAYS);
        HBox.setHgrow(box, Priority.ALWAYS);
        box.setPrefWidth(start); // the columns share what is left evenly; the pods' legend stands beside them
        return box;
    }

    /** The namespaces to choose from, changed only when they change (choosing keeps the choice). */
    private void offer(List<String> namespaces) {
        List<String> items = new ArrayList<>();
        items.add(ALL_NAMESPACES);
        items.addAll(namespaces);
        String chosen = namespace.getValue();
        if (!chosen.equals(ALL_NAMESPACES) && !items.contains(chosen)) {
            items.add(chosen); // a namespace whose pods are gone stays chosen until the user says otherwise
        }
        if (!items.equals(namespace.getItems())) {
            choosing = true;
            try {
                namespace.getItems().setAll(items);
                namespace.setValue(chosen);
            } finally {
                choosing = false;
            }
        }
    }

    /** A new snapshot: nodes charted now, pods ranked again (off the FX thread) when metrics changed. FX thread. */
    public void show(ClusterSnapshot snapshot) {
        this.snapshot = snapshot;
        Instant now = now(snapshot);
        // By name, so each node keeps its colour from one update to the next.
        Map<String, List<Usage>> nodeSeries = new LinkedHashMap<>();
        snapshot.rows("Node").stream()
                .sorted(Comparator.comparing(ResourceRow::context).thenComparing(ResourceRow::name))
                .forEach(node -> nodeSeries.put(node.name(), series.apply(new RowKey(node.context(), "Node", "", node.name()))));
        nodeCharts.show(EnvironmentLiveViewModel.metricsMessage(snapshot), nodeSeries, now);
        viewModel.update(snapshot.metrics());
        renderPods();
    }

    private static Instant now(ClusterSnapshot snapshot) {
        return snapshot.takenAt() == null ? Instant.now() : snapshot.takenAt();
    }

    /** At most {@link BusiestPods#LIMIT} series: bounded work whatever the cluster's size. */
    private void renderPods() {
        if (snapshot == null) {
            return;
        }
        boolean charting = EnvironmentLiveViewModel.metricsMessage(snapshot).isEmpty();
        pods.setVisible(charting);
        pods.setManaged(charting);
        if (!charting) {
            return;
        }
        BusiestPods busiest = viewModel.busiestProperty().get();
        boolean manyContexts = snapshot.targets().size() > 1;
        boolean manyNamespaces = busiest.pods().stream().map(RowKey::namespace).distinct().count() > 1;
        Map<String, List<Usage>> podSeries = new LinkedHashMap<>();
        for (RowKey pod : busiest.pods()) {
            String name = (manyContexts ? pod.context() + " " : "") + (manyNamespaces ? pod.namespace() + "/" : "") + pod.name();
            podSeries.put(name, series.apply(pod));
        }
        count.setText(busiest.matching() > busiest.pods().size()
                ? busiest.pods().size() + " busiest of " + busiest.matching() + " pods"
                : busiest.matching() == 1 ? "1 pod" : busiest.matching() + " pods");
        podCharts.show(podMessage(busiest, podSeries), podSeries, now(snapshot));
    }

    private String podMessage(BusiestPods busiest, Map<String, List<Usage>> podSeries) {
        String failure = viewModel.failureProperty().get();
        if (!failure.isEmpty()) {
            return failure;
        }
        if (busiest.matching() == 0) {
            String part = viewModel.nameFilterProperty().get().strip();
            String ns = viewModel.namespaceProperty().get();
            if (part.isEmpty() && ns.isEmpty()) {
                return "No pod has reported its usage yet.";
            }
            return "No pod" + (part.isEmpty() ? "" : " whose name contains \"" + part + "\"")
                    + (ns.isEmpty() ? "" : " in " + ns) + " has reported its usage.";
        }
        if (podSeries.values().stream().allMatch(List::isEmpty)) {
            return "Collecting the first metrics sample of these pods…";
        }
        return "";
    }

    public UsageCharts nodeCharts() {
        return nodeCharts;
    }

    public UsageCharts podCharts() {
        return podCharts;
    }

    public ComboBox<String> namespaceChoice() {
        return namespace;
    }

    public TextField filter() {
        return filter;
    }

    public Label count() {
        return count;
    }

    public LiveMetricsViewModel viewModel() {
        return viewModel;
    }
}
