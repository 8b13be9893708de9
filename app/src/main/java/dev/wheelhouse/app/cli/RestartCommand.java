package dev.wheelhouse.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** `wheelhouse restart --env E --app A`: kubectl's rollout restart (the restartedAt annotation), watched, verified, recorded. */
@Command(name = "restart", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Restart an application's pods with a rolling update, watched, verified and recorded.")
final class RestartCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    OperationOptions operation;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        OpsConsole console = new OpsConsole(global, "restart", spec.commandLine().getOut(), spec.commandLine().getErr());
        return console.run(operation.envName, operation.appName, operation.go(),
                (ops, target) -> ops.prepareChange(ops.proposeRestart(target), operation.choices(false)));
    }
}
