package dev.wheelhouse.app.ui.shell;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.environments.EnvironmentListView;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.ListCell;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Switching the theme at run time must leave every sidebar row drawn (it once left some blank). */
@ExtendWith(ApplicationExtension.class)
class ThemeSwitchFxTest {
    @TempDir
    static Path sharedDir;

    private final ConsoleHarness harness = new ConsoleHarness();
    private MainWindow window;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = Files.createTempDirectory(sharedDir, "theme");
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        window = harness.open(stage, TestWorkspaces.services(dir));
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private List<String> visibleRowTexts(FxRobot robot) {
        return onFx(() -> robot.lookup("#" + EnvironmentListView.ID_LIST + " .list-cell").queryAllAs(ListCell.class).stream()
                .filter(cell -> cell.getItem() != null)
                .map(cell -> cell.getGraphic() == null || !cell.getGraphic().isVisible() ? "<blank>"
                        : robot.from(cell.getGraphic()).lookup(".label").queryAllAs(Label.class).stream()
                                .map(Label::getText).findFirst().orElse("<no label>"))
                .toList());
    }

    @Test
    void everyRowIsStillDrawnAfterSwitchingThemeTwice(FxRobot robot) throws Exception {
        until("the workspace is loaded", () -> window.workspace().selected() != null);
        List<String> before = visibleRowTexts(robot);
        assertThat(before).isNotEmpty().doesNotContain("<blank>");

        onFx(() -> { window.theme().set(Theme.DARK); return null; });
        robot.sleep(300);
        onFx(() -> { window.theme().set(Theme.LIGHT); return null; });
        robot.sleep(300);
        onFx(() -> { window.theme().set(Theme.DARK); return null; });
        robot.sleep(500);

        assertThat(visibleRowTexts(robot)).isEqualTo(before);
    }
}
