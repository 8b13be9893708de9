package dev.wheelhouse.app.cli;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.InProcessSandbox;
import dev.wheelhouse.app.DataDirs;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.LocalEnvironmentDiscovery;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import dev.wheelhouse.core.hosts.PassphraseProvider;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Option;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * The options every command takes, before or after the subcommand name. Each command mixes
 * this in; the setters store into the top-level command's copy so there is one set of values.
 */
public final class GlobalOptions {
    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    private Path dataDir;
    private Path workspace;
    private Path kubeconfig;
    private Path sshConfig;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Where the workspace, history and logs live (default: the OS's per-user data directory).")
    void setDataDir(Path value) {
        root().dataDir = value;
    }

    @Option(names = "--workspace", paramLabel = "FILE",
            description = "The workspace file (default: workspace.yaml in the data directory).")
    void setWorkspace(Path value) {
        root().workspace = value;
    }

    @Option(names = "--kubeconfig", paramLabel = "FILE",
            description = "The kubeconfig (default: first entry of KUBECONFIG, then ~/.kube/config).")
    void setKubeconfig(Path value) {
        root().kubeconfig = value;
    }

    @Option(names = "--ssh-config", paramLabel = "FILE", description = "The ssh config (default: ~/.ssh/config).")
    void setSshConfig(Path value) {
        root().sshConfig = value;
    }

    private GlobalOptions root() {
        if (mixee == null || !(mixee.root().userObject() instanceof WheelhouseCommand top) || top.global == null) {
            return this;
        }
        return top.global;
    }

    public Path dataDir() {
        Path dir = root().dataDir;
        return (dir != null ? dir : DataDirs.defaultDataDir()).toAbsolutePath().normalize();
    }

    public Path workspaceFile() {
        return (root().workspace != null ? root().workspace : dataDir().resolve("workspace.yaml")).toAbsolutePath().normalize();
    }

    public Path kubeconfigFile() {
        return root().kubeconfig != null ? root().kubeconfig.toAbsolutePath()
                : LocalEnvironmentDiscovery.defaultKubeconfig(System.getenv(), home());
    }

    public Path sshConfigFile() {
        return root().sshConfig != null ? root().sshConfig.toAbsolutePath() : LocalEnvironmentDiscovery.defaultSshConfig(home());
    }

    /** Wires the services from these options; nothing is opened until first used. */
    public AppServices services() {
        return services(PassphraseProvider.NONE);
    }

    /**
     * The same, with a way to ask for key passphrases: the window asks in a dialog; headless
     * commands (the other overload) fail with a clear message on an encrypted key instead.
     */
    public AppServices services(PassphraseProvider passphrases) {
        Path data = dataDir();
        // Read by logback.xml when the first logger is made, which is after this point.
        System.setProperty("wheelhouse.log.dir", data.resolve("logs").toString());
        return new AppServices(
                data,
                kubeconfigFile(),
                sshConfigFile(),
                new YamlWorkspaceStore(workspaceFile()),
                new LocalEnvironmentDiscovery(kubeconfigFile(), sshConfigFile()),
                () -> H2HistoryStore.open(data),
                AppServices.once(() -> new Fabric8ClusterGateway(kubeconfigFile())),
                AppServices.once(() -> new SshjHostGateway(
                        SshSettings.of(sshConfigFile(), data.resolve("known_hosts")).withPassphrases(passphrases))),
                new InProcessSandbox(data));
    }

    /**
     * The named environment of the workspace. Bad input (no workspace, a broken one, an unknown
     * name) throws {@link BadInputException} with a message naming the file and the known names.
     */
    public Environment environment(String name) {
        switch (services().workspace().load()) {
            case WorkspaceLoad.Invalid invalid -> throw new BadInputException(invalid.error().describe());
            case WorkspaceLoad.Missing missing ->
                throw new BadInputException("no environment '" + name + "': there is no workspace yet at " + missing.file());
            case WorkspaceLoad.Loaded loaded -> {
                return loaded.workspace().environment(name).orElseThrow(() -> {
                    List<String> known = loaded.workspace().environments().stream().map(Environment::name).toList();
                    return new BadInputException("no environment '" + name + "' in " + loaded.file()
                            + (known.isEmpty() ? " (it has none)" : " (known: " + String.join(", ", known) + ")"));
                });
            }
        }
    }

    /** The workspace's application of that name; bad input (naming the known ones) when there is none. */
    public Application application(String name) {
        switch (services().workspace().load()) {
            case WorkspaceLoad.Invalid invalid -> throw new BadInputException(invalid.error().describe());
            case WorkspaceLoad.Missing missing ->
                throw new BadInputException("no application '" + name + "': there is no workspace yet at " + missing.file());
            case WorkspaceLoad.Loaded loaded -> {
                return loaded.workspace().application(name).orElseThrow(() -> {
                    List<String> known = loaded.workspace().applications().stream().map(Application::name).toList();
                    return new BadInputException("no application '" + name + "' in " + loaded.file()
                            + (known.isEmpty() ? " (it has none)" : " (known: " + String.join(", ", known) + ")"));
                });
            }
        }
    }

    private static Path home() {
        return Path.of(System.getProperty("user.home"));
    }
}
