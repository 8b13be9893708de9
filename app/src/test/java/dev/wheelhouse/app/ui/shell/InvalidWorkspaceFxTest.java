package dev.wheelhouse.app.ui.shell;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.WorkspaceStateView;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** A broken workspace file: the window still opens, says where and what, and never writes it. */
@ExtendWith(ApplicationExtension.class)
class InvalidWorkspaceFxTest {
    /** Line 4 has a tab in its indentation: YAML refuses it. */
    private static final String MALFORMED = "environments:\n  - name: shop-prod\n    tier: production\n\tkubernetes: []\n";
    private static final String UNKNOWN_TIER = "environments:\n  - name: shop-prod\n    tier: produktion\n";

    @TempDir
    static Path sharedDir;

    private final ConsoleHarness harness = new ConsoleHarness();
    private MainWindow window;
    private Path file;
    private Stage stage;
    private Path dir;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        dir = Files.createTempDirectory(sharedDir, "invalid");
        file = TestWorkspaces.workspaceFile(dir);
    }

    private void open(String text) {
        TestWorkspaces.write(file, text);
        window = onFx(() -> harness.open(stage, TestWorkspaces.services(dir)));
        until("the workspace is read", () -> window.workspace().phase() != Phase.LOADING);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void malformedYamlShowsFileLineAndColumnAndTheFileIsUntouched(FxRobot robot) throws Exception {
        byte[] before = MALFORMED.getBytes(java.nio.charset.StandardCharsets.UTF_8);
        open(MALFORMED);

        assertThat(window.workspace().phase()).isEqualTo(Phase.INVALID);
        var error = window.workspace().errorProperty().get();
        assertThat(error.line()).isEqualTo(4);
        assertThat(text(robot, WorkspaceStateView.ID_ERROR_LOCATION))
                .isEqualTo(file + ":" + error.line() + ":" + error.column());
        assertThat(text(robot, WorkspaceStateView.ID_ERROR_MESSAGE)).isEqualTo(error.message()).isNotBlank();
        assertThat(onFx(() -> robot.lookup("#" + StatusBarView.ID_WORKSPACE).queryAs(Label.class).getText()))
                .startsWith("Workspace invalid at line 4");

        // Nothing that writes is offered, and pressing its shortcut anyway changes nothing.
        assertThat(window.actions().get(ActionIds.ADD_ENVIRONMENT).isEnabled()).isFalse();
        assertThat(window.actions().get(ActionIds.DISCOVER).isEnabled()).isFalse();
        robot.push(new KeyCodeCombination(KeyCode.N, KeyCombination.SHORTCUT_DOWN));
        assertThat(robot.lookup("#editor-name").tryQuery()).isEmpty();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);

        // Once fixed by hand, Reload reads it.
        Files.writeString(file, TestWorkspaces.SAMPLE);
        robot.clickOn("#" + WorkspaceStateView.ID_RELOAD);
        until("the fixed workspace is shown", () -> robot.lookup("#" + EnvironmentDetailView.ID_NAME).tryQuery()
                .map(n -> ((Label) n).getText().equals("shop-prod")).orElse(false));
        assertThat(window.workspace().phase()).isEqualTo(Phase.LOADED);
    }

    @Test
    void anUnknownTierIsShownTheSameWay(FxRobot robot) throws Exception {
        open(UNKNOWN_TIER);

        assertThat(window.workspace().phase()).isEqualTo(Phase.INVALID);
        assertThat(text(robot, WorkspaceStateView.ID_ERROR_LOCATION)).isEqualTo(file + ":3:11");
        assertThat(text(robot, WorkspaceStateView.ID_ERROR_MESSAGE)).contains("produktion");
        assertThat(Files.readString(file)).isEqualTo(UNKNOWN_TIER);
        assertThat(Files.list(file.getParent()).map(p -> p.getFileName().toString()))
                .doesNotContain("workspace.yaml.bak");
    }
}
