package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.InProcessSandbox;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.kube.KubeOptions;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.LocalEnvironmentDiscovery;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import javafx.stage.Stage;

/**
 * A practice sandbox the test controls (deny rules, outages), with the console's services
 * pointed at it as at any cluster: its kubeconfig, and a workspace with its three environments.
 * The gateway retries and calls data stale sooner than the defaults, so tests wait less.
 */
final class SandboxConsole implements AutoCloseable {
    static final SandboxOptions QUIET = SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(200)
            .withMetricsIntervalMillis(500);
    static final KubeOptions FAST = KubeOptions.DEFAULTS.withMetricsInterval(Duration.ofMillis(500))
            .withReconnectGrace(Duration.ofMillis(1000)).withWatchRetry(Duration.ofMillis(250))
            .withAccessCacheTtl(Duration.ofMillis(1));

    final Sandbox sandbox;
    final Path kubeconfig;
    final AppServices services;
    private MainWindow window;

    private SandboxConsole(Sandbox sandbox, Path kubeconfig, AppServices services) {
        this.sandbox = sandbox;
        this.kubeconfig = kubeconfig;
        this.services = services;
    }

    static SandboxConsole start(Path dir, SandboxOptions options) throws IOException {
        Sandbox sandbox = Sandbox.start(options);
        try {
            Path data = dir.resolve("data");
            Path kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
            YamlWorkspaceStore workspace = new YamlWorkspaceStore(data.resolve("workspace.yaml"));
            workspace.save(sandbox.seed().workspace());
            Path ssh = dir.resolve("ssh_config");
            AppServices services = new AppServices(data, kubeconfig, ssh, workspace,
                    new LocalEnvironmentDiscovery(kubeconfig, ssh),
                    () -> H2HistoryStore.open(data),
                    AppServices.once(() -> new Fabric8ClusterGateway(kubeconfig, FAST, Clock.systemUTC())),
                    AppServices.once(() -> new SshjHostGateway(SshSettings.of(ssh, data.resolve("known_hosts")))),
                    new InProcessSandbox(data));
            return new SandboxConsole(sandbox, kubeconfig, services);
        } catch (IOException | RuntimeException e) {
            sandbox.close();
            throw e;
        }
    }

    Environment environment(String name) {
        return sandbox.seed().environment(name).orElseThrow();
    }

    String namespace(String environment) {
        return sandbox.seed().namespace(environment).orElseThrow();
    }

    /** Scales a Deployment as kubectl scale would (a merge patch, no resourceVersion), HTTP or not. */
    void scale(String namespace, String deployment, int replicas) {
        Sandbox.Reply reply = sandbox.call("PATCH", "/apis/apps/v1/namespaces/" + namespace + "/deployments/" + deployment,
                "application/merge-patch+json", "{\"spec\":{\"replicas\":" + replicas + "}}");
        if (reply.code() != 200) {
            throw new AssertionError("scaling " + deployment + " answered " + reply.code() + ": " + reply.body());
        }
    }

    /**
     * The console's window on this sandbox, made on the first call and kept for the test class:
     * each later call only shows it again (TestFX hides the stage between tests; hidden, it would
     * not lay out, or be looked up, at all). FX thread.
     */
    MainWindow window(Stage stage) {
        if (window == null) {
            window = new MainWindow(services, new FxUiExecutor(), stage::close);
            window.show(stage);
        } else if (!window.stage().isShowing()) {
            window.stage().show();
        }
        return window;
    }

    /** Shuts the window down (if one was made), then the gateway and the sandbox. */
    @Override
    public void close() {
        try {
            if (window != null) {
                window.shutdown();
                window = null;
            }
            services.cluster().get().close();
        } finally {
            sandbox.close();
        }
    }
}
