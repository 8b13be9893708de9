package dev.wheelhouse.app;

import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.PracticeSandbox;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.workspace.EnvironmentDiscovery;
import dev.wheelhouse.core.workspace.WorkspaceStore;
import dev.wheelhouse.kube.Fabric8Leases;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.kube.KubeClients;
import dev.wheelhouse.kube.KubeOptions;
import dev.wheelhouse.ops.kube.KubePorts;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the window and the headless commands are given to work with, wired once by the launcher
 * from the global options. Every member does blocking I/O: call it off the FX thread.
 *
 * @param history opens the history on first use (it may fail: the caller shows why)
 * @param cluster the Kubernetes gateway over the kubeconfig; made once, on first use
 * @param hosts the SSH gateway over the ssh config and known_hosts; made once, on first use
 * @param sandbox the in-process practice sandbox (started only when asked)
 * @param kubeOperations opens the ports of Kubernetes operations (rollouts, locks) over a
 *        kubeconfig: the user's ({@link #kubeconfig()}) or a sandbox session's
 */
public record AppServices(
        Path dataDir,
        Path kubeconfig,
        Path sshConfig,
        WorkspaceStore workspace,
        EnvironmentDiscovery discovery,
        Supplier<HistoryStore> history,
        Supplier<ClusterGateway> cluster,
        Supplier<HostGateway> hosts,
        PracticeSandbox sandbox,
        KubePorts.Factory kubeOperations) {

    /** The same, with the operations' ports over Fabric8. */
    public AppServices(Path dataDir, Path kubeconfig, Path sshConfig, WorkspaceStore workspace, EnvironmentDiscovery discovery,
                       Supplier<HistoryStore> history, Supplier<ClusterGateway> cluster, Supplier<HostGateway> hosts,
                       PracticeSandbox sandbox) {
        this(dataDir, kubeconfig, sshConfig, workspace, discovery, history, cluster, hosts, sandbox, AppServices::fabric8Operations);
    }

    /** Rollouts and Leases over one set of Fabric8 clients for the kubeconfig. */
    public static KubePorts fabric8Operations(Path kubeconfig) {
        KubeClients clients = new KubeClients(kubeconfig, KubeOptions.DEFAULTS);
        return new KubePorts(new Fabric8Rollouts(clients), new Fabric8Leases(clients), clients::close);
    }

    /** A supplier that makes its value once, on first use, and then always returns it. */
    public static <T> Supplier<T> once(Supplier<T> maker) {
        return new Supplier<>() {
            private T value;

            @Override
            public synchronized T get() {
                if (value == null) {
                    value = maker.get();
                }
                return value;
            }
        };
    }
}
