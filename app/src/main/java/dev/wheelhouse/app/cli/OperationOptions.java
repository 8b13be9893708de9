package dev.wheelhouse.app.cli;

import dev.wheelhouse.ops.kube.OpsChoices;
import java.time.Duration;
import picocli.CommandLine.Option;

/** The options every operation command takes (deploy, rollback, restart, scale): one definition of each. */
final class OperationOptions {
    @Option(names = "--env", paramLabel = "NAME", required = true, description = "The environment (as listed by `wheelhouse envs`).")
    String envName;

    @Option(names = "--app", paramLabel = "NAME", required = true, description = "The application of the workspace.")
    String appName;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (journaled and set as the change-cause).")
    String reason;

    @Option(names = "--yes", description = "Do it without asking (there is no prompt headless: without it nothing is changed).")
    boolean yes;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The environment's name: required in production.")
    String confirm;

    @Option(names = "--break-lock", description = "Take the application's lock over from whoever holds it (journaled).")
    boolean breakLock;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "300",
            description = "How long to watch the rollout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    /** --yes, or in production the typed name (which is the stronger confirmation). */
    boolean go() {
        return yes || envName.equals(confirm);
    }

    OpsChoices choices(boolean rollbackOnFailure) {
        return new OpsChoices(reason, confirm, breakLock, rollbackOnFailure, Duration.ofSeconds(timeoutSeconds));
    }
}
