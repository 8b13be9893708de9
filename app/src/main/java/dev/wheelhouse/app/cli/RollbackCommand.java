package dev.wheelhouse.app.cli;

import dev.wheelhouse.ops.kube.OpsChoices;
import dev.wheelhouse.ops.kube.RollbackProposal;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse rollback --env E --app A`: puts an application's workload (Deployment,
 * StatefulSet, DaemonSet) back to an earlier revision with kubectl's undo semantics, through
 * {@link dev.wheelhouse.ops.kube.KubeOperations} (the same as the window's wizard): preflight,
 * lock, execute, watch, verify, record, each journaled.
 */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Roll an application back to an earlier revision, watched, verified and recorded.")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Spec
    CommandSpec spec;

    @Option(names = "--env", paramLabel = "NAME", required = true, description = "The environment (as listed by `wheelhouse envs`).")
    String envName;

    @Option(names = "--app", paramLabel = "NAME", required = true, description = "The application of the workspace.")
    String appName;

    @Option(names = "--to-revision", paramLabel = "N", defaultValue = "0",
            description = "The revision to go back to (default: the newest earlier one that did not fail).")
    long toRevision;

    @Option(names = "--reason", paramLabel = "TEXT", description = "Why (journaled and set as the change-cause).")
    String reason;

    @Option(names = "--yes", description = "Roll back without asking (there is no prompt headless: without it nothing is changed).")
    boolean yes;

    @Option(names = "--confirm", paramLabel = "NAME", description = "The environment's name: required in production.")
    String confirm;

    @Option(names = "--break-lock", description = "Take the application's lock over from whoever holds it (journaled).")
    boolean breakLock;

    @Option(names = "--timeout", paramLabel = "SECONDS", converter = AtLeastOneSecond.class, defaultValue = "300",
            description = "How long to watch the rollout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    @Option(names = "--to-release", paramLabel = "ID",
            description = "Hosts: the release to go back to on every host (default: each host's previous good release).")
    String toRelease;

    @Option(names = "--only", paramLabel = "hosts|workload",
            description = "For an application with a workload and hosts: which part to roll back.")
    String only;

    @Override
    public Integer call() {
        if (HostOpsConsole.forHosts(global, appName, only)) {
            return new HostOpsConsole(global, "rollback", spec.commandLine().getOut(), spec.commandLine().getErr())
                    .rollback(envName, appName, toRelease, reason, yes, confirm, breakLock);
        }
        OpsConsole console = new OpsConsole(global, "rollback", spec.commandLine().getOut(), spec.commandLine().getErr());
        if (toRevision < 0) {
            throw new BadInputException("--to-revision must be a revision number (1 or more), not " + toRevision);
        }
        OpsChoices choices = new OpsChoices(reason, confirm, breakLock, false, Duration.ofSeconds(timeoutSeconds));
        return console.run(envName, appName, yes || envName.equals(confirm), (ops, target) -> {
            RollbackProposal proposal = ops.proposeRollback(target);
            if (proposal.current() != null && proposal.current().number() == toRevision) {
                return console.nothingToDo(target.workload().name() + " already runs revision " + toRevision + ": nothing to do");
            }
            return ops.prepareRollback(proposal, toRevision, choices);
        });
    }
}
