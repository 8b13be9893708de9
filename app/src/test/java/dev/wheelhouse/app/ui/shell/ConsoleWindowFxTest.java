package dev.wheelhouse.app.ui.shell;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.actions.AppAction;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.EnvironmentEditorView;
import dev.wheelhouse.app.ui.environments.EnvironmentListView;
import dev.wheelhouse.app.ui.environments.RemoveEnvironmentView;
import dev.wheelhouse.app.ui.palette.CommandPaletteView;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
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

@ExtendWith(ApplicationExtension.class)
class ConsoleWindowFxTest {
    @TempDir
    static Path sharedDir;

    private final ConsoleHarness harness = new ConsoleHarness();
    private MainWindow window;
    private AppServices services;

    @Start
    void start(Stage stage) throws Exception {
        Path dir = java.nio.file.Files.createTempDirectory(sharedDir, "console");
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        services = TestWorkspaces.services(dir);
        window = harness.open(stage, services);
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    private void waitForWorkspace() {
        until("the workspace is loaded", () -> window.workspace().selected() != null);
    }

    private String detailName(FxRobot robot) {
        return onFx(() -> robot.lookup("#" + EnvironmentDetailView.ID_NAME).queryAs(Label.class).getText());
    }

    private static KeyCodeCombination shortcut(KeyCode key, KeyCombination.Modifier... more) {
        KeyCombination.Modifier[] all = new KeyCombination.Modifier[more.length + 1];
        all[0] = KeyCombination.SHORTCUT_DOWN;
        System.arraycopy(more, 0, all, 1, more.length);
        return new KeyCodeCombination(key, all);
    }

    @Test
    void theWindowOpensWithProductionSelectedAndMarked(FxRobot robot) {
        waitForWorkspace();
        assertThat(onFx(() -> window.stage().getTitle())).isEqualTo("Wheelhouse");
        assertThat(onFx(() -> window.stage().isShowing())).isTrue();

        assertThat(detailName(robot)).isEqualTo("shop-prod");
        Label tier = robot.lookup("#" + EnvironmentDetailView.ID_TIER_BADGE).queryAs(Label.class);
        assertThat(tier.getText()).isEqualTo("PRODUCTION");
        assertThat(tier.getStyleClass()).contains(Css.tierClass(dev.wheelhouse.core.workspace.Tier.PRODUCTION));
        assertThat(robot.lookup("#" + EnvironmentDetailView.ID_PRODUCTION_BAND).tryQuery()).isPresent();
        assertThat(robot.lookup("#" + EnvironmentDetailView.ID_READ_ONLY_BADGE).tryQuery()).isEmpty();

        // The sidebar: production first, with its heading and its badge.
        ListView<?> list = robot.lookup("#" + EnvironmentListView.ID_LIST).queryAs(ListView.class);
        assertThat(onFx(() -> list.getItems().getFirst()))
                .isEqualTo(new EnvironmentListView.TierHeading(dev.wheelhouse.core.workspace.Tier.PRODUCTION, 1));
        Node prodRow = robot.lookup("#env-row-shop-prod").query();
        assertThat(prodRow.getStyleClass()).contains(Css.ENV_ROW, "tier-production");
        assertThat(robot.from(prodRow).lookup(".tier-badge").queryAs(Label.class).getText()).isEqualTo("PROD");

        // Targets and their connection state: the Kubernetes target is watched by the live view
        // (there is no kubeconfig here, so it fails, saying why).
        assertThat(robot.from(robot.lookup("#" + EnvironmentDetailView.ID_KUBE_TARGETS).queryAs(Node.class))
                        .lookup(".namespace-chip").queryAllAs(Label.class))
                .extracting(Label::getText).containsExactly("shop", "shop-jobs");
        assertThat(robot.lookup("#" + dev.wheelhouse.app.ui.cluster.EnvironmentLiveView.ID).tryQuery()).isPresent();
        until("the Kubernetes target's state shows", () -> robot.from(robot.lookup("#" + EnvironmentDetailView.ID_KUBE_TARGETS)
                        .queryAs(Node.class)).lookup(".connection-chip").queryAs(Label.class).getText().equals("failed"));

        until("the status bar shows the workspace and the history",
                () -> robot.lookup("#" + StatusBarView.ID_WORKSPACE).queryAs(Label.class).getText().equals("Workspace: 4 environments")
                        && robot.lookup("#" + StatusBarView.ID_HISTORY).queryAs(Label.class).getText().equals("History: open"));
        assertThat(onFx(() -> robot.lookup("#" + StatusBarView.ID_CONNECTIONS)
                        .queryAs(javafx.scene.control.MenuButton.class).getText()))
                .isEqualTo("0 of 6 targets connected");
    }

    @Test
    void theReadOnlyBadgeShowsAndDangerousActionsAreOff(FxRobot robot) {
        waitForWorkspace();
        robot.clickOn("#env-row-lab");
        until("lab is selected", () -> "lab".equals(detailName(robot)));

        Label badge = robot.lookup("#" + EnvironmentDetailView.ID_READ_ONLY_BADGE).queryAs(Label.class);
        assertThat(badge.getText()).isEqualTo("READ-ONLY");
        assertThat(robot.from(robot.lookup("#env-row-lab").queryAs(Node.class)).lookup("." + Css.READ_ONLY_BADGE).tryQuery())
                .isPresent();
        assertThat(robot.lookup("#detail-remove").queryAs(Button.class).isDisabled()).isTrue();
        assertThat(robot.lookup("#" + EnvironmentDetailView.ID_TIER_BADGE).queryAs(Label.class).getText())
                .isEqualTo("DEVELOPMENT");
        assertThat(robot.lookup("#" + EnvironmentDetailView.ID_PRODUCTION_BAND).tryQuery()).isEmpty();
    }

    @Test
    void shortcutsMoveBetweenEnvironments(FxRobot robot) {
        waitForWorkspace();
        robot.clickOn("#env-row-shop-prod");
        robot.push(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        until("the next environment is selected", () -> "shop-staging".equals(detailName(robot)));
        robot.push(new KeyCodeCombination(KeyCode.DOWN, KeyCombination.ALT_DOWN));
        robot.push(new KeyCodeCombination(KeyCode.UP, KeyCombination.ALT_DOWN));
        until("back on staging", () -> "shop-staging".equals(detailName(robot)));

        // Arrow keys in the list step over the tier headings.
        robot.clickOn("#env-row-shop-prod");
        robot.type(KeyCode.UP);
        robot.type(KeyCode.DOWN);
        until("the heading was skipped", () -> "shop-staging".equals(detailName(robot)));
        robot.type(KeyCode.DOWN);
        until("on to development", () -> "lab".equals(detailName(robot)));
        robot.type(KeyCode.UP);
        until("back over the heading", () -> "shop-staging".equals(detailName(robot)));
        ListView<?> list = robot.lookup("#" + EnvironmentListView.ID_LIST).queryAs(ListView.class);
        assertThat(onFx(() -> list.getSelectionModel().getSelectedItem()))
                .isInstanceOf(EnvironmentListView.Entry.class);
    }

    private static void typeIntoPalette(FxRobot robot) {
        robot.targetWindow(robot.lookup("#" + CommandPaletteView.ID_FILTER).query().getScene().getWindow());
    }

    @Test
    void thePaletteListsEveryActionAndRunsTheChosenOne(FxRobot robot) {
        waitForWorkspace();
        robot.push(shortcut(KeyCode.K));
        until("the palette is open", () -> robot.lookup("#" + CommandPaletteView.ID_FILTER).tryQuery().isPresent()
                && robot.lookup("#" + CommandPaletteView.ID_FILTER).query().isVisible());

        @SuppressWarnings("unchecked")
        ListView<AppAction> list = robot.lookup("#" + CommandPaletteView.ID_LIST).queryAs(ListView.class);
        assertThat(onFx(() -> list.getItems())).containsExactlyElementsOf(window.actions().all());
        // Each action shows its shortcut as key caps.
        assertThat(robot.from(list).lookup("." + Css.KBD).queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Ctrl+K", "Ctrl+N", "Ctrl+R", "F5");

        // Keys go to the focused window; TestFX types into its "target window", so point it there.
        typeIntoPalette(robot);
        robot.write("next env");
        until("the list is narrowed", () -> list.getItems().size() == 1);
        robot.type(KeyCode.ENTER);

        until("the next environment is selected", () -> "shop-staging".equals(detailName(robot)));
        until("the palette is closed", () -> robot.lookup("#" + CommandPaletteView.ID_FILTER).tryQuery()
                .map(n -> !n.getScene().getWindow().isShowing()).orElse(true));

        // Esc closes it without running anything.
        robot.push(shortcut(KeyCode.K));
        until("the palette is open again", () -> robot.lookup("#" + CommandPaletteView.ID_FILTER).query().getScene().getWindow().isShowing());
        typeIntoPalette(robot);
        robot.write("theme");
        robot.type(KeyCode.ESCAPE);
        until("the palette is closed again", () -> robot.lookup("#" + CommandPaletteView.ID_FILTER).tryQuery()
                .map(n -> !n.getScene().getWindow().isShowing()).orElse(true));
        assertThat(window.theme().get()).isEqualTo(Theme.LIGHT);
    }

    @Test
    void thePaletteTogglesTheTheme(FxRobot robot) {
        waitForWorkspace();
        String light = onFx(Application::getUserAgentStylesheet);
        robot.push(shortcut(KeyCode.K));
        until("the palette is open", () -> robot.lookup("#" + CommandPaletteView.ID_FILTER).tryQuery().isPresent());
        typeIntoPalette(robot);
        robot.write("dark");
        robot.type(KeyCode.ENTER);
        until("the theme is dark", () -> window.theme().get() == Theme.DARK);
        assertThat(onFx(Application::getUserAgentStylesheet)).isNotEqualTo(light).containsIgnoringCase("dark");
    }

    @Test
    void theEditorRejectsAnEmptyNameThenSavesTheEnvironment(FxRobot robot) {
        waitForWorkspace();
        robot.push(shortcut(KeyCode.N));
        until("the editor is open", () -> robot.lookup("#" + EnvironmentEditorView.ID_NAME).tryQuery().isPresent());

        Label nameError = robot.lookup("#" + EnvironmentEditorView.ID_NAME_ERROR).queryAs(Label.class);
        Button save = robot.lookup("#" + EnvironmentEditorView.ID_SAVE).queryAs(Button.class);
        assertThat(onFx(nameError::isVisible)).isTrue();
        assertThat(onFx(nameError::getText)).isEqualTo(WorkspaceRules.nameProblem("").orElseThrow());
        assertThat(onFx(save::isDisabled)).isTrue();

        robot.clickOn("#" + EnvironmentEditorView.ID_NAME).write("qa");
        until("the name is accepted", () -> !nameError.isVisible() && !save.isDisabled());
        robot.clickOn("#" + EnvironmentEditorView.ID_ADD_KUBE);
        robot.clickOn("#editor-kube-context-0").write("qa");
        robot.clickOn("#editor-kube-namespaces-0").write("a,B");
        until("the bad namespace is flagged", () -> robot.lookup("#editor-kube-namespaces-error-0").query().isVisible()
                && save.isDisabled());
        robot.eraseText(1).write("b");
        until("the namespaces are accepted", () -> !save.isDisabled());
        robot.clickOn(save);

        until("the editor closed and shop-qa is selected", () -> "qa".equals(detailName(robot))
                && robot.lookup("#" + EnvironmentEditorView.ID_NAME).tryQuery().map(n -> !n.getScene().getWindow().isShowing()).orElse(true));
        var saved = ((WorkspaceLoad.Loaded) services.workspace().load()).workspace().environment("qa").orElseThrow();
        assertThat(saved.kubeTargets().getFirst().namespaces()).containsExactly("a", "b");
    }

    @Test
    void editingAnEnvironmentStartsFromItsValues(FxRobot robot) {
        waitForWorkspace();
        robot.push(shortcut(KeyCode.E));
        until("the editor is open", () -> robot.lookup("#" + EnvironmentEditorView.ID_NAME).tryQuery().isPresent());
        assertThat(onFx(() -> robot.lookup("#" + EnvironmentEditorView.ID_NAME).queryAs(TextField.class).getText()))
                .isEqualTo("shop-prod");
        assertThat(onFx(() -> robot.lookup("#editor-host-port-1").queryAs(TextField.class).getText())).isEqualTo("2222");
        robot.clickOn("#" + EnvironmentEditorView.ID_CANCEL);
        until("the editor is closed", () -> robot.lookup("#" + EnvironmentEditorView.ID_NAME).tryQuery()
                .map(n -> !n.getScene().getWindow().isShowing()).orElse(true));
    }

    @Test
    void removingProductionAsksForItsName(FxRobot robot) throws Exception {
        waitForWorkspace();
        robot.clickOn("#env-row-shop-prod");
        robot.push(shortcut(KeyCode.DELETE));
        until("the confirmation is open", () -> robot.lookup("#" + RemoveEnvironmentView.ID_CONFIRM_NAME).tryQuery().isPresent());
        Button remove = robot.lookup("#" + RemoveEnvironmentView.ID_REMOVE).queryAs(Button.class);
        assertThat(onFx(remove::isDisabled)).isTrue();

        robot.clickOn("#" + RemoveEnvironmentView.ID_CONFIRM_NAME).write("shop-pro");
        assertThat(onFx(remove::isDisabled)).isTrue();
        robot.write("d");
        until("the name is confirmed", () -> !remove.isDisabled());
        robot.clickOn(remove);

        until("shop-prod is gone", () -> window.workspace().environments().stream().map(Environment::name)
                .noneMatch("shop-prod"::equals));
        assertThat(((WorkspaceLoad.Loaded) services.workspace().load()).workspace().environment("shop-prod")).isEmpty();
    }
}
