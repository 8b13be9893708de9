package dev.wheelhouse.app.cli;

import dev.wheelhouse.ops.kube.RollbackProposal;
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
@Command(name = "rollback", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Roll an application back to an earlier revision, watched, verified and recorded.")
final class RollbackCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    OperationOptions operation;

    @Spec
    CommandSpec spec;

    @Option(names = "--to-revision", paramLabel = "N", defaultValue = "0",
            description = "The revision to go back to (default: the newest earlier one that did not fail).")
    long toRevision;

    @Option(names = "--to-release", paramLabel = "ID",
            description = "Hosts: the release to go back to on every host (default: each host's previous good release).")
    String toRelease;

    @Option(names = "--only", paramLabel = "hosts|workload",
            description = "For an application with a workload and hosts: which part to roll back.")
    String only;

    @Override
    public Integer call() {
        if (HostOpsConsole.forHosts(global, operation.appName, only)) {
            return new HostOpsConsole(global, "rollback", spec.commandLine().getOut(), spec.commandLine().getErr())
                    .rollback(operation.envName, operation.appName, toRelease, operation.reason, operation.yes, operation.confirm,
                            operation.breakLock);
        }
        OpsConsole console = new OpsConsole(global, "rollback", spec.commandLine().getOut(), spec.commandLine().getErr());
        if (toRevision < 0) {
            throw new BadInputException("--to-revision must be a revision number (1 or more), not " + toRevision);
        }
        return console.run(operation.envName, operation.appName, operation.go(), (ops, target) -> {
            RollbackProposal proposal = ops.proposeRollback(target);
            if (proposal.current() != null && proposal.current().number() == toRevision) {
                return console.nothingToDo(target.workload().name() + " already runs revision " + toRevision + ": nothing to do");
            }
            return ops.prepareRollback(proposal, toRevision, operation.choices(false));
        });
    }
}
