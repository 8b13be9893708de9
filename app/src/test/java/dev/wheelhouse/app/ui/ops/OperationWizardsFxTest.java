package dev.wheelhouse.app.ui.ops;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.InProcessSandbox;
import dev.wheelhouse.app.ui.cluster.ClusterActions;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveView;
import dev.wheelhouse.app.ui.cluster.VersionMatrixView;
import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.ops.LockKey;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.kube.Fabric8Leases;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.kube.KubeClients;
import dev.wheelhouse.kube.KubeOptions;
import dev.wheelhouse.ops.kube.KubePorts;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.LocalEnvironmentDiscovery;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The wizards in the real window against the practice sandbox (served on loopback, its
 * environments in the workspace file), each run checked in the H2 history file through the
 * HistoryStore port. Each test takes its own application and environment, so their order does
 * not matter.
 */
@ExtendWith(ApplicationExtension.class)
class OperationWizardsFxTest {
    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static Path kubeconfig;
    static AppServices services;
    static MainWindow window;
    /** Workloads ("namespace/name") whose every write the test changes first, for a real 409. */
    static final Set<String> conflicting = java.util.concurrent.ConcurrentHashMap.newKeySet();
    static final AtomicInteger conflictsMade = new AtomicInteger();
    static final String RBAC_CONTEXT = "rbac-check";

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(8).withMetricsIntervalMillis(5000));
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        // A second context to the same cluster: its access reviews are asked afresh (answers are
        // cached per context), so the RBAC test does not meet another test's cached "allowed".
        java.nio.file.Files.writeString(kubeconfig, java.nio.file.Files.readString(kubeconfig).replace("contexts:\n",
                "contexts:\n- name: " + RBAC_CONTEXT + "\n  context:\n    cluster: " + Sandbox.CONTEXT + "\n    user: "
                        + Sandbox.CONTEXT + "\n"));
        Workspace seed = sandbox.seed().workspace();
        List<Environment> envs = new ArrayList<>(seed.environments());
        Environment staging = seed.environment("sandbox-staging").orElseThrow();
        envs.add(new Environment("staging-readonly", staging.tier(), null, true, staging.kubeTargets(), List.of()));
        envs.add(new Environment("rbac-dev", dev.wheelhouse.core.workspace.Tier.DEVELOPMENT, null, false,
                List.of(new dev.wheelhouse.core.workspace.KubeTarget(RBAC_CONTEXT, List.of("shop-dev"))), List.of()));
        Path data = dir.resolve("data");
        new YamlWorkspaceStore(data.resolve("workspace.yaml")).save(new Workspace(envs, seed.applications()));
        Path ssh = dir.resolve("ssh_config");
        services = new AppServices(data, kubeconfig, ssh, new YamlWorkspaceStore(data.resolve("workspace.yaml")),
                new LocalEnvironmentDiscovery(kubeconfig, ssh), () -> H2HistoryStore.open(data),
                AppServices.once(() -> new Fabric8ClusterGateway(kubeconfig)),
                AppServices.once(() -> new SshjHostGateway(SshSettings.of(ssh, data.resolve("known_hosts")))),
                new InProcessSandbox(data), OperationWizardsFxTest::ports);
    }

    /** Fabric8 ports, with a hook that changes the object between a write's read and its patch when asked. */
    static KubePorts ports(Path file) {
        KubeClients clients = new KubeClients(file, KubeOptions.DEFAULTS);
        Fabric8Rollouts rollouts = new Fabric8Rollouts(clients);
        rollouts.beforeEachWrite(ref -> {
            if (conflicting.contains(ref.namespace() + "/" + ref.name())) {
                conflictsMade.incrementAndGet();
                sandbox.client().apps().deployments().inNamespace(ref.namespace()).withName(ref.name())
                        .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"metadata\":{\"annotations\":{\"touched-by\":\"someone-else-"
                                + conflictsMade.get() + "\"}}}");
            }
        });
        return new KubePorts(rollouts, new Fabric8Leases(clients), clients::close);
    }

    @Start
    void show(Stage stage) {
        if (window == null) {
            window = new MainWindow(services, new FxUiExecutor(), stage::close);
            window.show(stage);
        }
    }

    @AfterEach
    void closeWizards(FxRobot robot) {
        // Nothing stays pressed for the next test (or the next class) to inherit.
        robot.release(new KeyCode[0]);
        robot.release(new MouseButton[0]);
        onFx(() -> {
            for (Window w : List.copyOf(Window.getWindows())) {
                if (w instanceof Stage s && s != window.stage()) {
                    s.close();
                }
            }
            return null;
        });
    }

    @AfterAll
    static void stop() throws Exception {
        // TestFX keeps the window it last aimed at across test classes: forget ours, which close now.
        new FxRobot().targetWindow((Window) null);
        FxToolkit.cleanupStages();
        if (window != null) {
            window.shutdown();
            window = null;
        }
        sandbox.close();
    }

    // ---- helpers ---------------------------------------------------------------------------

    static void ready() {
        until("the workspace is read", () -> window.workspace().phase() == Phase.LOADED);
        until("the history is open", () -> window.history().store().isPresent());
    }

    static String ns(String env) {
        return sandbox.seed().namespace(env).orElseThrow();
    }

    static RowKey deployment(String env, String name) {
        return new RowKey(Sandbox.CONTEXT, "Deployment", ns(env), name);
    }

    static Environment env(String name) {
        return onFx(() -> window.workspace().environments().stream().filter(e -> e.name().equals(name)).findFirst().orElseThrow());
    }

    static Application app(String name) {
        return sandbox.seed().applications().stream().filter(a -> a.name().equals(name)).findFirst().orElseThrow();
    }

    static String image(String env, String deployment) {
        return sandbox.client().apps().deployments().inNamespace(ns(env)).withName(deployment).get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    static List<Revision> revisions(String env, String deployment) {
        try (Fabric8Rollouts r = new Fabric8Rollouts(kubeconfig)) {
            return r.revisions(WorkloadRef.deployment(Sandbox.CONTEXT, ns(env), deployment));
        }
    }

    /** The wizard's window, once open. */
    static Stage wizard(String titleStart) {
        until("the wizard '" + titleStart + "' opens", () -> Window.getWindows().stream()
                .anyMatch(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(titleStart) && s.isShowing()));
        return onFx(() -> Window.getWindows().stream()
                .filter(w -> w instanceof Stage s && s.getTitle() != null && s.getTitle().startsWith(titleStart))
                .map(w -> (Stage) w).findFirst().orElseThrow());
    }

    static <T extends Node> T node(Stage stage, String id) {
        @SuppressWarnings("unchecked")
        T n = (T) onFx(() -> stage.getScene().getRoot().lookup("#" + id));
        return n;
    }

    static boolean present(Stage stage, String id) {
        return onFx(() -> {
            Node n = stage.getScene().getRoot().lookup("#" + id);
            return n != null && n.isVisible() && n.getScene() != null;
        });
    }

    static String text(Stage stage, String id) {
        return onFx(() -> {
            Node n = stage.getScene().getRoot().lookup("#" + id);
            return n instanceof Labeled l ? l.getText() : n == null ? "" : n.toString();
        });
    }

    static boolean enabled(Stage stage, String id) {
        return onFx(() -> {
            Node n = stage.getScene().getRoot().lookup("#" + id);
            return n != null && !n.isDisabled() && n.isVisible();
        });
    }

    static void click(FxRobot robot, Stage stage, String id) {
        until("#" + id + " can be pressed", () -> enabled(stage, id));
        robot.clickOn((Node) node(stage, id));
    }

    static int page(Stage stage) {
        return onFx(() -> crumbIndex(stage));
    }

    private static int crumbIndex(Stage stage) {
        var crumbs = (javafx.scene.layout.HBox) stage.getScene().getRoot().lookup("#" + WizardWindow.ID_CRUMBS);
        int i = 0;
        for (Node n : crumbs.getChildren()) {
            if (n.getStyleClass().contains("wizard-crumb")) {
                if (n.getStyleClass().contains("current")) {
                    return i;
                }
                i++;
            }
        }
        return -1;
    }

    /** Waits; on time-out says where the wizard stands (page, blocker, error, focus). */
    static void waitOn(Stage wizard, String what, java.util.concurrent.Callable<Boolean> condition) {
        try {
            dev.wheelhouse.app.ui.FxWait.until(what, condition);
        } catch (AssertionError e) {
            throw new AssertionError(e.getMessage() + ": page " + page(wizard) + ", blocked '" + text(wizard, KubePages.ID_BLOCKED)
                    + "', errors " + onFx(() -> wizard.getScene().getRoot().lookupAll("#" + KubePages.ID_ERROR).stream()
                            .map(n -> ((atlantafx.base.controls.Message) n).getDescription()).toList())
                    + ", focus " + onFx(() -> wizard.getScene().getFocusOwner())
                    + ", windows " + onFx(() -> Window.getWindows().stream().filter(Window::isShowing)
                            .map(w -> (w instanceof Stage st ? st.getTitle() : w.getClass().getSimpleName())
                                    + " at " + (int) w.getX() + "," + (int) w.getY() + (w.isFocused() ? " (focused)" : ""))
                            .toList()), e);
        }
    }

    static String summary(Stage stage) {
        return text(stage, StepProgressView.ID_SUMMARY);
    }

    /** The run ended: its summary names the operation. */
    static void finished(Stage stage) {
        until("the operation ends", () -> {
            String s = summary(stage);
            return s.contains("(operation ") && !s.startsWith("Running");
        });
    }

    static <T> T withHistory(java.util.function.Function<HistoryStore, T> read) {
        // A second connection to the same H2 file (auto-server mode), as another process would read it.
        try (HistoryStore history = H2HistoryStore.open(dir.resolve("data"))) {
            return read.apply(history);
        }
    }

    static List<OperationRecord> operations(String env, String app) {
        return withHistory(h -> h.list(new HistoryQuery(env, app, 50)));
    }

    static List<String> steps(OperationRecord op) {
        return op.steps().stream().map(s -> s.name() + "=" + s.status().name().toLowerCase()).toList();
    }

    static String output(OperationRecord op, String step) {
        return op.steps().stream().filter(s -> s.name().equals(step)).map(StepRecord::output).findFirst().orElse("");
    }

    // ---- tests -----------------------------------------------------------------------------

    @Test
    void rollbackFromTheVersionMatrixWithTheKeyboardIsJournaledStepByStep(FxRobot robot) {
        ready();
        List<Revision> before = revisions("sandbox-staging", "storefront");
        Revision current = before.stream().filter(Revision::current).findFirst().orElseThrow();
        Revision previous = before.stream().filter(r -> r.number() < current.number()).reduce((a, b) -> b).orElseThrow();

        onFx(() -> window.actions().run(ClusterActions.VERSION_MATRIX));
        Stage matrix = wizard(VersionMatrixView.TITLE);
        String cell = "#matrix-storefront-sandbox-staging";
        until("the matrix cell shows", () -> onFx(() -> matrix.getScene().getRoot().lookup(cell) != null));
        Button button = onFx(() -> (Button) matrix.getScene().getRoot().lookup(cell));
        robot.clickOn(button, MouseButton.SECONDARY);
        javafx.scene.control.ContextMenu menu = onFx(() -> (javafx.scene.control.ContextMenu) button.getProperties().get(VersionMatrixView.MENU));
        until("its menu shows", menu::isShowing);
        robot.clickOn("Roll back…");

        Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "storefront — sandbox-staging");
        assertThat(onFx(() -> wizard.getScene().getRoot().getStyleClass().contains(WizardWindow.PRODUCTION))).isFalse();
        ListView<?> list = node(wizard, RollbackWizardView.ID_REVISIONS);
        until("the revisions are listed, the suggested one selected", () -> !list.getItems().isEmpty()
                && list.getSelectionModel().getSelectedItem() != null);
        assertThat(onFx(() -> ((dev.wheelhouse.ops.kube.RevisionRow) list.getSelectionModel().getSelectedItem()).number()))
                .isEqualTo(previous.number());
        until("the diff shows the image going back", () -> onFx(() -> ((javafx.scene.layout.VBox) node(wizard, KubePages.ID_DIFF))
                .getChildren().stream().anyMatch(n -> n instanceof Labeled l && l.getText().contains("/image:")
                        && l.getText().contains(current.images().getFirst().substring(current.images().getFirst().indexOf('=') + 1)))));

        // The incident path: Enter, Enter, a reason, Enter.
        until("Next is enabled", () -> enabled(wizard, WizardWindow.ID_NEXT));
        until("the wizard has the keyboard", () -> wizard.isFocused() && list.isFocused());
        robot.type(KeyCode.ENTER);
        waitOn(wizard, "the preflight passes", () -> page(wizard) == 1 && enabled(wizard, WizardWindow.ID_NEXT));
        robot.type(KeyCode.ENTER);
        waitOn(wizard, "the confirm page shows the plan", () -> page(wizard) == 2 && text(wizard, ConfirmStepView.ID_SUMMARY)
                .startsWith("Roll back deployment/storefront in sandbox-staging"));
        until("the reason field has the keyboard", () -> node(wizard, ConfirmStepView.ID_REASON).isFocused());
        // Typed key by key into whatever has the keyboard (TestFX's write() would aim at the
        // window clicked last, the matrix).
        robot.type(KeyCode.I, KeyCode.N, KeyCode.C, KeyCode.I, KeyCode.D, KeyCode.E, KeyCode.N, KeyCode.T, KeyCode.SPACE,
                KeyCode.DIGIT9);
        until("the reason is typed", () -> onFx(() -> ((javafx.scene.control.TextField) node(wizard, ConfirmStepView.ID_REASON)).getText())
                .equals("incident 9"));
        robot.type(KeyCode.ENTER);
        until("the run page shows", () -> page(wizard) == 3);
        finished(wizard);
        assertThat(summary(wizard)).startsWith("Rolled back deployment/storefront in sandbox-staging");
        assertThat(text(wizard, WizardWindow.ID_CANCEL).replace("_", "")).isEqualTo("Close");

        assertThat("storefront=" + image("sandbox-staging", "storefront")).isEqualTo(previous.images().getFirst());
        List<OperationRecord> ops = operations("sandbox-staging", "storefront");
        assertThat(ops).hasSize(1);
        OperationRecord op = ops.getFirst();
        assertThat(op.kind()).isEqualTo(OperationKind.ROLLBACK);
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(op.reason()).isEqualTo("incident 9");
        assertThat(summary(wizard)).contains("(operation " + op.id() + ")");
        assertThat(steps(op)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=succeeded",
                "verify=succeeded", "record=succeeded");
        assertThat(revisions("sandbox-staging", "storefront").stream().filter(Revision::current).findFirst().orElseThrow()
                .changeCause()).endsWith(": incident 9");
        onFx(() -> {
            matrix.close();
            return null;
        });
    }

    @Test
    void aBrokenImageDeployFailsAndIsRolledBackAsALinkedOperation(FxRobot robot) {
        ready();
        String before = image("sandbox-dev", "catalog");
        onFx(() -> {
            window.wizards().open(Operation.DEPLOY, env("sandbox-dev"), app("catalog"));
            return null;
        });
        Stage wizard = wizard(DeployWizardView.TITLE_PREFIX + "catalog — sandbox-dev");
        robot.clickOn((Node) node(wizard, DeployWizardView.ID_IMAGE)).write("Shop/Catalog:9.9");
        until("a bad image is refused as it is typed", () -> text(wizard, DeployWizardView.ID_IMAGE_PROBLEM).contains("lower-case"));
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();
        String broken = before.substring(0, before.lastIndexOf(':')) + ":9.9.9-broken";
        onFx(() -> {
            ((javafx.scene.control.TextField) node(wizard, DeployWizardView.ID_IMAGE)).setText(broken);
            return null;
        });
        click(robot, wizard, WizardWindow.ID_NEXT);
        waitOn(wizard, "the preflight passes with the diff", () -> page(wizard) == 1 && enabled(wizard, WizardWindow.ID_NEXT));
        click(robot, wizard, WizardWindow.ID_NEXT);
        until("the confirm page", () -> page(wizard) == 2);
        robot.clickOn((Node) node(wizard, DeployWizardView.ID_ROLLBACK_ON_FAILURE));
        click(robot, wizard, WizardWindow.ID_NEXT);
        finished(wizard);
        until("the linked rollback shows", () -> present(wizard, KubePages.ID_LINKED_ROLLBACK));
        until("the linked rollback ends", () -> onFx(() -> ((Labeled) ((javafx.scene.layout.VBox) node(wizard,
                KubePages.ID_LINKED_ROLLBACK)).lookup("#" + StepProgressView.ID_SUMMARY)).getText().contains("(operation ")));

        assertThat(image("sandbox-dev", "catalog")).isEqualTo(before);
        List<OperationRecord> ops = operations("sandbox-dev", "catalog");
        assertThat(ops).hasSize(2);
        OperationRecord rollback = ops.get(0);
        OperationRecord deploy = ops.get(1);
        assertThat(deploy.kind()).isEqualTo(OperationKind.DEPLOY);
        assertThat(deploy.outcome()).isIn(Outcome.FAILED, Outcome.ROLLED_BACK);
        assertThat(deploy.toVersion()).isEqualTo("9.9.9-broken");
        assertThat(steps(deploy)).contains("execute=succeeded").anyMatch(s -> s.equals("watch=failed") || s.equals("verify=failed"));
        assertThat(rollback.kind()).isEqualTo(OperationKind.ROLLBACK);
        assertThat(rollback.outcome()).as(rollback.steps().toString()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(rollback.reason()).contains("operation " + deploy.id());
        assertThat(summary(wizard)).contains("rolled back (operation " + rollback.id() + ")");
    }

    @Test
    void theWorkloadPanesRollBackButtonInTheMainWindowOpensTheWizard(FxRobot robot) {
        ready();
        // TestFX may have hidden the main window after an earlier test: show it as a user sees it.
        onFx(() -> {
            window.stage().show();
            window.workspace().select("sandbox-staging");
            return null;
        });
        until("the live view of sandbox-staging shows", () -> window.stage().getScene().getRoot()
                .lookupAll("*").stream().anyMatch(n -> n instanceof EnvironmentLiveView));
        EnvironmentLiveView live = onFx(() -> (EnvironmentLiveView) window.stage().getScene().getRoot().lookupAll("*").stream()
                .filter(n -> n instanceof EnvironmentLiveView).findFirst().orElseThrow());
        onFx(() -> {
            live.showWorkload("Deployment", "storefront");
            return null;
        });
        until("storefront's pane is open", () -> live.detail() != null);
        click(robot, window.stage(), "workload-action-rollback");
        Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "storefront — sandbox-staging");
        assertThat(onFx(wizard::isShowing)).isTrue();
        assertThat(operations("sandbox-staging", "storefront")).as("nothing journaled while it is only looked at").isEmpty();
    }

    @Test
    void aPausedDeploymentIsResumedFromThePreflightThenRolledBack(FxRobot robot) {
        ready();
        sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("checkout")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        onFx(() -> {
            window.operations().open(Operation.ROLLBACK, "sandbox-dev", deployment("sandbox-dev", "checkout"));
            return null;
        });
        Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "checkout — sandbox-dev");
        click(robot, wizard, WizardWindow.ID_NEXT);
        waitOn(wizard, "the preflight finds it paused", () -> page(wizard) == 1 && present(wizard, "finding-paused"));
        assertThat(text(wizard, KubePages.ID_BLOCKED)).startsWith("Cannot continue: deployment/checkout is paused");
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();
        assertThat(operations("sandbox-dev", "checkout")).as("nothing journaled while it is only looked at").isEmpty();

        click(robot, wizard, KubePages.ID_RESUME);
        until("resumed and checked again", () -> !present(wizard, "finding-paused") && enabled(wizard, WizardWindow.ID_NEXT));
        assertThat(sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("checkout").get()
                .getSpec().getPaused()).isNotEqualTo(Boolean.TRUE);
        click(robot, wizard, WizardWindow.ID_NEXT);
        click(robot, wizard, WizardWindow.ID_NEXT);
        finished(wizard);
        OperationRecord op = operations("sandbox-dev", "checkout").getFirst();
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(output(op, "preflight")).startsWith("not paused");
    }

    @Test
    void aLockHeldBySomeoneElseSaysWhoAndSinceWhenAndBreakingItIsConfirmedAndJournaled(FxRobot robot) {
        ready();
        try (Fabric8Leases leases = new Fabric8Leases(kubeconfig)) {
            leases.acquire(LockKey.forApplication(WorkloadRef.deployment(Sandbox.CONTEXT, ns("sandbox-staging"), "catalog"), "catalog"),
                    "alice@elsewhere", "deploy catalog (operation 77)", Duration.ofMinutes(10), false);
        }
        onFx(() -> {
            window.operations().open(Operation.ROLLBACK, "sandbox-staging", deployment("sandbox-staging", "catalog"));
            return null;
        });
        Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "catalog — sandbox-staging");
        click(robot, wizard, WizardWindow.ID_NEXT);
        waitOn(wizard, "the preflight finds the lock held", () -> page(wizard) == 1 && present(wizard, "finding-lock-held"));
        assertThat(text(wizard, KubePages.ID_BLOCKED)).contains("alice@elsewhere since ").contains("deploy catalog (operation 77)");
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();

        click(robot, wizard, KubePages.ID_BREAK_LOCK);
        until("breaking asks first", () -> robot.lookup("#" + KubePages.ID_BREAK_LOCK_CONFIRM).tryQuery().isPresent());
        robot.clickOn("Cancel");
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).as("cancelled: still blocked").isFalse();
        click(robot, wizard, KubePages.ID_BREAK_LOCK);
        until("breaking asks again", () -> robot.lookup("#" + KubePages.ID_BREAK_LOCK_CONFIRM).tryQuery().isPresent());
        robot.clickOn("Break the lock");
        until("Next is enabled", () -> enabled(wizard, WizardWindow.ID_NEXT));
        click(robot, wizard, WizardWindow.ID_NEXT);
        click(robot, wizard, WizardWindow.ID_NEXT);
        finished(wizard);
        OperationRecord op = operations("sandbox-staging", "catalog").getFirst();
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(output(op, "lock")).contains("BROKE the lock held by alice@elsewhere");
    }

    @Test
    void productionWantsItsNameTypedBeforeTheButtonWorks(FxRobot robot) {
        ready();
        onFx(() -> {
            window.operations().open(Operation.ROLLBACK, "sandbox-prod", deployment("sandbox-prod", "storefront"));
            return null;
        });
        Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "storefront — sandbox-prod");
        assertThat(onFx(() -> wizard.getScene().getRoot().getStyleClass().contains(WizardWindow.PRODUCTION))).isTrue();
        assertThat(present(wizard, WizardWindow.ID_PRODUCTION_BAND)).isTrue();
        click(robot, wizard, WizardWindow.ID_NEXT);
        waitOn(wizard, "the preflight passes", () -> page(wizard) == 1 && enabled(wizard, WizardWindow.ID_NEXT));
        click(robot, wizard, WizardWindow.ID_NEXT);
        until("the confirm page", () -> page(wizard) == 2);
        assertThat(text(wizard, WizardWindow.ID_NEXT).replace("_", "")).isEqualTo("Roll back");
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();
        until("the name field has the keyboard", () -> node(wizard, ConfirmStepView.ID_TYPED_NAME).isFocused());
        robot.write("sandbox-pro");
        robot.type(KeyCode.ENTER);
        assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();
        assertThat(page(wizard)).as("Enter did nothing").isEqualTo(2);
        robot.write("d");
        until("the name typed enables the button", () -> enabled(wizard, WizardWindow.ID_NEXT));
        assertThat(operations("sandbox-prod", "storefront")).as("nothing journaled before confirming").isEmpty();
        robot.type(KeyCode.ENTER);
        finished(wizard);
        OperationRecord op = operations("sandbox-prod", "storefront").getFirst();
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(op.environment()).isEqualTo("sandbox-prod");
    }

    @Test
    void aWriteThatConflictsTwiceStopsWithAClearMessageAndChangesNothing(FxRobot robot) {
        ready();
        String before = image("sandbox-staging", "payments");
        conflicting.add(ns("sandbox-staging") + "/payments");
        try {
            onFx(() -> {
                window.operations().open(Operation.ROLLBACK, "sandbox-staging", deployment("sandbox-staging", "payments"));
                return null;
            });
            Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "payments — sandbox-staging");
            click(robot, wizard, WizardWindow.ID_NEXT);
            waitOn(wizard, "the preflight passes", () -> page(wizard) == 1 && enabled(wizard, WizardWindow.ID_NEXT));
            click(robot, wizard, WizardWindow.ID_NEXT);
            click(robot, wizard, WizardWindow.ID_NEXT);
            finished(wizard);
            assertThat(summary(wizard)).contains("409 Conflict").contains("nothing was changed");
            assertThat(onFx(() -> ((Labeled) node(wizard, "step-execute").lookup(".mono")).getText())).contains("changed while it was being written, twice");
        } finally {
            conflicting.clear();
        }
        assertThat(conflictsMade.get()).as("read, changed by someone else, re-read, changed again").isEqualTo(2);
        assertThat(image("sandbox-staging", "payments")).isEqualTo(before);
        OperationRecord op = operations("sandbox-staging", "payments").getFirst();
        assertThat(op.outcome()).isEqualTo(Outcome.FAILED);
        assertThat(steps(op)).contains("execute=failed").doesNotContain("watch=succeeded");
        assertThat(output(op, "execute")).contains("409 Conflict");
    }

    @Test
    void aForbiddenPatchStopsThePreflightNamingVerbResourceAndNamespace(FxRobot robot) {
        ready();
        sandbox.denied(List.of(Denial.of("patch", "deployments.apps", "shop-dev")));
        try {
            onFx(() -> {
                window.operations().open(Operation.ROLLBACK, "rbac-dev", new RowKey(RBAC_CONTEXT, "Deployment", "shop-dev", "payments"));
                return null;
            });
            Stage wizard = wizard(RollbackWizardView.TITLE_PREFIX + "payments — rbac-dev");
            click(robot, wizard, WizardWindow.ID_NEXT);
            waitOn(wizard, "the preflight finds the patch denied", () -> page(wizard) == 1 && present(wizard, "finding-rbac"));
            assertThat(text(wizard, KubePages.ID_BLOCKED)).contains("patch").contains("deployments.apps").contains(ns("sandbox-dev"));
            assertThat(enabled(wizard, WizardWindow.ID_NEXT)).isFalse();
        } finally {
            sandbox.denied(List.of());
        }
        assertThat(operations("rbac-dev", "payments")).isEmpty();
    }

    @Test
    void aReadOnlyEnvironmentOpensNoChangingWizard() {
        ready();
        onFx(() -> {
            window.operations().open(Operation.ROLLBACK, "staging-readonly", deployment("sandbox-staging", "checkout"));
            return null;
        });
        until("the refusal is said", () -> window.notices().items().stream()
                .anyMatch(n -> n.title().equals(OperationWizards.CANNOT_OPEN) && n.text().contains("read-only")));
        assertThat(onFx(() -> Window.getWindows().stream().anyMatch(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(RollbackWizardView.TITLE_PREFIX)))).isFalse();
        onFx(() -> {
            window.workspace().select("staging-readonly");
            return null;
        });
        assertThat(onFx(() -> window.actions().get(OperationsActions.ROLLBACK).isEnabled()))
                .as("the palette's dangerous actions are disabled there").isFalse();
    }

    @Test
    void anOperationCutShortByADeadProcessIsShownAndItsRecordFinished(FxRobot robot) {
        ready();
        String ns = ns("sandbox-staging");
        String image = image("sandbox-staging", "checkout");
        String from = image.substring(image.lastIndexOf(':') + 1);
        // What a killed process leaves behind: the change made, the operation RUNNING with its
        // watch step STARTED, and no live process holding its run marker.
        long id = withHistory(h -> {
            long op = h.startOperation(new dev.wheelhouse.core.history.OperationStart(OperationKind.DEPLOY, "sandbox-staging",
                    "checkout", Sandbox.CONTEXT + "/" + ns + "/Deployment/checkout", from, "3.3.1", "tester@crashed-box",
                    "release 3.3.1"));
            for (String step : List.of("preflight", "lock", "execute")) {
                h.finishStep(op, h.startStep(op, step), dev.wheelhouse.core.history.StepStatus.SUCCEEDED, "");
            }
            h.startStep(op, "watch");
            return op;
        });
        // ...and its run marker, no longer locked by anyone (the OS dropped the lock with the process).
        try {
            java.nio.file.Files.createDirectories(dir.resolve("data").resolve("running"));
            java.nio.file.Files.writeString(dir.resolve("data").resolve("running").resolve(id + ".lock"), "999999\n");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        sandbox.client().apps().deployments().inNamespace(ns).withName("checkout").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"checkout\",\"image\":\""
                        + image.substring(0, image.lastIndexOf(':')) + ":3.3.1\"}]}}}}");

        onFx(() -> {
            window.wizards().scanInterrupted();
            return null;
        });
        until("the window says an operation was cut short", () -> window.notices().items().stream()
                .anyMatch(n -> n.title().equals(InterruptedOperationsViewModel.NOTICE) && n.text().contains("(operation " + id + ")")));
        onFx(() -> window.actions().run(OperationsActions.INTERRUPTED));
        Stage dialog = wizard(InterruptedOperationsView.TITLE);
        until("the list is read again", () -> !window.wizards().interrupted().scanningProperty().get());
        click(robot, dialog, InterruptedOperationsView.RECHECK_PREFIX + id);
        until("the record is finished", () -> present(dialog, InterruptedOperationsView.RESULT_PREFIX + id));
        assertThat(text(dialog, InterruptedOperationsView.RESULT_PREFIX + id)).contains("succeeded").contains("rolled out at 3.3.1");

        OperationRecord op = withHistory(h -> h.operation(id).orElseThrow());
        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(steps(op)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=failed",
                "recheck=succeeded");
        assertThat(output(op, "watch")).contains("interrupted");
        until("the notice goes once every interrupted operation is re-checked", () -> window.notices().items().stream()
                .noneMatch(n -> n.title().equals(InterruptedOperationsViewModel.NOTICE)));
    }
}
