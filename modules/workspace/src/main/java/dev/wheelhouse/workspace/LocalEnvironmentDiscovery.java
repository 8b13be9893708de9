package dev.wheelhouse.workspace;

import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.EnvironmentDiscovery;
import java.nio.file.Path;
import java.util.Map;

/** Proposes environments from the kubeconfig and the ssh config (stub; being filled in). */
public final class LocalEnvironmentDiscovery implements EnvironmentDiscovery {
    private final Path kubeconfig;
    private final Path sshConfig;

    public LocalEnvironmentDiscovery(Path kubeconfig, Path sshConfig) {
        this.kubeconfig = kubeconfig;
        this.sshConfig = sshConfig;
    }

    @Override
    public Discovery discover() {
        throw new UnsupportedOperationException("not yet");
    }

    public static Path defaultKubeconfig(Map<String, String> env, Path home) {
        throw new UnsupportedOperationException("not yet");
    }

    public static Path defaultSshConfig(Path home) {
        throw new UnsupportedOperationException("not yet");
    }
}
