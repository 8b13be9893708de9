package dev.wheelhouse.app.ui.cluster;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.workspace.Application;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableRow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The Overview, Events and Metrics tabs of an environment against the sandbox: figures and
 * versions in the overview, events live with warnings highlighted, metrics charted per node, and
 * a cluster without metrics.k8s.io said plainly. (Workloads, Compute, Storage, Network and the
 * version matrix: {@link LiveViewsFxTest}.)
 */
@ExtendWith(ApplicationExtension.class)
class LiveTabsFxTest {
    @TempDir
    static Path dir;

    private static SandboxConsole console;
    private static MainWindow window;

    @BeforeAll
    static void sandbox() throws Exception {
        console = SandboxConsole.start(dir, SandboxConsole.QUIET);
    }

    @Start
    void start(Stage stage) {
        window = console.window(stage);
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        window = null;
        console.close();
    }

    private EnvironmentLiveView open(String environment, String tab) {
        until("the workspace is read", () -> window.workspace().phase() == Phase.LOADED);
        onFx(() -> {
            window.workspace().select(environment);
            return null;
        });
        until(environment + " is shown live", () -> window.detail().live() != null
                && window.detail().live().viewModel().environment().name().equals(environment)
                && window.detail().live().table("Deployment") != null);
        EnvironmentLiveView live = onFx(() -> window.detail().live());
        onFx(() -> {
            live.getSelectionModel().select(live.getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst().orElseThrow());
            return null;
        });
        return live;
    }

    private static String figure(EnvironmentLiveView live, String id) {
        return onFx(() -> live.getScene().lookup("#" + id) instanceof Label l ? l.getText() : "");
    }

    @Test
    void aTabsContentJoinsTheSceneWhenTheTabIsFirstShown() {
        EnvironmentLiveView live = open("sandbox-dev", "Overview");
        until("the storage is listed", () -> onFx(() -> live.viewModel().snapshot() != null
                && !live.viewModel().snapshot().rows("PersistentVolumeClaim").isEmpty()));
        assertThat(onFx(() -> live.lookup("#" + ResourceTableView.ID_PREFIX + "PersistentVolumeClaim")))
                .as("not in the scene while its tab was never shown").isNull();
        assertThat(onFx(() -> live.table("PersistentVolumeClaim").placeholder().getText())).isNotBlank();
        onFx(() -> {
            live.getSelectionModel().select(live.getTabs().stream().filter(t -> t.getText().equals("Storage")).findFirst().orElseThrow());
            return null;
        });
        until("the claims show once the Storage tab is selected", () -> onFx(() ->
                live.lookup("#" + ResourceTableView.ID_PREFIX + "PersistentVolumeClaim") != null
                        && !live.table("PersistentVolumeClaim").table().getItems().isEmpty()));
    }

    @Test
    void theOverviewShowsNodesWorkloadsUsageWarningsAndTheRunningVersions() {
        EnvironmentLiveView live = open("sandbox-prod", "Overview");
        until("the nodes are counted", () -> figure(live, "overview-nodes"), "4 / 4"::equals);
        until("every workload is counted healthy", () -> figure(live, "overview-workloads"), "6 / 6"::equals);
        until("CPU use is shown against what is allocatable", () -> figure(live, "overview-cpu").contains(" / "));
        until("memory too", () -> figure(live, "overview-memory").contains(" / "));
        for (Application app : console.sandbox.seed().applications()) {
            String chip = app.workload().name() + "  " + console.sandbox.seed().version("sandbox-prod", app.name()).orElseThrow();
            until("the running version of " + app.name() + " shows", () -> live.lookupAll(".label").stream()
                    .anyMatch(n -> n instanceof Labeled l && l.getText().equals(chip)));
        }
    }

    @Test
    void eventsAreLiveAndWarningsStandOut() {
        String ns = console.namespace("sandbox-dev");
        EnvironmentLiveView live = open("sandbox-dev", "Events");
        until("the events are listed", () -> !live.table("Event").table().getItems().isEmpty());
        until("the seeded warning is drawn as one", () -> warningRows(live).stream()
                .anyMatch(r -> r.cell(2).equals("ProvisioningFailed")));

        Application deployment = console.sandbox.seed().applications().stream()
                .filter(a -> a.workload().kind().kind().equals("Deployment")).findFirst().orElseThrow();
        String image = "registry.sandbox.local/shop/" + deployment.workload().name() + ":9.9.9-broken";
        var reply = console.sandbox.call("PATCH", "/apis/apps/v1/namespaces/" + ns + "/deployments/" + deployment.workload().name(),
                "application/json-patch+json",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
        assertThat(reply.code()).as(reply.body()).isEqualTo(200);
        until("the crash loop's warning arrives and stands out", () -> warningRows(live).stream()
                .anyMatch(r -> r.cell(2).equals("BackOff") && r.cell(3).startsWith("pod/" + deployment.workload().name())));
    }

    /** The rows drawn as warnings (the table's rows carry the health class). */
    private static List<ResourceRow> warningRows(EnvironmentLiveView live) {
        return onFx(() -> live.table("Event").table().lookupAll(".table-row-cell").stream()
                .filter(n -> n.getStyleClass().contains(Css.HEALTH_DEGRADED))
                .map(n -> ((TableRow<?>) n).getItem())
                .filter(item -> item instanceof ResourceRow r && r.health() == Health.DEGRADED)
                .map(item -> (ResourceRow) item).toList());
    }

    @Test
    void aCellOfTheVersionMatrixOpensThatWorkloadInItsDetailPane() {
        open("sandbox-dev", "Overview");
        onFx(() -> window.actions().run(ClusterActions.VERSION_MATRIX));
        until("the matrix window shows", () -> javafx.stage.Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && VersionMatrixView.TITLE.equals(st.getTitle())));
        Stage matrix = onFx(() -> javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && VersionMatrixView.TITLE.equals(st.getTitle()))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        until("the matrix has the cell of payments in sandbox-prod",
                () -> matrix.getScene().lookup("#matrix-payments-sandbox-prod") != null);
        onFx(() -> {
            ((javafx.scene.control.Button) matrix.getScene().lookup("#matrix-payments-sandbox-prod")).fire();
            matrix.close();
            return null;
        });
        until("sandbox-prod shows payments in its detail pane", () -> window.detail().live() != null
                && window.detail().live().viewModel().environment().name().equals("sandbox-prod")
                && window.detail().live().detail() != null
                && window.detail().live().detail().viewModel().key().name().equals("payments"));
        EnvironmentLiveView live = onFx(() -> window.detail().live());
        assertThat(onFx(() -> live.getSelectionModel().getSelectedItem().getText())).isEqualTo("Workloads");
        until("with its revisions", () -> !live.detail().viewModel().revisions().isEmpty());
    }

    @Test
    void metricsAreChartedPerNodeAndAClusterWithoutTheMetricsApiIsSaidPlainly() {
        EnvironmentLiveView live = open("sandbox-staging", "Metrics");
        until("a CPU series per node", () -> live.cpuChart().getData().size() == 4
                && live.cpuChart().getData().stream().allMatch(s -> !s.getData().isEmpty()));
        assertThat(onFx(() -> live.metricsMessage().isVisible())).as(onFx(() -> live.metricsMessage().getText())).isFalse();

        console.sandbox.metricsApi(false);
        try {
            until("the metrics tab says the API is absent", () -> live.metricsMessage().isVisible()
                    && live.metricsMessage().getText().equals("The metrics API (metrics.k8s.io) is not available in wheelhouse-sandbox."));
            Node chart = live.cpuChart();
            assertThat(onFx(chart::isVisible)).as("no chart pretends to be current").isFalse();
            assertThat(onFx(() -> live.metricsView().lookup("#" + LiveMetricsView.ID_PODS).isVisible()))
                    .as("nor does a pod chart").isFalse();
        } finally {
            console.sandbox.metricsApi(true);
        }
        until("the charts come back with the API", () -> !live.metricsMessage().isVisible() && live.cpuChart().isVisible());
    }

    private static Node namespaceCell(FxRobot robot, String namespace) {
        return robot.lookup(".combo-box-popup .list-cell").queryAll().stream()
                .filter(n -> n instanceof Labeled l && namespace.equals(l.getText()) && n.isVisible()).findFirst().orElse(null);
    }

    private static List<String> podLines(EnvironmentLiveView live) {
        return onFx(() -> live.metricsView().podCharts().cpuChart().getData().stream()
                .filter(line -> !line.getData().isEmpty()).map(line -> line.getName()).toList());
    }

    @Test
    void theMetricsTabChartsTheBusiestPodsOfANamespaceFilteredByName(FxRobot robot) {
        String ns = console.namespace("sandbox-staging");
        EnvironmentLiveView live = open("sandbox-staging", "Metrics");
        LiveMetricsView metrics = onFx(live::metricsView);
        // open() waits for the tables, not for the pods' list (a race seen in one CI run).
        until("the pods are listed", () -> onFx(() -> live.viewModel().snapshot().feeds().stream()
                .filter(f -> f.key().kind().equals("Pod")).allMatch(f -> f.status() == FeedStatus.LIVE)
                && !live.viewModel().snapshot().rows("Pod").isEmpty()));
        int pods = onFx(() -> live.viewModel().snapshot().rows("Pod").size());
        assertThat(pods).as("more pods than the tab charts").isGreaterThan(BusiestPods.LIMIT);
        until("the 8 busiest pods are charted, CPU and memory", () -> podLines(live).size() == BusiestPods.LIMIT
                && onFx(() -> metrics.podCharts().memoryChart().getData().size()) == BusiestPods.LIMIT
                && onFx(() -> metrics.count().getText()).startsWith(BusiestPods.LIMIT + " busiest of "));
        assertThat(podLines(live)).as("one namespace: pod names alone").noneMatch(name -> name.contains("/"));
        assertThat(onFx(() -> metrics.namespaceChoice().getItems())).containsExactly(LiveMetricsView.ALL_NAMESPACES, ns);
        assertThat(onFx(() -> metrics.podCharts().message().isVisible())).isFalse();
        // The nodes are listed after the pods (pods first): their charts may come a moment later.
        until("beside the nodes' charts", () -> onFx(() -> live.cpuChart().isVisible()));

        String app = console.sandbox.seed().applications().stream()
                .filter(a -> a.workload().kind().kind().equals("Deployment")).findFirst().orElseThrow().workload().name();
        long ofApp = onFx(() -> live.viewModel().snapshot().rows("Pod").stream().filter(r -> r.name().contains(app)).count());
        robot.clickOn("#" + LiveMetricsView.ID_FILTER).write(app);
        until("only the pods of " + app, () -> podLines(live).size() == ofApp
                && podLines(live).stream().allMatch(name -> name.startsWith(app)));
        assertThat(onFx(() -> metrics.count().getText())).isEqualTo(ofApp == 1 ? "1 pod" : ofApp + " pods");

        robot.clickOn("#" + LiveMetricsView.ID_NAMESPACE);
        until("the namespace is offered", () -> namespaceCell(robot, ns) != null);
        robot.clickOn(onFx(() -> namespaceCell(robot, ns)));
        until("the pods of " + app + " in " + ns, () -> onFx(() -> metrics.viewModel().namespaceProperty().get()).equals(ns)
                && podLines(live).size() == ofApp && podLines(live).stream().allMatch(name -> name.startsWith(app)));

        onFx(() -> {
            metrics.filter().clear();
            return null;
        });
        robot.clickOn("#" + LiveMetricsView.ID_FILTER).write("no-such-pod");
        until("a filter that matches nothing says so", () -> onFx(() -> metrics.podCharts().message().isVisible()
                && metrics.podCharts().message().getText()
                        .equals("No pod whose name contains \"no-such-pod\" in " + ns + " has reported its usage.")
                && !metrics.podCharts().cpuChart().isVisible()));
        onFx(() -> {
            metrics.filter().clear();
            metrics.namespaceChoice().setValue(LiveMetricsView.ALL_NAMESPACES);
            return null;
        });
        until("and all of them again", () -> podLines(live).size() == BusiestPods.LIMIT);
    }
}
