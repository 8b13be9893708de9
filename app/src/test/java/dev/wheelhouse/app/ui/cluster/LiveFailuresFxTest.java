package dev.wheelhouse.app.ui.cluster;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.connections.ConnectionStatus;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.shell.StatusBarView;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuButton;
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
 * The window when the cluster says no or goes away: a list the user may not read says so in its
 * table while the rest stays live, and an outage shows as reconnecting with the rows marked
 * stale (never as fresh) until the API serves again and a change made meanwhile shows.
 */
@ExtendWith(ApplicationExtension.class)
class LiveFailuresFxTest {
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

    @AfterEach
    void serveEverything() throws Exception {
        console.sandbox.denied(List.of());
        console.sandbox.resumeServing();
    }

    @AfterAll
    static void close() throws Exception {
        FxToolkit.cleanupStages();
        window = null;
        console.close();
    }

    private EnvironmentLiveView open(String environment) {
        until("the workspace is read", () -> window.workspace().phase() == Phase.LOADED);
        onFx(() -> {
            window.workspace().select(environment);
            return null;
        });
        until(environment + " is shown live", () -> window.detail().live() != null
                && window.detail().live().viewModel().environment().name().equals(environment));
        EnvironmentLiveView live = onFx(() -> window.detail().live());
        until("the kinds are known", () -> live.table("Deployment") != null);
        onFx(() -> {
            live.getSelectionModel().select(live.getTabs().stream().filter(t -> t.getText().equals("Workloads")).findFirst().orElseThrow());
            return null;
        });
        return live;
    }

    private static List<ResourceRow> rows(EnvironmentLiveView live, String kind) {
        return onFx(() -> live.table(kind) == null ? List.of() : List.copyOf(live.table(kind).table().getItems()));
    }

    private static boolean replicasShown(EnvironmentLiveView live, String deployment, int replicas) {
        return rows(live, "Deployment").stream().anyMatch(r -> r.name().equals(deployment) && r.cell(1).endsWith("/" + replicas));
    }

    private static String statusBar() {
        return onFx(() -> connections().getText());
    }

    /** Waits until the status bar's line is the expected one, and says what it was if it never is. */
    private static void untilStatusBar(String what, java.util.function.Predicate<String> expected) {
        java.util.concurrent.atomic.AtomicReference<String> last = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            until(what, () -> {
                last.set(statusBar() + " [" + statusBarItems() + "]");
                return expected.test(statusBar());
            });
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + "; the status bar said: " + last.get(), e);
        }
    }

    private static String statusBarItems() {
        return onFx(() -> String.join("\n", connections().getItems().stream().map(i -> i.getText()).toList()));
    }

    private static MenuButton connections() {
        return (MenuButton) window.stage().getScene().lookup("#" + StatusBarView.ID_CONNECTIONS);
    }

    @Test
    void aListTheUserMayNotReadSaysSoInItsTableAndTheRestStaysLive() {
        String ns = console.namespace("sandbox-dev");
        console.sandbox.denied(List.of(Denial.of("list,watch", "pods", ns)));
        EnvironmentLiveView live = open("sandbox-dev");

        until("the pods table says why it is empty", () -> live.table("Pod").placeholder().getText()
                .equals("no permission to list pods in " + ns));
        assertThat(rows(live, "Pod")).isEmpty();
        until("the deployments are listed", () -> rows(live, "Deployment").size() >= 4);
        assertThat(onFx(() -> live.table("Deployment").banner().isVisible())).isFalse();

        String deployment = rows(live, "Deployment").getFirst().name();
        console.scale(ns, deployment, 3);
        until("a change to the deployments still shows", () -> replicasShown(live, deployment, 3));
        // The overview is drawn while it shows (EnvironmentLiveView.renderOverview): look at it as a user would.
        onFx(() -> {
            live.getSelectionModel().select(live.getTabs().getFirst());
            return null;
        });
        until("the overview lists what is not permitted", () -> live.lookupAll(".label").stream()
                .anyMatch(n -> n instanceof Labeled l && l.getText().contains("1 not permitted")));
        assertThat(onFx(() -> window.connections().state(TargetId.kube(Sandbox.CONTEXT)).status()))
                .as("a forbidden list is not a lost connection").isEqualTo(ConnectionStatus.CONNECTED);
        console.scale(ns, deployment, 1);
    }

    @Test
    void anOutageIsReconnectingWithStaleRowsUntilTheApiServesAgainAndAChangeMadeMeanwhileShows() throws Exception {
        String ns = console.namespace("sandbox-staging");
        EnvironmentLiveView live = open("sandbox-staging");
        until("the deployments are listed", () -> rows(live, "Deployment").size() >= 4);
        untilStatusBar("the status bar says connected", "1 of 1 targets connected"::equals);
        String deployment = rows(live, "Deployment").getFirst().name();
        int rowsBefore = rows(live, "Pod").size();

        console.sandbox.pauseServing();
        until("the deployments table says reconnecting", () -> live.table("Deployment").banner().isVisible()
                && live.table("Deployment").banner().getText().contains("reconnecting — data may be stale"));
        until("the pods table too", () -> live.table("Pod").banner().getText().contains("reconnecting — data may be stale"));
        untilStatusBar("the status bar says reconnecting", text -> text.contains("1 reconnecting"));
        assertThat(statusBarItems()).contains(Sandbox.CONTEXT + " — reconnecting");
        assertThat(rows(live, "Pod")).as("the last rows stay, marked stale").hasSize(rowsBefore);

        console.scale(ns, deployment, 4);
        Thread.sleep(1500);
        assertThat(replicasShown(live, deployment, 4)).as("nothing new can arrive while the API is away").isFalse();
        assertThat(onFx(() -> live.table("Deployment").banner().isVisible())).as("still marked stale").isTrue();

        console.sandbox.resumeServing();
        until("the change made meanwhile shows", () -> replicasShown(live, deployment, 4));
        until("the rows are live again", () -> !live.table("Deployment").banner().isVisible()
                && !live.table("Pod").banner().isVisible());
        untilStatusBar("the status bar says connected", "1 of 1 targets connected"::equals);
        console.scale(ns, deployment, 2);
    }
}
