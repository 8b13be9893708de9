package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.InProcessSandbox;
import dev.wheelhouse.app.ui.ops.WorkloadOperations.Operation;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.kube.Fabric8Leases;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.ops.kube.KubeListener;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.OpsChoices;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.LocalEnvironmentDiscovery;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;
import javafx.stage.Stage;
import javafx.stage.Window;

/**
 * Test-only launcher for the docs' screenshots of the rollback wizard (docs/images/wizard-rollback-*.png).
 * The incident: a deploy of a broken build to sandbox-prod crash-loops; the wizard rolls it back.
 * At each page it prints "READY name" and waits for OUT/name.shot, which the screenshot script
 * creates once ImageMagick has taken the screen. Args: OUT.
 */
public final class WizardScreenshots {
    public static void main(String[] args) throws Exception {
        Path out = Path.of(args.length > 0 ? args[0] : "target/wizard-shots");
        Files.createDirectories(out);
        Path tmp = Files.createTempDirectory("wheelhouse-wizard-shots");
        Sandbox sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(700)
                .withProgressDeadlineSeconds(6));
        Path kubeconfig = sandbox.writeKubeconfig(tmp.resolve("kubeconfig"));
        Path data = tmp.resolve("data");
        Workspace seed = sandbox.seed().workspace();
        new YamlWorkspaceStore(data.resolve("workspace.yaml")).save(seed);

        // The incident: release 1.9.1 went to production and crash-loops.
        try (var history = H2HistoryStore.open(data); var rollouts = new Fabric8Rollouts(kubeconfig);
                var leases = new Fabric8Leases(kubeconfig)) {
            var ops = new KubeOperations(rollouts, leases, history, new dev.wheelhouse.ops.OperationEngine(history, "dana@release-bot"),
                    KubeOperations.Settings.DEFAULTS, java.time.Clock.systemUTC());
            var env = seed.environment("sandbox-prod").orElseThrow();
            var app = seed.application("storefront").orElseThrow();
            var target = OpsTarget.of(env, app);
            String image = rollouts.state(target.workload()).images().getFirst();
            String broken = image.substring(image.indexOf('=') + 1, image.lastIndexOf(':')) + ":1.9.1-broken";
            var proposal = ops.proposeDeploy(target, broken);
            ops.run(ops.prepareChange(proposal, new OpsChoices("release 1.9.1 (CHG-2231)", env.name(), false, false,
                    Duration.ofSeconds(20))), KubeListener.NONE, CancelSignal.none());
        }

        Path ssh = tmp.resolve("ssh_config");
        AppServices services = new AppServices(data, kubeconfig, ssh, new YamlWorkspaceStore(data.resolve("workspace.yaml")),
                new LocalEnvironmentDiscovery(kubeconfig, ssh), () -> H2HistoryStore.open(data),
                AppServices.once(() -> new Fabric8ClusterGateway(kubeconfig)),
                AppServices.once(() -> new SshjHostGateway(SshSettings.of(ssh, data.resolve("known_hosts")))),
                new InProcessSandbox(data));
        Platform.startup(() -> { });
        MainWindow[] window = new MainWindow[1];
        Platform.runLater(() -> {
            Stage stage = new Stage();
            window[0] = new MainWindow(services, new FxUiExecutor(), Platform::exit);
            window[0].show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(900);
        });
        until(() -> window[0] != null && window[0].history().store().isPresent()
                && window[0].workspace().environments().stream().anyMatch(e -> e.name().equals("sandbox-prod")));
        fx(() -> {
            window[0].workspace().select("sandbox-prod");
            window[0].operations().open(Operation.ROLLBACK, "sandbox-prod",
                    new RowKey(Sandbox.CONTEXT, "Deployment", "shop-prod", "storefront"));
            return null;
        });
        until(() -> wizard() != null);
        RollbackWizardView view = (RollbackWizardView) wizard().getProperties().get(RollbackWizardView.class);
        RollbackWizardViewModel vm = view.viewModel();
        fx(() -> {
            wizard().setX(230);
            wizard().setY(110);
            return null;
        });
        until(() -> !vm.revisions().isEmpty() && !vm.common().loadingProperty().get());
        shot(out, "wizard-rollback-1-revisions");

        fx(() -> {
            vm.next();
            return null;
        });
        until(() -> vm.pageProperty().get() == RollbackWizardViewModel.Page.PREFLIGHT && !vm.common().loadingProperty().get());
        shot(out, "wizard-rollback-2-preflight");

        fx(() -> {
            vm.next();
            vm.common().confirm().reasonProperty().set("incident 4711: storefront 1.9.1 crash-loops in production");
            vm.common().confirm().typedProperty().set("sandbox-pr");
            return null;
        });
        until(() -> vm.pageProperty().get() == RollbackWizardViewModel.Page.CONFIRM);
        shot(out, "wizard-rollback-3-confirm");

        fx(() -> {
            vm.common().confirm().typedProperty().set("sandbox-prod");
            vm.next();
            return null;
        });
        until(() -> vm.pageProperty().get() == RollbackWizardViewModel.Page.RUN && vm.common().pods().size() > 2
                && vm.common().progress().runningProperty().get());
        shot(out, "wizard-rollback-4-running");
        until(() -> vm.common().finished());
        Thread.sleep(500);
        shot(out, "wizard-rollback-5-done");
        Platform.runLater(() -> {
            window[0].shutdown();
            Platform.exit();
        });
        sandbox.close();
        System.exit(0);
    }

    private static Stage wizard() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && s.getTitle() != null
                && s.getTitle().startsWith(RollbackWizardView.TITLE_PREFIX)).map(w -> (Stage) w).findFirst().orElse(null);
    }

    private static void shot(Path out, String name) throws Exception {
        Thread.sleep(700);
        System.out.println("READY " + name);
        System.out.flush();
        Path done = out.resolve(name + ".shot");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(done) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
    }

    private static <T> T fx(Callable<T> call) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(call.call());
            } catch (Throwable t) {
                result.completeExceptionally(t);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    private static void until(Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Boolean.TRUE.equals(fx(condition))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out");
            }
            Thread.sleep(100);
        }
    }
}
