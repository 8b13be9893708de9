package dev.wheelhouse.app.ui.hosts;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** An environment of hosts only (no Kubernetes) still shows its hosts live in the detail. */
@ExtendWith(ApplicationExtension.class)
class HostsOnlyEnvironmentFxTest {
    @TempDir
    static Path sharedDir;

    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(sharedDir, "hosts-only");
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        TestWorkspaces.write(dir.resolve("ssh_config"), "Host app-1\n  HostName 127.0.0.1\n  Port " + closedPort + "\n");
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), """
                environments:
                  - name: legacy-hosts
                    tier: staging
                    hosts:
                      - alias: app-1
                """);
        window = new MainWindow(TestWorkspaces.services(dir), new FxUiExecutor(), stage::close);
        window.show(stage);
    }

    @AfterEach
    void close() throws Exception {
        FxToolkit.cleanupStages();
        window.shutdown();
    }

    @Test
    void theHostCardShowsAndSaysTheHostIsDownWithItsError(FxRobot robot) {
        until("the hosts view is shown", () -> onFx(() -> robot.lookup("#" + HostsView.ID).tryQuery().isPresent()));
        until("the host is reported down", () -> onFx(() -> robot.lookup("#host-error-app-1").tryQuery()
                .map(n -> ((Label) n).getText()).orElse("").contains("connection refused")));
        String chip = onFx(() -> robot.lookup("#host-state-app-1").queryAs(Label.class).getText());
        assertThat(chip).startsWith("down");
    }
}
