package dev.wheelhouse.app.ui.cluster;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.logs.LogLinesView;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ListCell;
import javafx.scene.control.Tab;
import javafx.scene.control.TextArea;
import javafx.scene.control.ToggleButton;
import javafx.scene.text.Text;
import javafx.scene.text.TextFlow;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * A workload's detail pane against the sandbox: opened by selecting its row, with its revisions,
 * its own pods and events (live), its YAML, its pods' logs, per-pod metrics, and operation
 * buttons that open the wizards, or are disabled with the reason when RBAC or read-only says no.
 */
@ExtendWith(ApplicationExtension.class)
class WorkloadDetailFxTest {
    record Opened(Operation operation, String environment, RowKey workload) {}

    @TempDir
    static Path dir;

    private static SandboxConsole console;
    private static Stage stage;
    private static final List<Opened> opened = new CopyOnWriteArrayList<>();
    private static final WorkloadOperations RECORDING = (op, env, workload) -> opened.add(new Opened(op, env, workload));
    private EnvironmentLiveView live;

    @BeforeAll
    static void sandbox() throws Exception {
        console = SandboxConsole.start(dir, SandboxConsole.QUIET);
    }

    @Start
    void start(Stage given) {
        stage = given;
        stage.setScene(new Scene(new javafx.scene.layout.StackPane(), 1280, 900));
        stage.getScene().getStylesheets().add(Css.STYLESHEET);
        stage.show();
    }

    @AfterEach
    void closeView() {
        if (live != null) {
            onFx(() -> {
                live.close();
                return null;
            });
        }
        console.sandbox.denied(List.of());
        console.sandbox.metricsApi(true);
        opened.clear();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        console.close();
    }

    private EnvironmentLiveView show(Environment environment) {
        live = onFx(() -> {
            var viewModel = new EnvironmentLiveViewModel(environment, console.services.cluster(), new FxUiExecutor(), new ConnectionStates());
            EnvironmentLiveView view = new EnvironmentLiveView(viewModel, null, RECORDING);
            stage.getScene().setRoot(view);
            view.showWorkload("Deployment", "");
            return view;
        });
        until("the workloads are listed", () -> live.table("Deployment") != null && live.table("Deployment").table().getItems().size() >= 4);
        return live;
    }

    private WorkloadDetailView select(String kind, String name) {
        onFx(() -> {
            live.showWorkload(kind, name);
            return null;
        });
        until("the detail pane of " + name + " is open", () -> live.detail() != null
                && live.detail().viewModel().key().name().equals(name));
        return onFx(() -> live.detail());
    }

    /** The text of each log line drawn now (its time, when shown, and its message). */
    private static List<String> shownLogCells(WorkloadDetailView detail) {
        return detail.lookup("#" + LogLinesView.ID_LINES).lookupAll(".list-cell").stream()
                .filter(n -> n instanceof ListCell<?> c && c.isVisible() && !c.isEmpty() && c.getGraphic() instanceof TextFlow)
                .map(n -> ((TextFlow) ((ListCell<?>) n).getGraphic()).getChildren().stream()
                        .map(t -> ((Text) t).getText()).collect(java.util.stream.Collectors.joining()))
                .toList();
    }

    private static void tab(WorkloadDetailView detail, String name) {
        onFx(() -> {
            Tab t = detail.tabs().getTabs().stream().filter(x -> x.getText().equals(name)).findFirst().orElseThrow();
            detail.tabs().getSelectionModel().select(t);
            return null;
        });
    }

    private static List<ResourceRow> rows(ResourceTableView table) {
        return onFx(() -> List.copyOf(table.table().getItems()));
    }

    @Test
    void selectingADeploymentRowOpensItsRevisionsPodsEventsYamlAndLogs() {
        String ns = console.namespace("sandbox-staging");
        show(console.environment("sandbox-staging"));
        onFx(() -> {
            ResourceTableView table = live.table("Deployment");
            ResourceRow storefront = table.table().getItems().stream().filter(r -> r.name().equals("storefront")).findFirst().orElseThrow();
            table.table().getSelectionModel().select(storefront);
            return null;
        });
        until("selecting the row opens its pane", () -> live.detail() != null
                && live.detail().viewModel().title().equals("Deployment storefront · " + ns));
        WorkloadDetailView detail = onFx(() -> live.detail());

        String version = console.sandbox.seed().version("sandbox-staging", "storefront").orElseThrow();
        until("the revisions are listed, newest first, the current one marked", () -> detail.viewModel().revisions(), revisions ->
                revisions.size() > 1 && revisions.getFirst().current() && revisions.getFirst().images().getFirst().endsWith(":" + version)
                        && revisions.getFirst().number() > revisions.getLast().number());

        tab(detail, "Pods");
        until("its pods, and only its pods", () -> rows(detail.pods()), pods -> pods.size() == 2
                && pods.stream().allMatch(p -> p.labels().get("app").equals("storefront")));
        tab(detail, "Events");
        until("events about it, its ReplicaSets and its pods only", () -> rows(detail.events()), events -> !events.isEmpty()
                && events.stream().allMatch(e -> e.cell(3).equals("deployment/storefront") || e.cell(3).startsWith("replicaset/storefront-")
                        || e.cell(3).startsWith("pod/storefront-")));

        tab(detail, "YAML");
        until("the YAML as kubectl shows it", () -> ((TextArea) detail.lookup("#" + WorkloadDetailView.ID_YAML)).getText(),
                yaml -> yaml.contains("kind: \"Deployment\"") && yaml.contains("name: \"storefront\"") && !yaml.contains("managedFields"));

        tab(detail, "Logs");
        until("the first pod's log is followed", () -> List.copyOf(detail.viewModel().logs().allLines()),
                lines -> !lines.isEmpty() && lines.getFirst().text().contains("msg=\"starting storefront\""));
        ToggleButton timestamps = onFx(() -> (ToggleButton) detail.lookup("#" + LogLinesView.ID_TIMESTAMPS));
        assertThat(onFx(() -> timestamps.isVisible() && !timestamps.isSelected())).as("offered, off").isTrue();
        until("the lines show their messages alone", () -> shownLogCells(detail),
                cells -> !cells.isEmpty() && cells.stream().allMatch(c -> c.startsWith("level=")));
        onFx(() -> {
            timestamps.fire();
            detail.viewModel().logs().searchProperty().set("configuration loaded");
            return null;
        });
        assertThat(onFx(() -> List.copyOf(detail.viewModel().logs().shownLines()))).as("the search reads the message").singleElement()
                .satisfies(line -> assertThat(line.text()).contains("configuration loaded"));
        until("the line shows its time before its message", () -> shownLogCells(detail), cells -> cells.size() == 1
                && cells.getFirst().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z  level=.*configuration loaded.*"));
        onFx(() -> {
            timestamps.fire();
            detail.viewModel().logs().searchProperty().set("");
            ((CheckBox) detail.lookup("#" + WorkloadDetailView.ID_LOG_PREVIOUS)).setSelected(true);
            return null;
        });
        until("a container that never restarted has no previous log, and says so", () -> detail.viewModel().logs().statusProperty().get(),
                status -> status.endsWith("previous terminated container \"storefront\" in pod \"" + detail.viewModel().logPodProperty().get()
                        + "\" not found"));

        // Live: more replicas show as more pods; a new image as a new revision.
        console.scale(ns, "storefront", 3);
        until("the new pod shows in its pods", () -> rows(detail.pods()).size() == 3);
        var reply = console.sandbox.call("PATCH", "/apis/apps/v1/namespaces/" + ns + "/deployments/storefront",
                "application/json-patch+json", "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\","
                        + "\"value\":\"registry.sandbox.local/shop/storefront:7.7.7\"}]");
        assertThat(reply.code()).as(reply.body()).isEqualTo(200);
        until("the rollout's revision is listed as current", () -> detail.viewModel().revisions(), revisions -> !revisions.isEmpty()
                && revisions.getFirst().current() && revisions.getFirst().images().getFirst().endsWith(":7.7.7"));
        console.scale(ns, "storefront", 2);

        onFx(() -> {
            ((Button) detail.lookup("#" + WorkloadDetailView.ID_CLOSE)).fire();
            return null;
        });
        assertThat(onFx(() -> live.detail())).as("closed").isNull();
        onFx(() -> {
            ResourceTableView table = live.table("Deployment");
            table.table().getSelectionModel().select(table.table().getItems().stream()
                    .filter(r -> r.name().equals("storefront")).findFirst().orElseThrow());
            return null;
        });
        until("selecting the same row again opens it again", () -> live.detail() != null);
    }

    @Test
    void theOperationButtonsOpenTheWizardsOfThatWorkload() {
        show(console.environment("sandbox-staging"));
        WorkloadDetailView detail = select("Deployment", "catalog");
        until("the buttons are enabled once the permissions are known", () -> !detail.button(Operation.RESTART).isDisabled()
                && !detail.button(Operation.SCALE).isDisabled());
        for (Operation op : Operation.values()) {
            onFx(() -> {
                detail.button(op).fire();
                return null;
            });
        }
        RowKey catalog = new RowKey(Sandbox.CONTEXT, "Deployment", console.namespace("sandbox-staging"), "catalog");
        assertThat(opened).containsExactly(
                new Opened(Operation.ROLLBACK, "sandbox-staging", catalog), new Opened(Operation.DEPLOY, "sandbox-staging", catalog),
                new Opened(Operation.RESTART, "sandbox-staging", catalog), new Opened(Operation.SCALE, "sandbox-staging", catalog));
    }

    @Test
    void whatRbacForbidsIsDisabledWithTheReason() {
        String ns = console.namespace("sandbox-prod");
        console.sandbox.denied(List.of(Denial.of("patch", "deployments.apps", ns)));
        show(console.environment("sandbox-prod"));
        WorkloadDetailView detail = select("Deployment", "checkout");
        until("every button is disabled", () -> detail.viewModel().actions().stream().map(a -> a.operation() + " "
                + a.disabledProperty().get() + " " + a.reasonProperty().get()).toList(), states -> states.stream().allMatch(s -> s.contains(" true no permission")));
        assertThat(onFx(() -> detail.button(Operation.RESTART).getTooltip().getText())).isEqualTo("no permission to patch deployments in " + ns);
        assertThat(onFx(() -> ((javafx.scene.control.Label) detail.lookup("#" + WorkloadDetailView.ID_PROBLEM)).getText()))
                .contains("no permission to patch deployments in " + ns);
        onFx(() -> {
            detail.viewModel().open(Operation.RESTART);
            return null;
        });
        assertThat(opened).as("a disabled operation opens nothing").isEmpty();

        WorkloadDetailView db = select("StatefulSet", "orders-db");
        until("a StatefulSet is not a Deployment: its operations are allowed", () -> List.of(Operation.values()).stream()
                .noneMatch(op -> db.button(op).isDisabled()));
        until("its revisions are its ControllerRevisions", () -> db.viewModel().revisions().stream().anyMatch(Revision::current));

        console.sandbox.denied(List.of(Denial.of("patch", "statefulsets.apps", ns)));
        onFx(() -> {
            db.viewModel().checkAccess();
            return null;
        });
        until("a permission taken away shows when asked again", () -> db.button(Operation.SCALE).isDisabled()
                && db.button(Operation.SCALE).getTooltip().getText().equals("no permission to patch statefulsets in " + ns));

        WorkloadDetailView shipper = select("DaemonSet", "log-shipper");
        until("a DaemonSet cannot be scaled", () -> shipper.button(Operation.SCALE).isDisabled()
                && shipper.button(Operation.SCALE).getTooltip().getText().equals("a DaemonSet runs one pod per node: it cannot be scaled"));
    }

    @Test
    void aReadOnlyEnvironmentDisablesEveryOperation() {
        Environment staging = console.environment("sandbox-staging");
        show(new Environment(staging.name(), staging.tier(), staging.colour(), true, staging.kubeTargets(), staging.hosts()));
        WorkloadDetailView detail = select("Deployment", "payments");
        until("every button is disabled", () -> List.of(Operation.values()).stream().allMatch(op -> detail.button(op).isDisabled()));
        assertThat(onFx(() -> detail.button(Operation.DEPLOY).getTooltip().getText())).isEqualTo("sandbox-staging is read-only");
    }

    @Test
    void aPodHasNoOperationsAndNoRevisionsAndItsMetricsAreCharted() {
        show(console.environment("sandbox-dev"));
        // the pods' list may come in after the Deployments'
        onFx(() -> {
            live.showWorkload("Pod", "");
            return null;
        });
        until("a catalog pod is listed", () -> live.table("Pod").table().getItems().stream()
                .anyMatch(r -> "catalog".equals(r.labels().get("app"))));
        String pod = onFx(() -> live.table("Pod").table().getItems().stream().filter(r -> r.labels().get("app").equals("catalog"))
                .findFirst().orElseThrow().name());
        WorkloadDetailView detail = select("Pod", pod);
        assertThat(onFx(() -> detail.viewModel().actions())).isEmpty();
        assertThat(onFx(() -> detail.tabs().getTabs().stream().map(Tab::getText).toList()))
                .containsExactly("Pods", "Events", "Metrics", "Logs", "YAML");
        assertThat(onFx(() -> detail.lookupAll(".button").stream().filter(b -> b instanceof Button btn
                && btn.getId() != null && btn.getId().startsWith("workload-action-")).count())).isZero();
        tab(detail, "Metrics");
        until("its CPU is charted", () -> detail.podCharts().cpuChart().isVisible() && detail.podCharts().cpuChart().getData().size() == 1
                && !detail.podCharts().cpuChart().getData().getFirst().getData().isEmpty());
        assertThat(onFx(() -> detail.podCharts().cpuChart().getData().getFirst().getName())).isEqualTo(pod);
    }

    @Test
    void perPodMetricsOfAWorkloadAndAClusterWithoutTheMetricsApi() {
        show(console.environment("sandbox-staging"));
        WorkloadDetailView detail = select("Deployment", "checkout");
        tab(detail, "Metrics");
        until("one CPU and one memory line per pod", () -> detail.podCharts().cpuChart().getData().size() == 2
                && detail.podCharts().memoryChart().getData().size() == 2 && detail.podCharts().cpuChart().isVisible());
        assertThat(onFx(() -> detail.podCharts().cpuChart().getData().stream().map(s -> s.getName()).toList()))
                .allSatisfy(name -> assertThat(name).startsWith("checkout-"));
        console.sandbox.metricsApi(false);
        until("the pane says the metrics API is absent, with no chart", () -> detail.podCharts().message().getText(),
                text -> text.equals("The metrics API (metrics.k8s.io) is not available in wheelhouse-sandbox.")
                        && !detail.podCharts().cpuChart().isVisible());
    }
}
