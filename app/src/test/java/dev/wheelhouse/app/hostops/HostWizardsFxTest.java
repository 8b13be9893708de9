package dev.wheelhouse.app.hostops;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.app.ui.hostops.HostDeployWizardModel;
import dev.wheelhouse.app.ui.hostops.HostOpsContext;
import dev.wheelhouse.app.ui.hostops.HostRollbackWizardModel;
import dev.wheelhouse.app.ui.hostops.HostWizard;
import dev.wheelhouse.app.ui.ops.ConfirmStepView;
import dev.wheelhouse.app.ui.ops.WizardWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The host deploy and rollback wizards driven in a real window against two real sshd hosts:
 * a bad version is refused on the first page, a production deploy waits for the typed name,
 * runs and journals, and a rollback shows each host's releases and goes back.
 */
@ExtendWith(ApplicationExtension.class)
class HostWizardsFxTest {
    static LoopbackHosts hosts;

    @TempDir
    Path dir;
    Path appRoot;
    FxUiExecutor executor;

    @BeforeAll
    static void startHosts(@TempDir Path shared) throws Exception {
        hosts = new LoopbackHosts(shared, 2);
    }

    @AfterAll
    static void stopHosts() throws Exception {
        hosts.close();
    }

    @Start
    void start(Stage stage) {
        executor = new FxUiExecutor();
    }

    @BeforeEach
    void roots() {
        appRoot = dir.resolve("srv/shop");
    }

    @AfterEach
    void closeWindows(FxRobot robot) {
        onFx(() -> {
            robot.listWindows().stream().filter(w -> w instanceof Stage).map(w -> (Stage) w).toList().forEach(Stage::close);
            return null;
        });
    }

    Application app() {
        return new Application("shop", null, new Application.HostService(appRoot.toString(), "true", "test -f healthy",
                List.of("logs"), 5, new Application.Batches(1, 50, 0), new Application.HealthCheck(2, 5, 0)));
    }

    HostOpsContext context(Tier tier) {
        Environment env = new Environment(tier == Tier.PRODUCTION ? "shop-prod" : "shop-staging", tier, null, false, List.of(), hosts.refs);
        return new HostOpsContext(env, app(), hosts.perHostRoots(), () -> H2HistoryStore.open(dir.resolve("data")), "ops@laptop", executor);
    }

    Path artifact(String version) throws IOException {
        Path a = dir.resolve("build-" + version);
        Files.createDirectories(a);
        Files.writeString(a.resolve("healthy"), version);
        Files.writeString(a.resolve("VERSION"), version);
        return a;
    }

    static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    static boolean disabled(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Button.class).isDisabled());
    }

    static void waitFor(String what, java.util.concurrent.Callable<Boolean> condition) {
        await(what).atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(100)).until(() -> onFx(condition));
    }

    @Test
    void theDeployWizardRefusesABadVersionThenDeploysToProductionOnceTheNameIsTyped(FxRobot robot) throws Exception {
        HostDeployWizardModel model = new HostDeployWizardModel(context(Tier.PRODUCTION));
        onFx(() -> {
            HostWizard.deploy(null, model).showWindow();
            return null;
        });
        Path build = artifact("2.0.0");
        robot.clickOn("#" + HostWizard.ID_ARTIFACT).write(build.toString());
        robot.clickOn("#" + HostWizard.ID_VERSION).write("1.0;rm -rf /");
        robot.clickOn("#" + WizardWindow.ID_NEXT);
        waitFor("the version is refused", () -> text(robot, HostWizard.ID_PROBLEM).startsWith("Version '1.0;rm -rf /' may use only"));
        assertThat(appRoot).doesNotExist();

        onFx(() -> {
            model.versionProperty().set("2.0.0");
            return null;
        });
        robot.clickOn("#" + WizardWindow.ID_NEXT);
        waitFor("the hosts are read", () -> robot.lookup("#host-row-web-2").tryQuery().isPresent() && !model.busyProperty().get());
        assertThat(model.hosts()).extracting(r -> r.alias() + " batch " + r.batch() + " -> " + r.target())
                .containsExactly("web-1 batch 1 -> " + model.hosts().getFirst().target(), "web-2 batch 2 -> " + model.hosts().getFirst().target());
        assertThat(model.hosts().getFirst().target()).endsWith("-2.0.0");
        robot.clickOn("#" + WizardWindow.ID_NEXT);
        waitFor("the confirmation shows", () -> robot.lookup("#" + ConfirmStepView.ID_TYPED_NAME).tryQuery().isPresent());
        assertThat(disabled(robot, WizardWindow.ID_NEXT)).as("Deploy before the name is typed").isTrue();
        onFx(() -> {
            model.confirm().reasonProperty().set("release train 48");
            robot.lookup("#" + ConfirmStepView.ID_TYPED_NAME).queryAs(TextField.class).requestFocus();
            return null;
        });
        waitFor("the name field has the focus", () -> robot.lookup("#" + ConfirmStepView.ID_TYPED_NAME).queryAs(TextField.class).isFocused());
        robot.write("shop-pro");
        waitFor("the name is typed", () -> "shop-pro".equals(robot.lookup("#" + ConfirmStepView.ID_TYPED_NAME).queryAs(TextField.class).getText()));
        assertThat(disabled(robot, WizardWindow.ID_NEXT)).as("Deploy with a name that is not the environment's").isTrue();
        robot.write("d");
        waitFor("Deploy is enabled", () -> !disabled(robot, WizardWindow.ID_NEXT));
        robot.clickOn("#" + WizardWindow.ID_NEXT);

        waitFor("the deploy ends", () -> model.progress().outcomeProperty().get() != null);
        assertThat(model.progress().outcomeProperty().get()).as(model.progress().summaryProperty().get()).isEqualTo(Outcome.SUCCEEDED);
        String release = model.hosts().getFirst().target();
        assertThat(LoopbackHosts.current(appRoot, "web-1")).isEqualTo(release);
        assertThat(LoopbackHosts.current(appRoot, "web-2")).isEqualTo(release);
        try (H2HistoryStore history = H2HistoryStore.open(dir.resolve("data"))) {
            OperationRecord op = history.list(new HistoryQuery(null, null, 5)).getFirst();
            assertThat(op.kind()).isEqualTo(OperationKind.DEPLOY);
            assertThat(op.environment()).isEqualTo("shop-prod");
            assertThat(op.toVersion()).isEqualTo("2.0.0");
            assertThat(op.reason()).isEqualTo("release train 48");
            assertThat(op.operator()).isEqualTo("ops@laptop");
        }
        waitFor("Close is enabled", () -> !disabled(robot, WizardWindow.ID_NEXT));
    }

    @Test
    void theRollbackWizardShowsEachHostsReleasesAndGoesBackToTheChosenOne(FxRobot robot) throws Exception {
        try (H2HistoryStore history = H2HistoryStore.open(dir.resolve("data"))) {
            OperationEngine engine = new OperationEngine(history, "setup@test");
            for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
                var op = new HostDeployPlanner(hosts.perHostRoots(), engine.operator()).plan(new HostDeployRequest("shop-staging", app(),
                        hosts.refs, artifact(v), v, "r-" + v, null, false));
                assertThat(op.run(engine, null, null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
            }
        }
        HostRollbackWizardModel model = new HostRollbackWizardModel(context(Tier.STAGING));
        onFx(() -> {
            HostWizard.rollback(null, model).showWindow();
            return null;
        });
        waitFor("the releases show", () -> robot.lookup("#host-releases-web-1").tryQuery().isPresent() && !model.busyProperty().get());
        assertThat(text(robot, "host-releases-web-1")).isEqualTo(
                "r-1.2.0 (1.2.0)  ← current\nr-1.1.0 (1.1.0)\nr-1.0.0 (1.0.0)");
        assertThat(model.hosts().getFirst().target()).isEqualTo("r-1.1.0");

        onFx(() -> {
            model.targetProperty().set("r-1.0.0");
            return null;
        });
        waitFor("the target is read again", () -> "r-1.0.0".equals(model.hosts().getFirst().target()) && !model.busyProperty().get());
        robot.clickOn("#" + WizardWindow.ID_NEXT);
        waitFor("the confirmation shows", () -> text(robot, ConfirmStepView.ID_SUMMARY).startsWith("Roll back shop on 2 hosts in shop-staging to r-1.0.0"));
        robot.clickOn("#" + WizardWindow.ID_NEXT);
        waitFor("the rollback ends", () -> model.progress().outcomeProperty().get() != null);
        assertThat(model.progress().outcomeProperty().get()).as(model.progress().summaryProperty().get()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(LoopbackHosts.current(appRoot, "web-1")).isEqualTo("r-1.0.0");
        assertThat(LoopbackHosts.current(appRoot, "web-2")).isEqualTo("r-1.0.0");
        waitFor("the final releases show the abandoned one bad", () -> text(robot, "host-releases-web-2").contains("r-1.2.0 (1.2.0)  ✗ bad"));
        assertThat(text(robot, "host-releases-web-2")).contains("r-1.0.0 (1.0.0)  ← current");
    }
}
