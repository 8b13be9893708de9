package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.ops.PlannedStep;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * How the operation commands talk on stderr while they run — their progress lines, each step as
 * it ends, and a refusal as bad input — the same for Kubernetes and host operations, so a
 * script reading one can read the other.
 */
final class OpsStderr {
    private final String command;
    private final PrintWriter err;

    OpsStderr(String command, PrintWriter err) {
        this.command = command;
        this.err = err;
    }

    /** "wheelhouse deploy: ..." */
    void progress(String line) {
        err.println("wheelhouse " + command + ": " + line);
        err.flush();
    }

    /** Says why nothing was done, and gives the exit code of bad input. */
    int bad(String message) {
        progress(message);
        return ExitCodes.BAD_INPUT;
    }

    /** "[watch] succeeded: ...", an output of several lines indented under it. */
    void step(PlannedStep step, StepStatus status, String output) {
        err.println("[" + step.name() + "] " + status.name().toLowerCase(Locale.ROOT)
                + (output.isEmpty() ? "" : ": " + output.replace("\n", "\n    ")));
        err.flush();
    }

    /** A detail under the current step (rollout status, pods). */
    void detail(String line) {
        err.println("  " + line);
        err.flush();
    }
}
