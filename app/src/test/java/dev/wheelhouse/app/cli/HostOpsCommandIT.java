package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.hosts.SshdFixture;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wheelhouse rollback` (and deploy) on an application's hosts: a real sshd, exit codes and output. */
class HostOpsCommandIT {
    static SshdFixture server;
    static SshdFixture.Home home;

    @TempDir
    Path dir;
    Path root;

    @BeforeAll
    static void startHost(@TempDir Path shared) throws Exception {
        home = new SshdFixture.Home(shared);
        server = SshdFixture.start(shared.resolve("sshd"), home.authorizedKeys);
        home.host("web-1", server.port());
    }

    @AfterAll
    static void stopHost() throws Exception {
        server.close();
    }

    @BeforeEach
    void workspace() throws IOException {
        root = dir.resolve("srv/shop");
        Files.createDirectories(dir.resolve("data"));
        Files.writeString(dir.resolve("data/known_hosts"), server.knownHostsLine() + "\n");
        Application.HostService service = new Application.HostService(root.toString(), "true", "test -f healthy && test ! -e ../../unhealthy",
                List.of(), 5, null, new Application.HealthCheck(1, 5, 0));
        List<HostRef> hosts = List.of(HostRef.of("web-1"));
        new YamlWorkspaceStore(dir.resolve("data/workspace.yaml")).save(new Workspace(List.of(
                new Environment("shop-staging", Tier.STAGING, null, false, List.of(), hosts),
                new Environment("shop-prod", Tier.PRODUCTION, null, false, List.of(), hosts),
                new Environment("shop-frozen", Tier.STAGING, null, true, List.of(), hosts),
                new Environment("mixed", Tier.STAGING, null, false, List.of(new KubeTarget("nowhere", List.of("shop"))), hosts)),
                List.of(new Application("shop", null, service),
                        new Application("both", new Application.Workload(WorkloadKind.DEPLOYMENT, "both", "app"), service))));
    }

    CliRun cli(String... args) {
        List<String> all = new java.util.ArrayList<>(List.of(args[0], "--data-dir", dir.resolve("data").toString(),
                "--ssh-config", home.config().toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.of(all.toArray(String[]::new));
    }

    /** Two releases deployed through the planner (the deploy command's own tests come with it). */
    void deployed(String... versions) throws IOException {
        try (SshjHostGateway gateway = new SshjHostGateway(SshSettings.of(home.config(), dir.resolve("data/known_hosts")).withAgentSocket(null));
             H2HistoryStore history = H2HistoryStore.open(dir.resolve("data"))) {
            OperationEngine engine = new OperationEngine(history, "setup@test");
            for (String v : versions) {
                Path artifact = dir.resolve("artifact-" + v);
                Files.createDirectories(artifact);
                Files.writeString(artifact.resolve("healthy"), v);
                Application app = new Application("shop", null, new Application.HostService(root.toString(), "true", "test -f healthy"));
                var op = new HostDeployPlanner(gateway.releases(), engine.operator()).plan(new HostDeployRequest("shop-staging", app,
                        List.of(HostRef.of("web-1")), artifact, v, "r-" + v, null, false));
                assertThat(op.run(engine, null, null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
            }
        }
    }

    String current() throws IOException {
        return Files.readSymbolicLink(root.resolve("current")).getFileName().toString();
    }

    @Test
    void rollbackAsksFirstThenGoesBackToThePreviousGoodReleaseAndExitsZero() throws Exception {
        deployed("1.0", "1.1");

        CliRun ask = cli("rollback", "--env", "shop-staging", "--app", "shop");
        assertThat(ask.exitCode()).as(ask.err()).isEqualTo(2);
        assertThat(ask.err()).contains("would roll back shop on web-1 (on r-1.1 -> r-1.0); batches web-1; pass --yes to do it (nothing was changed)");
        assertThat(current()).isEqualTo("r-1.1");

        CliRun done = cli("rollback", "--env", "shop-staging", "--app", "shop", "--yes", "--reason", "incident 7");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("web-1: on r-1.0 (was r-1.1)", "roll back shop: done, every host verified (operation ");
        assertThat(done.err()).contains("[preflight] succeeded", "[batch 1/1 web-1: switch] succeeded: web-1: switched back to r-1.0",
                "[mark bad] succeeded: web-1: r-1.1 marked bad");
        assertThat(current()).isEqualTo("r-1.0");

        CliRun history = cli("history", "--app", "shop", "--format", "json");
        assertThat(history.out()).contains("\"kind\" : \"rollback\"").contains("incident 7");
    }

    @Test
    void guardrailsAndBadInputExitTwoWithNothingChanged() throws Exception {
        deployed("1.0", "1.1");

        CliRun prod = cli("rollback", "--env", "shop-prod", "--app", "shop", "--yes");
        assertThat(prod.exitCode()).isEqualTo(2);
        assertThat(prod.err()).contains("environment 'shop-prod' is production: type its name to confirm (--confirm shop-prod)");
        CliRun frozen = cli("rollback", "--env", "shop-frozen", "--app", "shop", "--yes");
        assertThat(frozen.exitCode()).isEqualTo(2);
        assertThat(frozen.err()).contains("environment 'shop-frozen' is read-only");
        CliRun injection = cli("rollback", "--env", "shop-staging", "--app", "shop", "--yes", "--to-release", "1.0;rm -rf /");
        assertThat(injection.exitCode()).isEqualTo(2);
        assertThat(injection.err()).contains("release id '1.0;rm -rf /' may use only letters, digits");
        CliRun both = cli("rollback", "--env", "mixed", "--app", "both", "--yes");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("application 'both' has a workload and hosts: pass --only workload or --only hosts");
        assertThat(current()).isEqualTo("r-1.1");

        CliRun confirmed = cli("rollback", "--env", "shop-prod", "--app", "both", "--only", "hosts", "--confirm", "shop-prod", "--to-release", "r-1.0");
        assertThat(confirmed.exitCode()).as(confirmed.err()).isZero();
        assertThat(current()).isEqualTo("r-1.0");
    }

    @Test
    void aFailedRollbackExitsOneAndSaysWhereTheHostIs() throws Exception {
        deployed("1.0", "1.1");
        Files.writeString(root.resolve("unhealthy"), "");

        CliRun failed = cli("rollback", "--env", "shop-staging", "--app", "shop", "--yes");

        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(failed.out()).contains("web-1: on r-1.0 (failed: restarted; health check failed 1 times, last: exit 1)",
                "roll back shop: failed at batch 1/1: verdict");
        assertThat(failed.err()).contains("[record] succeeded: web-1: on r-1.0");
        assertThat(root.resolve(".wheelhouse/lock")).doesNotExist();
    }

    Path build(String version, boolean healthy) throws IOException {
        Path artifact = dir.resolve("build-" + version);
        Files.createDirectories(artifact);
        Files.writeString(artifact.resolve(healthy ? "healthy" : "broken"), version);
        return artifact;
    }

    @Test
    void deployUploadsANewReleaseAndExitsZeroOrOneWithWhatWasSwitchedBack() throws Exception {
        deployed("1.0");

        CliRun ask = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", build("1.1", true).toString(),
                "--version", "1.1", "--release-id", "r-1.1");
        assertThat(ask.exitCode()).as(ask.err()).isEqualTo(2);
        assertThat(ask.err()).contains("would deploy 1.1 of shop on web-1 (on r-1.0 -> r-1.1); batches web-1; pass --yes");
        assertThat(root.resolve("releases/r-1.1")).doesNotExist();

        CliRun done = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", build("1.1", true).toString(),
                "--version", "1.1", "--release-id", "r-1.1", "--yes");
        assertThat(done.exitCode()).as(done.err()).isZero();
        assertThat(done.out()).contains("web-1: on r-1.1 (was r-1.0)", "deploy 1.1 of shop: done, every host verified (operation ");
        assertThat(done.err()).contains("[batch 1/1 web-1: upload] succeeded: web-1: uploaded to releases/r-1.1, sha256 checked on the host");
        assertThat(current()).isEqualTo("r-1.1");

        CliRun failed = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", build("1.2", false).toString(),
                "--version", "1.2", "--yes");
        assertThat(failed.exitCode()).as(failed.err()).isEqualTo(1);
        assertThat(failed.out()).containsPattern("web-1: on r-1.1 \\(switched back from \\d{8}-\\d{6}-1.2\\)")
                .contains("deploy 1.2 of shop: failed at batch 1/1: verdict", "; switched back: web-1 (operation ");
        assertThat(current()).isEqualTo("r-1.1");
    }

    @Test
    void aDeployWithABadVersionOrMissingPartsExitsTwoAndNothingReachesTheHost() throws Exception {
        CliRun injection = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", build("x", true).toString(),
                "--version", "1.0;rm -rf /", "--yes");
        assertThat(injection.exitCode()).isEqualTo(2);
        assertThat(injection.err()).contains("version '1.0;rm -rf /' may use only letters, digits");
        assertThat(root).doesNotExist();

        CliRun noVersion = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", build("x", true).toString(), "--yes");
        assertThat(noVersion.exitCode()).isEqualTo(2);
        assertThat(noVersion.err()).contains("a host deploy needs --artifact PATH and --version V");
        CliRun noArtifact = cli("deploy", "--env", "shop-staging", "--app", "shop", "--artifact", dir.resolve("nope").toString(),
                "--version", "1.0", "--yes");
        assertThat(noArtifact.exitCode()).isEqualTo(2);
        assertThat(noArtifact.err()).contains("artifact " + dir.resolve("nope") + " is not a file or directory here");
        CliRun prod = cli("deploy", "--env", "shop-prod", "--app", "shop", "--artifact", build("x", true).toString(),
                "--version", "1.0", "--yes");
        assertThat(prod.exitCode()).isEqualTo(2);
        assertThat(prod.err()).contains("is production: type its name to confirm (--confirm shop-prod)");
        assertThat(root).doesNotExist();
    }
}
