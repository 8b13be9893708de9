package dev.wheelhouse.app.ui.shell;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.environments.DiscoveryProposalView;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.WorkspaceStateView;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** No workspace yet: discovery proposes environments, and only Accept writes the file. */
@ExtendWith(ApplicationExtension.class)
class FirstRunFxTest {
    @TempDir
    static Path sharedDir;

    private final ConsoleHarness harness = new ConsoleHarness();
    private MainWindow window;
    private AppServices services;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory(sharedDir, "first-run");
        services = TestWorkspaces.services(dir);
    }

    private void open() {
        window = onFx(() -> harness.open(stage, services));
        until("the workspace is read", () -> window.workspace().phase() != Phase.LOADING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void withSampleConfigs() {
        TestWorkspaces.write(dir.resolve("kubeconfig"), TestWorkspaces.KUBECONFIG);
        TestWorkspaces.write(dir.resolve("ssh_config"), TestWorkspaces.SSH_CONFIG);
    }

    @Test
    void acceptWritesTheProposedEnvironments(FxRobot robot) {
        withSampleConfigs();
        open();
        until("the proposal is shown", () -> robot.lookup("#" + DiscoveryProposalView.ID_ACCEPT).tryQuery().isPresent());

        Node proposal = robot.lookup("#" + DiscoveryProposalView.ID).query();
        List<String> shown = robot.from(proposal).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        assertThat(shown).contains("prod-eu", "staging-eu", "dev-cluster", "PRODUCTION", "STAGING", "DEVELOPMENT");
        assertThat(Files.exists(services.workspace().file())).isFalse();

        robot.clickOn("#" + DiscoveryProposalView.ID_ACCEPT);

        until("the proposed environments are saved and shown", () -> window.workspace().phase() == Phase.LOADED
                && robot.lookup("#" + EnvironmentDetailView.ID_NAME).tryQuery().isPresent());
        assertThat(robot.lookup("#" + DiscoveryProposalView.ID_ACCEPT).tryQuery()).isEmpty();
        var saved = ((WorkspaceLoad.Loaded) services.workspace().load()).workspace().environments();
        assertThat(saved).extracting(Environment::name).contains("prod-eu", "staging-eu", "dev-cluster");
        assertThat(saved).filteredOn(e -> e.name().equals("prod-eu")).singleElement()
                .extracting(Environment::tier).isEqualTo(Tier.PRODUCTION);
        assertThat(saved).flatExtracting(Environment::hosts).extracting(h -> h.alias()).contains("web-prod-eu-1", "dev-box");
        assertThat(onFx(() -> robot.lookup("#" + EnvironmentDetailView.ID_NAME).queryAs(Label.class).getText()))
                .isEqualTo("prod-eu");
    }

    @Test
    void dismissWritesNothingAndExplainsHowToAddOne(FxRobot robot) {
        withSampleConfigs();
        open();
        until("the proposal is shown", () -> robot.lookup("#" + DiscoveryProposalView.ID_DISMISS).tryQuery().isPresent());

        robot.clickOn("#" + DiscoveryProposalView.ID_DISMISS);

        until("the proposal is gone", () -> robot.lookup("#" + DiscoveryProposalView.ID_DISMISS).tryQuery().isEmpty());
        assertThat(Files.exists(services.workspace().file())).isFalse();
        assertThat(robot.lookup("#" + WorkspaceStateView.ID_EMPTY_ADD).tryQuery()).isPresent();
        assertThat(onFx(() -> robot.lookup("#" + WorkspaceStateView.ID_FILE_PATH).queryAs(TextField.class).getText()))
                .isEqualTo(services.workspace().file().toString());
    }

    @Test
    void nothingToDiscoverShowsTheEmptyStateWithTheWayToAddOne(FxRobot robot) {
        open();
        until("the empty state is shown", () -> robot.lookup("#" + WorkspaceStateView.ID_EMPTY).tryQuery().isPresent()
                && window.workspace().lastDiscoveryProperty().get() != null);

        assertThat(robot.lookup("#" + DiscoveryProposalView.ID_ACCEPT).tryQuery()).isEmpty();
        robot.clickOn("#" + WorkspaceStateView.ID_EMPTY_ADD);
        until("the editor is open", () -> robot.lookup("#editor-name").tryQuery().isPresent());
        assertThat(Files.exists(services.workspace().file())).isFalse();
    }
}
