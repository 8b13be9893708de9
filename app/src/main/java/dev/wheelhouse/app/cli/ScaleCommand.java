package dev.wheelhouse.app.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** `wheelhouse scale --env E --app A --replicas N`: spec.replicas, watched, verified, recorded. */
@Command(name = "scale", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Scale an application's Deployment or StatefulSet, watched, verified and recorded.")
final class ScaleCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    OperationOptions operation;

    @Spec
    CommandSpec spec;

    @Option(names = "--replicas", paramLabel = "N", required = true, description = "The number of replicas (0 or more).")
    int replicas;

    @Override
    public Integer call() {
        OpsConsole console = new OpsConsole(global, "scale", spec.commandLine().getOut(), spec.commandLine().getErr());
        return console.run(operation.envName, operation.appName, operation.go(),
                (ops, target) -> ops.prepareChange(ops.proposeScale(target, replicas), operation.choices(false)));
    }
}
