package dev.wheelhouse.core.workspace;

/**
 * Port: proposes environments from what the user already has (kubeconfig contexts, ssh config
 * hosts). Reads files: never call it on the FX thread. Bad or missing files become notes.
 */
public interface EnvironmentDiscovery {
    Discovery discover();
}
