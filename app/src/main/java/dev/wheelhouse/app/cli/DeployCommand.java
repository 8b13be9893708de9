package dev.wheelhouse.app.cli;

import dev.wheelhouse.ops.kube.OpsTarget;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * `wheelhouse deploy --env E --app A (--image IMAGE | --promote-from ENV | --artifact PATH --version V)`: sets the image of the
 * application's container (validated), or the one it runs in another environment, through
 * {@link dev.wheelhouse.ops.kube.KubeOperations}: preflight, lock, execute, watch, verify, record.
 * With --rollback-on-failure a failed deploy is rolled back as a second, linked operation.
 * With --artifact the application's hosts get a new release instead ({@link HostOpsConsole}).
 */
@Command(name = "deploy", mixinStandardHelpOptions = true, sortOptions = false,
        description = "Deploy a new image (or promote another environment's), watched, verified and recorded.")
final class DeployCommand implements Callable<Integer> {
    @Mixin
    GlobalOptions global;

    @Mixin
    OperationOptions operation;

    @Spec
    CommandSpec spec;

    /** What to deploy: exactly one source. */
    static final class Source {
        @Option(names = "--image", paramLabel = "IMAGE", description = "The image, e.g. registry.example.com/shop/app:1.4.2.")
        String image;

        @Option(names = "--promote-from", paramLabel = "ENV", description = "The environment whose running image to deploy.")
        String promoteFrom;

        @Option(names = "--artifact", paramLabel = "PATH",
                description = "Hosts: a file or directory to upload as a new release to the application's hosts (with --version).")
        java.nio.file.Path artifact;
    }

    @ArgGroup(exclusive = true, multiplicity = "1")
    Source source;

    @Option(names = "--rollback-on-failure", description = "If the deploy fails, roll back to the revision it replaced (a linked operation).")
    boolean rollbackOnFailure;

    @Option(names = "--version", paramLabel = "V", description = "Hosts: the artifact's version label (letters, digits, . _ + -).")
    String version;

    @Option(names = "--release-id", paramLabel = "ID",
            description = "Hosts: the release directory's name (default: the UTC time and the version).")
    String releaseId;

    @Override
    public Integer call() {
        if (source.artifact != null) {
            return new HostOpsConsole(global, "deploy", spec.commandLine().getOut(), spec.commandLine().getErr())
                    .deploy(operation.envName, operation.appName, source.artifact, version, releaseId, operation.reason,
                            operation.yes, operation.confirm, operation.breakLock);
        }
        if (version != null || releaseId != null) {
            throw new BadInputException("--version and --release-id go with --artifact (a deploy to hosts)");
        }
        OpsConsole console = new OpsConsole(global, "deploy", spec.commandLine().getOut(), spec.commandLine().getErr());
        return console.run(operation.envName, operation.appName, operation.go(), (ops, target) -> {
            var proposal = source.image != null ? ops.proposeDeploy(target, source.image)
                    : ops.proposePromote(target, OpsTarget.of(global.environment(source.promoteFrom), global.application(operation.appName)));
            return ops.prepareChange(proposal, operation.choices(rollbackOnFailure));
        });
    }
}
