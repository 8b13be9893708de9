package dev.wheelhouse.app.ui.cluster;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.connections.ConnectionStatus;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.EnvironmentListView;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.workspace.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Labeled;
import javafx.stage.Stage;
import javafx.stage.Window;
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
 * The window against the real practice sandbox: opened from the first-run offer, its
 * environments labelled SANDBOX, and every tab live. One window for the whole class: starting
 * the sandbox is the slow part.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewsFxTest {
    @TempDir
    static Path dir;

    private static AppServices services;
    private static MainWindow window;

    @BeforeAll
    static void services() {
        services = TestWorkspaces.services(dir);
    }

    @Start
    void start(Stage stage) {
        if (window == null) {
            window = new MainWindow(services, new FxUiExecutor(), stage::close);
            window.show(stage);
        }
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.shutdown();
            window = null;
        }
        services.sandbox().current().ifPresent(s -> s.close());
    }

    private void openSandbox(FxRobot robot) {
        until("the workspace is read", () -> window.workspace().phase() != Phase.LOADING);
        if (window.sandbox().sessionProperty().get() == null
                && window.sandbox().stateProperty().get() != SandboxViewModel.State.STARTING) {
            until("the sandbox is offered", () -> robot.lookup("#" + SandboxOfferView.ID_BUTTON).tryQuery().isPresent());
            robot.clickOn("#" + SandboxOfferView.ID_BUTTON);
        }
        until("the sandbox's environments show", () -> window.workspace().environments().stream()
                .anyMatch(e -> window.workspace().isSandbox(e)));
    }

    private EnvironmentLiveView live() {
        return onFx(() -> window.detail().live());
    }

    private static List<ResourceRow> rows(EnvironmentLiveView live, String kind) {
        return onFx(() -> live.table(kind) == null ? List.of() : List.copyOf(live.table(kind).table().getItems()));
    }

    /** Selects a tab once it exists: the group tabs are built when the kinds are discovered. */
    private void select(FxRobot robot, EnvironmentLiveView live, String tab) {
        until("the " + tab + " tab exists", () -> onFx(() -> live.getTabs().stream().anyMatch(x -> x.getText().equals(tab))));
        onFx(() -> {
            TabPane tabs = live;
            Tab t = tabs.getTabs().stream().filter(x -> x.getText().equals(tab)).findFirst().orElseThrow();
            tabs.getSelectionModel().select(t);
            return null;
        });
    }

    /** The Workloads tab's list of one kind, as a user picks it. */
    private static void showKind(EnvironmentLiveView live, String kind) {
        onFx(() -> {
            live.showWorkload(kind, "");
            return null;
        });
    }

    @Test
    void theSandboxOpensFromTheFirstRunOfferAndIsLabelledSandbox(FxRobot robot) {
        openSandbox(robot);
        List<Environment> sandbox = onFx(() -> window.workspace().environments().stream()
                .filter(e -> window.workspace().isSandbox(e)).toList());
        assertThat(sandbox).extracting(Environment::name).contains("sandbox-dev", "sandbox-staging", "sandbox-prod");
        until("the sidebar marks them SANDBOX", () -> robot.from(robot.lookup("#" + EnvironmentListView.ID).queryAs(javafx.scene.Node.class))
                .lookup(".sandbox-badge").queryAll().size() >= 3);
        until("the header marks it SANDBOX", () -> robot.lookup("#" + EnvironmentDetailView.ID_SANDBOX_BADGE).tryQuery().isPresent());
        assertThat(Files.exists(services.workspace().file())).as("never written to the workspace file").isFalse();
        until("the status bar sees the sandbox connected", () -> window.connections()
                .state(TargetId.kube(sandbox.getFirst().kubeTargets().getFirst().context())).status() == ConnectionStatus.CONNECTED);
    }

    @Test
    void workloadsAreLiveAndAChangeShowsWithinSeconds(FxRobot robot) throws Exception {
        openSandbox(robot);
        onFx(() -> {
            window.workspace().select("sandbox-dev");
            return null;
        });
        until("the live view shows sandbox-dev", () -> window.detail().live() != null
                && window.detail().live().viewModel().environment().name().equals("sandbox-dev"));
        EnvironmentLiveView live = live();
        select(robot, live, "Workloads");
        until("the deployments are listed", () -> rows(live, "Deployment").size() >= 4);
        until("the pods are in the model", () -> onFx(() -> live.viewModel().snapshot() != null
                && live.viewModel().snapshot().rows("Pod").size() >= 4));
        assertThat(rows(live, "Pod")).as("a table on a tab not shown takes no rows").isEmpty();
        showKind(live, "Pod");
        until("the pods are listed", () -> rows(live, "Pod").size() >= 4);
        showKind(live, "Deployment");

        ResourceRow target = rows(live, "Deployment").getFirst();
        String container = target.images().getFirst().container();
        String image = target.images().getFirst().repository() + ":9.9.9-live";
        Path kubeconfig = services.sandbox().current().orElseThrow().kubeconfig();
        long started = System.nanoTime();
        Process kubectl = new ProcessBuilder("kubectl", "--kubeconfig", kubeconfig.toString(), "-n", target.namespace(),
                "patch", "deployment", target.name(), "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]")
                .redirectErrorStream(true).start();
        assertThat(kubectl.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(kubectl.exitValue()).as(new String(kubectl.getInputStream().readAllBytes())).isZero();
        until("the new image shows in the table", () -> rows(live, "Deployment").stream()
                .anyMatch(r -> r.name().equals(target.name()) && r.versionOf(container).equals("9.9.9-live")));
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
        assertThat(millis).as("the change shows within a few seconds (kubectl start-up included)").isLessThan(5000);

        select(robot, live, "Compute");
        until("the nodes are listed", () -> rows(live, "Node").size() >= 3);

        select(robot, live, "Network");
        until("the services are listed", () -> !rows(live, "Service").isEmpty());

        select(robot, live, "Storage");
        until("the claims are listed", () -> !rows(live, "PersistentVolumeClaim").isEmpty());

        select(robot, live, "Metrics");
        until("the metrics tab shows series or says why not", () -> !live.cpuChart().getData().isEmpty()
                || (live.metricsMessage().isVisible() && live.metricsMessage().getText().contains("not available")));
    }

    @Test
    void changingEnvironmentClosesTheOldSubscription(FxRobot robot) {
        openSandbox(robot);
        onFx(() -> {
            window.workspace().select("sandbox-staging");
            return null;
        });
        until("staging is live", () -> window.detail().live() != null
                && window.detail().live().viewModel().environment().name().equals("sandbox-staging"));
        EnvironmentLiveView first = live();
        onFx(() -> {
            window.workspace().select("sandbox-prod");
            return null;
        });
        until("prod is live", () -> window.detail().live() != null && window.detail().live() != first);
        long before = onFx(() -> first.viewModel().updatesProperty().get());
        EnvironmentLiveView prod = live();
        select(robot, prod, "Workloads");
        until("prod has rows", () -> rows(prod, "Deployment").size() >= 1);
        assertThat(onFx(() -> first.viewModel().updatesProperty().get())).isEqualTo(before);
    }

    @Test
    void theVersionMatrixShowsEachApplicationsVersionPerEnvironment(FxRobot robot) {
        openSandbox(robot);
        onFx(() -> window.actions().run(ClusterActions.VERSION_MATRIX));
        until("the matrix window shows", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage st && VersionMatrixView.TITLE.equals(st.getTitle())));
        Stage matrix = onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage st && VersionMatrixView.TITLE.equals(st.getTitle()))
                .map(w -> (Stage) w).findFirst().orElseThrow());
        until("every sandbox cell has a version", () -> {
            var cells = matrix.getScene().getRoot().lookupAll(".matrix-cell");
            return cells.size() >= 9 && cells.stream().allMatch(c -> !version(c).equals("—") && !version(c).isBlank());
        });
        List<String> versions = onFx(() -> matrix.getScene().getRoot().lookupAll(".matrix-cell").stream()
                .map(LiveViewsFxTest::version).distinct().toList());
        assertThat(versions.size()).as("environments run different versions").isGreaterThan(3);
        onFx(() -> {
            matrix.close();
            return null;
        });
    }

    private static String version(javafx.scene.Node cell) {
        var graphic = (javafx.scene.layout.VBox) ((Labeled) cell).getGraphic();
        return ((Labeled) graphic.getChildren().getFirst()).getText();
    }
}
