package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.ops.LockGateway;
import dev.wheelhouse.core.ops.RolloutGateway;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.Operator;
import dev.wheelhouse.ops.RunMarkers;
import java.nio.file.Path;

/**
 * The cluster ports operations need over one kubeconfig (the user's, or the practice sandbox's),
 * opened together and closed together. The launcher wires the {@link Factory}
 * ({@code AppServices.kubeOperations()}); the window and the commands only see this.
 */
public record KubePorts(RolloutGateway rollouts, LockGateway locks, AutoCloseable closer) implements AutoCloseable {

    /** Opens the ports over a kubeconfig. Does no network I/O until used. */
    @FunctionalInterface
    public interface Factory {
        KubePorts open(Path kubeconfig);
    }

    /**
     * The operations over these ports, journaled in {@code history}, each marked as running in
     * {@code markers} while it runs (so one whose process dies shows as interrupted).
     */
    public KubeOperations operations(HistoryStore history, RunMarkers markers) {
        return new KubeOperations(rollouts, locks, history, new OperationEngine(history, Operator.current(), markers),
                KubeOperations.Settings.DEFAULTS, java.time.Clock.systemUTC());
    }

    @Override
    public void close() {
        try {
            closer.close();
        } catch (Exception e) {
            // Closing clients is best effort; nothing is lost if one fails to close.
        }
    }
}
