package dev.wheelhouse.app;

import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.workspace.EnvironmentDiscovery;
import dev.wheelhouse.core.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * What the window and the headless commands are given to work with, wired once by the launcher
 * from the global options. Every member does blocking I/O: call it off the FX thread.
 *
 * @param history opens the history on first use (it may fail: the caller shows why)
 */
public record AppServices(
        Path dataDir,
        Path kubeconfig,
        Path sshConfig,
        WorkspaceStore workspace,
        EnvironmentDiscovery discovery,
        Supplier<HistoryStore> history) {}
