package dev.wheelhouse.app.cli;

import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.ops.LockHeldException;
import dev.wheelhouse.core.ops.PodState;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.CancelSignal;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.RunMarkers;
import dev.wheelhouse.ops.kube.KubeListener;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubePorts;
import dev.wheelhouse.ops.kube.KubeRun;
import dev.wheelhouse.ops.kube.OpsTarget;
import dev.wheelhouse.ops.kube.PreparedOperation;
import java.io.PrintWriter;
import java.util.List;

/**
 * What the headless Kubernetes operations share: resolving the application in the environment,
 * opening the ports and the history, printing progress on stderr and the summary on stdout, and
 * the exit codes (0 verified, 1 failed, 2 refused before anything changed). The planning and
 * running live in {@link KubeOperations}, the same as the window's wizards use.
 */
final class OpsConsole {
    private final GlobalOptions global;
    private final PrintWriter out;
    private final OpsStderr stderr;

    OpsConsole(GlobalOptions global, String command, PrintWriter out, PrintWriter err) {
        this.global = global;
        this.out = out;
        this.stderr = new OpsStderr(command, err);
    }

    /** What a command does once the target is resolved: propose, prepare and (with --yes) run. */
    interface Operation {
        /** Returns the prepared operation, or null when there is nothing to do (already printed). */
        PreparedOperation prepare(KubeOperations ops, OpsTarget target);
    }

    int run(String envName, String appName, boolean yes, Operation operation) {
        Environment env = global.environment(envName);
        Application app = global.application(appName);
        try {
            OpsTarget target = OpsTarget.of(env, app);
            try (KubePorts ports = global.services().kubeOperations().open(global.kubeconfigFile());
                 HistoryStore history = new OpeningHistory(global.services().history())) {
                KubeOperations ops = ports.operations(history, RunMarkers.in(global.dataDir()));
                PreparedOperation prepared = operation.prepare(ops, target);
                if (prepared == null) {
                    return ExitCodes.DONE;
                }
                if (!yes) {
                    return stderr.bad("would " + prepared.summary() + diff(prepared) + "; pass --yes to do it (nothing was changed)");
                }
                stderr.progress(prepared.summary());
                KubeRun run = ops.run(prepared, new Progress(), CancelSignal.none());
                out.println(run.summary());
                out.flush();
                return run.verified() ? ExitCodes.DONE : ExitCodes.FAILED;
            }
        } catch (OpsInputException | RolloutRefusedException | LockHeldException e) {
            return stderr.bad(e.getMessage() + (e.getMessage().contains("nothing was changed") || e.getMessage().contains("nothing to")
                    ? "" : " (nothing was changed)"));
        }
    }

    /** Prints "already ..." cases that are not errors and returns null for {@link Operation#prepare}. */
    PreparedOperation nothingToDo(String message) {
        out.println(message);
        out.flush();
        return null;
    }

    private static String diff(PreparedOperation p) {
        return p.diff().isEmpty() ? "" : " [" + String.join("; ", p.diff().stream().map(l -> l.describe()).toList()) + "]";
    }

    /** Steps, rollout lines and pod changes on stderr, as they happen. */
    private final class Progress implements KubeListener {
        @Override
        public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
            stderr.step(step, status, output);
        }

        @Override
        public void rollout(long id, RolloutStatus status) {
            stderr.detail(status.message());
        }

        @Override
        public void pods(long id, List<PodState> pods) {
            stderr.detail("pods: " + String.join("; ", pods.stream().map(PodState::describe).toList()));
        }

        @Override
        public void rollingBack(long failedId, PreparedOperation rollback) {
            stderr.progress("operation " + failedId + " failed: " + rollback.summary());
        }
    }
}
