package dev.wheelhouse.app.cli;

import dev.wheelhouse.app.ui.WheelhouseFx;
import dev.wheelhouse.kube.Fabric8ClusterGateway;
import dev.wheelhouse.app.ui.hosts.FxPassphraseProvider;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** `wheelhouse` alone opens the console window; the subcommands are its headless twin. */
@Command(
        name = "wheelhouse",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        description = {
            "Operations console for Kubernetes clusters and Linux hosts.",
            "Without a command, opens the console window."
        },
        subcommands = {EnvsCommand.class, HistoryCommand.class, HostsCommand.class, InventoryCommand.class, DeployCommand.class,
                RollbackCommand.class, RestartCommand.class, ScaleCommand.class, SandboxCommand.class},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:done",
            "1:the operation failed (and was left safe, as printed)",
            "2:bad input or bad usage"
        })
public final class WheelhouseCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Override
    public Integer call() {
        // The window opens its first environment as soon as the workspace is read: the Kubernetes
        // client gets ready beside it, from the first frame on (earlier, it delayed the first frame
        // by a third of a second on two cores).
        WheelhouseFx.launch(global.services(new FxPassphraseProvider(WheelhouseFx::mainWindow)),
                Fabric8ClusterGateway::warmUpInBackground);
        return ExitCodes.DONE;
    }
}
