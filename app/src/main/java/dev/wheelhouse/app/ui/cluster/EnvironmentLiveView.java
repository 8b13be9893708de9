package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveViewModel.Applied;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveViewModel.Summary;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.TargetHealth;
import dev.wheelhouse.core.cluster.Units;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.PauseTransition;
import javafx.beans.binding.Bindings;
import javafx.scene.Node;
import javafx.scene.chart.LineChart;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * An environment's Kubernetes part, live: Overview, Workloads, Compute, Storage, Network,
 * Events and Metrics tabs over the one subscription of its view-model. Closing it closes the
 * subscription. Only what shows is redrawn ({@link WhileShown}): a table, the overview or the
 * charts on a tab that is not selected catch up when it is.
 */
public final class EnvironmentLiveView extends TabPane implements AutoCloseable {
    public static final String ID = "environment-live";
    public static final String ID_OVERVIEW = "live-overview";
    public static final String ID_METRICS_MESSAGE = "live-metrics-message";
    public static final String ID_CPU_CHART = "live-cpu-chart";
    public static final String ID_MEMORY_CHART = "live-memory-chart";
    public static final String ID_FAILURE = "live-failure";

    private static final Map<String, List<String>> GROUPS = new LinkedHashMap<>();

    static {
        GROUPS.put("Workloads", List.of("Deployment", "StatefulSet", "DaemonSet", "Pod", "ReplicaSet", "HorizontalPodAutoscaler"));
        GROUPS.put("Compute", List.of("Node"));
        GROUPS.put("Storage", List.of("PersistentVolumeClaim", "PersistentVolume", "StorageClass"));
        GROUPS.put("Network", List.of("Service", "Ingress", "NetworkPolicy", "Endpoints"));
        GROUPS.put("Events", List.of("Event"));
    }

    private final EnvironmentLiveViewModel viewModel;
    private final Map<String, ResourceTableView> tables = new LinkedHashMap<>();
    private final Map<String, Tab> kindTabs = new LinkedHashMap<>();
    private final VBox overview = new VBox(16);
    private final VBox targetsBox = new VBox();
    private final Label failure = new Label();
    private final LiveMetricsView metricsView;
    private final Supplier<Node> extraCompute;
    private final StackPane extraSlot = new StackPane();
    private Node extra;
    private final WhileShown overviewShown;
    private WhileShown metricsShown;
    private long overviewAt = System.nanoTime() - 1_000_000_000L;
    private final PauseTransition overviewLater = new PauseTransition(javafx.util.Duration.seconds(1));
    private final WorkloadDetailPane details;
    private String[] revealing;

    /**
     * @param extraCompute makes what shows under the nodes in the Compute tab (the hosts), on
     *     first showing that tab; null for nothing
     */
    public EnvironmentLiveView(EnvironmentLiveViewModel viewModel, Supplier<Node> extraCompute) {
        this(viewModel, extraCompute, WorkloadOperations.NONE);
    }

    /**
     * @param operations what the operation buttons of a workload's detail pane open
     */
    public EnvironmentLiveView(EnvironmentLiveViewModel viewModel, Supplier<Node> extraCompute, WorkloadOperations operations) {
        this.viewModel = viewModel;
        this.extraCompute = extraCompute;
        this.details = new WorkloadDetailPane(viewModel, operations);
        this.metricsView = new LiveMetricsView(new LiveMetricsViewModel(viewModel.executor()), viewModel::series);
        setId(ID);
        getStyleClass().addAll(Css.LIVE_TABS);
        setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);

        failure.setId(ID_FAILURE);
        failure.getStyleClass().add(Css.ERROR_PANEL);
        failure.setWrapText(true);
        failure.setVisible(false);
        failure.setManaged(false);
        overview.setId(ID_OVERVIEW);
        overview.getStyleClass().add("live-overview");
        ScrollPane overviewScroll = new ScrollPane(new VBox(12, failure, overview, targetsBox));
        overviewScroll.setFitToWidth(true);
        Tab overviewTab = tab("Overview", Feather.HOME, overviewScroll);
        getTabs().add(overviewTab);
        overviewShown = new WhileShown(overviewTab, this::renderOverviewNow);
        overviewLater.setOnFinished(e -> renderOverview());
        overview.getChildren().add(muted("Connecting…"));

        viewModel.kindsProperty().addListener((obs, was, now) -> build(now));
        viewModel.appliedProperty().addListener((obs, was, now) -> show(now));
        viewModel.appliedProperty().addListener((obs, was, now) -> details.openPending());
        viewModel.inventoryProperty().addListener((obs, was, now) -> renderOverview());
        viewModel.inventoryFailureProperty().addListener((obs, was, now) -> renderOverview());
        viewModel.failureProperty().addListener((obs, was, now) -> {
            failure.setText(now);
            failure.setVisible(now != null);
            failure.setManaged(now != null);
        });
        build(viewModel.kindsProperty().get());
        viewModel.start();
    }

    /** The environment's targets (with their connection chips), shown at the foot of the overview. */
    public void setTargets(Node targets) {
        targetsBox.getChildren().setAll(targets == null ? List.of() : List.of(targets));
    }

    private void build(List<KindInfo> kinds) {
        if (kinds == null || kinds.isEmpty() || !tables.isEmpty()) {
            return;
        }
        boolean showContext = viewModel.environment().kubeTargets().size() > 1;
        boolean showNamespace = viewModel.environment().kubeTargets().stream()
                .mapToInt(t -> Math.max(1, t.namespaces().size())).sum() > 1;
        for (var group : GROUPS.entrySet()) {
            List<ResourceTableView> of = new ArrayList<>();
            for (String name : group.getValue()) {
                kinds.stream().filter(k -> k.kind().equals(name)).findFirst().ifPresent(k -> {
                    ResourceTableView table = new ResourceTableView(k, showContext, showNamespace);
                    tables.put(name, table);
                    details.follow(table);
                    of.add(table);
                });
            }
            if (of.isEmpty()) {
                continue;
            }
            Node content;
            Map<ResourceTableView, Tab> innerTabs = new LinkedHashMap<>();
            if (of.size() == 1 && extraCompute == null) {
                content = of.getFirst();
            } else if (of.size() == 1) {
                VBox box = new VBox(12, of.getFirst(), extraSlot);
                VBox.setVgrow(of.getFirst(), Priority.ALWAYS);
                VBox.setVgrow(extraSlot, Priority.ALWAYS);
                content = box;
            } else {
                TabPane inner = new TabPane();
                inner.setId("live-" + group.getKey().toLowerCase() + "-kinds");
                inner.setTabClosingPolicy(TabClosingPolicy.UNAVAILABLE);
                inner.getStyleClass().add(Styles.TABS_FLOATING);
                for (ResourceTableView table : of) {
                    Tab t = new Tab(plural(table.kind()));
                    contentWhenFirstSelected(t, table);
                    t.setId("kind-tab-" + table.kind().kind());
                    kindTabs.put(table.kind().kind(), t);
                    innerTabs.put(table, t);
                    inner.getTabs().add(t);
                }
                content = inner;
            }
            if (group.getKey().equals("Workloads")) {
                content = details.wrap(content, kinds);
            }
            Tab groupTab = tab(group.getKey(), icon(group.getKey()), content);
            for (ResourceTableView table : of) {
                Tab inner = innerTabs.get(table);
                table.rowsOnlyWhile(inner == null ? groupTab.selectedProperty()
                        : Bindings.and(groupTab.selectedProperty(), inner.selectedProperty()));
            }
            if (group.getKey().equals("Compute") && extraCompute != null) {
                groupTab.selectedProperty().addListener((obs, was, now) -> {
                    if (now && extra == null) {
                        extra = extraCompute.get();
                        extraSlot.getChildren().setAll(extra);
                    }
                });
            }
            getTabs().add(groupTab);
        }
        Tab metricsTab = tab("Metrics", Feather.BAR_CHART_2, metrics());
        getTabs().add(metricsTab);
        metricsShown = new WhileShown(metricsTab, () -> {
            if (viewModel.snapshot() != null) {
                metricsView.show(viewModel.snapshot());
            }
        });
        if (viewModel.snapshot() != null) {
            show(new Applied(viewModel.snapshot(), tables.keySet(), true, true));
        }
        reveal();
    }

    private static String plural(KindInfo kind) {
        return switch (kind.kind()) {
            case "PersistentVolumeClaim" -> "Claims";
            case "PersistentVolume" -> "Volumes";
            case "StorageClass" -> "Storage classes";
            case "NetworkPolicy" -> "Network policies";
            case "HorizontalPodAutoscaler" -> "Autoscalers";
            case "StatefulSet" -> "StatefulSets";
            case "DaemonSet" -> "DaemonSets";
            case "ReplicaSet" -> "ReplicaSets";
            default -> kind.kind() + "s";
        };
    }

    private static Ikon icon(String group) {
        return switch (group) {
            case "Workloads" -> Feather.BOX;
            case "Compute" -> Feather.CPU;
            case "Storage" -> Feather.HARD_DRIVE;
            case "Network" -> Feather.GLOBE;
            case "Events" -> Feather.BELL;
            default -> Feather.LAYERS;
        };
    }

    private static Tab tab(String name, Ikon ikon, Node content) {
        Tab tab = new Tab(name);
        contentWhenFirstSelected(tab, content);
        tab.setGraphic(new FontIcon(ikon));
        tab.setId("live-tab-" + name.toLowerCase());
        return tab;
    }

    /**
     * A tab's content goes into the scene when the tab is first selected: a tab pane styles and
     * lays out every tab's content, shown or not, and the first pulse of a view with 15 tables
     * took half a second of the FX thread while the pods came in (docs/BENCHMARKS.md, Views).
     */
    private static void contentWhenFirstSelected(Tab tab, Node content) {
        if (tab.isSelected()) {
            tab.setContent(content);
            return;
        }
        tab.selectedProperty().addListener(new javafx.beans.value.ChangeListener<>() {
            @Override
            public void changed(javafx.beans.value.ObservableValue<? extends Boolean> obs, Boolean was, Boolean now) {
                if (now) {
                    tab.selectedProperty().removeListener(this);
                    tab.setContent(content);
                }
            }
        });
    }

    private void show(Applied applied) {
        if (applied == null) {
            return;
        }
        ClusterSnapshot snapshot = applied.snapshot();
        for (var e : tables.entrySet()) {
            boolean changed = applied.kinds().contains(e.getKey());
            if (changed || applied.feedsChanged()) {
                e.getValue().show(snapshot, changed);
                Tab t = kindTabs.get(e.getKey());
                if (t != null) {
                    int n = snapshot.rows(e.getKey()).size();
                    t.setText(plural(e.getValue().kind()) + " (" + n + ")");
                }
            }
        }
        renderOverview();
        if (applied.metricsChanged() || applied.feedsChanged()) {
            renderMetrics();
        }
    }

    // --- overview ---------------------------------------------------------------------------

    /** Rebuilds the overview (cards and a chip per workload: a thousand on a large cluster) while it shows. */
    private void renderOverview() {
        overviewShown.request();
    }

    /** At most once a second: batches come several times a second. */
    private void renderOverviewNow() {
        ClusterSnapshot snapshot = viewModel.snapshot();
        if (snapshot == null) {
            return;
        }
        long at = System.nanoTime();
        if (at - overviewAt < 1_000_000_000L) {
            if (overviewLater.getStatus() != Animation.Status.RUNNING) {
                overviewLater.playFromStart();
            }
            return;
        }
        overviewAt = at;
        Summary s = EnvironmentLiveViewModel.summary(snapshot);
        Inventory inventory = viewModel.inventoryProperty().get();
        List<Node> cards = new ArrayList<>();
        cards.add(card("overview-nodes", "Nodes ready", s.nodesReady() + " / " + s.nodes(),
                s.nodesReady() < s.nodes() ? Health.DEGRADED : Health.HEALTHY, ""));
        Map<Health, Integer> w = s.workloads();
        int total = w.values().stream().mapToInt(Integer::intValue).sum();
        Health worst = w.get(Health.FAILED) > 0 ? Health.FAILED : w.get(Health.DEGRADED) > 0 ? Health.DEGRADED : Health.HEALTHY;
        cards.add(card("overview-workloads", "Workloads healthy", w.get(Health.HEALTHY) + " / " + total, worst,
                w.get(Health.DEGRADED) + " degraded · " + w.get(Health.FAILED) + " failed"));
        long cpuCap = 0;
        long memCap = 0;
        if (inventory != null) {
            for (Inventory.Node n : inventory.nodes()) {
                cpuCap += n.allocatable().cpuMillis();
                memCap += n.allocatable().memoryBytes();
            }
        }
        String why = viewModel.inventoryFailureProperty().get();
        String unknown = why.isEmpty() ? "of allocatable: working out…" : "allocatable unknown: " + why;
        cards.add(card("overview-cpu", "CPU used", Units.cpu(s.cpuUsedMillis()) + (cpuCap > 0 ? " / " + Units.cpu(cpuCap) : ""),
                Health.HEALTHY, cpuCap > 0 ? Units.percent(s.cpuUsedMillis(), cpuCap) + " of allocatable" : unknown));
        cards.add(card("overview-memory", "Memory used",
                Units.bytes(s.memoryUsedBytes()) + (memCap > 0 ? " / " + Units.bytes(memCap) : ""),
                Health.HEALTHY, memCap > 0 ? Units.percent(s.memoryUsedBytes(), memCap) + " of allocatable" : unknown));
        cards.add(card("overview-warnings", "Warnings", Integer.toString(s.warnings()),
                s.warnings() > 0 ? Health.DEGRADED : Health.HEALTHY, "events of type Warning"));
        FlowPane figures = new FlowPane(12, 12);
        figures.getChildren().setAll(cards);

        VBox versions = new VBox(4, section("Running versions"));
        List<ResourceRow> workloads = new ArrayList<>();
        for (String kind : EnvironmentLiveViewModel.WORKLOAD_KINDS) {
            workloads.addAll(snapshot.rows(kind));
        }
        workloads.sort(java.util.Comparator.comparing(ResourceRow::name));
        FlowPane chips = new FlowPane(8, 6);
        for (ResourceRow r : workloads) {
            Label chip = new Label(r.name() + "  " + (r.version().isEmpty() ? "?" : r.version()));
            chip.getStyleClass().add(Css.NAMESPACE_CHIP);
            if (r.health() == Health.FAILED || r.health() == Health.DEGRADED) {
                chip.getStyleClass().add(r.health() == Health.FAILED ? Styles.DANGER : Styles.WARNING);
                chip.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
            }
            chips.getChildren().add(chip);
        }
        versions.getChildren().add(workloads.isEmpty() ? muted("No workloads yet.") : chips);

        VBox feeds = new VBox(4, section("Connections"));
        for (TargetHealth t : snapshot.targets()) {
            String line = t.context() + " — " + t.status().name().toLowerCase() + " · " + t.live() + " of " + t.total()
                    + " lists live" + (t.forbidden() > 0 ? " · " + t.forbidden() + " not permitted" : "")
                    + (t.detail().isEmpty() ? "" : " · " + t.detail());
            Label l = new Label(line, new FontIcon(t.status() == FeedStatus.LIVE ? Feather.CHECK_CIRCLE : Feather.ALERT_CIRCLE));
            l.setWrapText(true);
            feeds.getChildren().add(l);
        }
        snapshot.feeds().stream().filter(f -> f.status().isProblem() || f.status() == FeedStatus.RECONNECTING)
                .map(f -> f.detail().isEmpty() ? f.key().describe(f.key().kind()) + ": " + f.status() : f.detail())
                .distinct().limit(8)
                .forEach(line -> {
                    Label l = muted(line);
                    l.setGraphic(new FontIcon(Feather.ALERT_TRIANGLE));
                    feeds.getChildren().add(l);
                });

        overview.getChildren().setAll(figures, versions, feeds);
    }

    private static Node card(String id, String title, String figure, Health health, String detail) {
        Label t = new Label(title);
        t.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Label f = new Label(figure);
        f.setId(id);
        f.getStyleClass().add(Css.FIGURE);
        VBox box = new VBox(2, t, f);
        if (!detail.isEmpty()) {
            Label d = new Label(detail);
            d.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            box.getChildren().add(d);
        }
        box.getStyleClass().add(Css.OVERVIEW_CARD);
        if (health == Health.FAILED) {
            box.getStyleClass().add(Css.HEALTH_FAILED);
        } else if (health == Health.DEGRADED) {
            box.getStyleClass().add(Css.HEALTH_DEGRADED);
        }
        return box;
    }

    private static Label section(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.SECTION_TITLE);
        return l;
    }

    private static Label muted(String text) {
        Label l = new Label(text);
        l.setWrapText(true);
        l.getStyleClass().add(Styles.TEXT_MUTED);
        return l;
    }

    // --- metrics ----------------------------------------------------------------------------

    private Node metrics() {
        metricsView.nodeCharts().message().setId(ID_METRICS_MESSAGE);
        metricsView.nodeCharts().cpuChart().setId(ID_CPU_CHART);
        metricsView.nodeCharts().memoryChart().setId(ID_MEMORY_CHART);
        return metricsView;
    }

    /** Charts the metrics (a chart per node: a hundred series on a large cluster) while the Metrics tab shows. */
    private void renderMetrics() {
        if (metricsShown != null) {
            metricsShown.request();
        }
    }

    /**
     * Shows one workload: its kind's table in the Workloads tab, filtered to its name, and its
     * detail pane; when the view is still connecting, as soon as it can.
     */
    public void showWorkload(String kind, String name) {
        revealing = new String[] {kind, name};
        reveal();
    }

    private void reveal() {
        if (revealing == null || tables.isEmpty()) {
            return;
        }
        String kind = revealing[0];
        String name = revealing[1];
        revealing = null;
        getTabs().stream().filter(t -> t.getText().equals("Workloads")).findFirst()
                .ifPresent(t -> getSelectionModel().select(t));
        Tab kindTab = kindTabs.get(kind);
        if (kindTab != null && kindTab.getTabPane() != null) {
            kindTab.getTabPane().getSelectionModel().select(kindTab);
        }
        ResourceTableView table = tables.get(kind);
        if (table != null) {
            table.filter().setText(name);
        }
        if (!name.isBlank()) {
            details.openWhenListed(kind, name);
        }
    }

    /** The detail pane showing now (null when none is open). */
    public WorkloadDetailView detail() {
        return details.current();
    }

    public EnvironmentLiveViewModel viewModel() {
        return viewModel;
    }

    public ResourceTableView table(String kind) {
        return tables.get(kind);
    }

    public LineChart<Number, Number> cpuChart() {
        return metricsView.nodeCharts().cpuChart();
    }

    public Label metricsMessage() {
        return metricsView.nodeCharts().message();
    }

    /** The Metrics tab's content: nodes and the busiest pods. */
    public LiveMetricsView metricsView() {
        return metricsView;
    }

    @Override
    public void close() {
        details.close();
        viewModel.close();
        if (extra instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a view does no I/O worth reporting
            }
        }
    }
}
