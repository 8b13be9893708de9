package dev.wheelhouse.core.cluster;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Port: the practice sandbox, run in-process so a new user can try every feature with no
 * cluster. Its environments are labelled SANDBOX wherever they show; they live only as long as
 * the session and are never written to the user's workspace by this port.
 */
public interface PracticeSandbox {

    /** Blocking: starts the sandbox, or returns the session already running. */
    Session start();

    /** The running session, if any. Does not block. */
    java.util.Optional<Session> current();

    /** A running sandbox: its API, a kubeconfig for kubectl, and its seeded environments. */
    interface Session extends AutoCloseable {
        URI url();

        /** A kubeconfig whose context reaches the sandbox (for kubectl, and for the gateway). */
        Path kubeconfig();

        List<Environment> environments();

        List<Application> applications();

        /** A cluster gateway over the sandbox's kubeconfig; closed with the session. */
        ClusterGateway cluster();

        /** Stops the sandbox. */
        @Override
        void close();
    }
}
