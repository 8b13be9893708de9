package dev.wheelhouse.app.hostops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.OperationListener;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import dev.wheelhouse.ops.hosts.HostOperation;
import dev.wheelhouse.ops.hosts.HostOperationRefused;
import dev.wheelhouse.ops.hosts.HostRollbackPlanner;
import dev.wheelhouse.ops.hosts.HostRollbackRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Deploys and rollbacks across three real sshd hosts on loopback, through the planners, the
 * operations engine, the SSH release adapter and an H2 history file; what each host ends on is
 * read from its file system and from the history.
 */
class HostDeployIT {
    static LoopbackHosts hosts;

    @TempDir
    Path dir;
    Path appRoot;
    H2HistoryStore history;
    OperationEngine engine;

    @BeforeAll
    static void startHosts(@TempDir Path shared) throws Exception {
        hosts = new LoopbackHosts(shared, 3);
    }

    @AfterAll
    static void stopHosts() throws Exception {
        hosts.close();
    }

    @BeforeEach
    void open() {
        appRoot = dir.resolve("srv/shop");
        history = H2HistoryStore.open(dir.resolve("data"));
        engine = new OperationEngine(history, "ops@laptop");
    }

    @AfterEach
    void closeHistory() {
        history.close();
    }

    Application app() {
        return new Application("shop", null, new Application.HostService(appRoot.toString(),
                "echo restarted >> ../../restarts.log", "test -f healthy && test ! -e ../../unhealthy",
                List.of("logs"), 3, new Application.Batches(1, 50, 0), new Application.HealthCheck(2, 5, 0)));
    }

    Path artifact(String version, boolean healthy) throws IOException {
        Path a = dir.resolve("artifact-" + version);
        Files.createDirectories(a.resolve("bin"));
        Files.writeString(a.resolve("VERSION"), version + "\n");
        Files.writeString(a.resolve("bin/run"), "#!/bin/sh\necho " + version + "\n");
        if (healthy) {
            Files.writeString(a.resolve("healthy"), "yes\n");
        }
        return a;
    }

    HostOperation deploy(String version, boolean healthy, boolean breakLock) throws IOException {
        String id = "r-" + version;
        return new HostDeployPlanner(hosts.perHostRoots(), engine.operator()).plan(new HostDeployRequest("shop-staging", app(),
                hosts.refs, artifact(version, healthy), version, id, "test", breakLock));
    }

    HostOperation.Result run(HostOperation op, OperationListener listener) {
        return op.run(engine, listener, null);
    }

    List<String> currents() throws IOException {
        return List.of(LoopbackHosts.current(appRoot, "web-1"), LoopbackHosts.current(appRoot, "web-2"),
                LoopbackHosts.current(appRoot, "web-3"));
    }

    List<String> log(String alias) throws IOException {
        return Files.readAllLines(LoopbackHosts.root(appRoot, alias).resolve(".wheelhouse/releases.log"));
    }

    OperationRecord journal(HostOperation.Result r) {
        return history.operation(r.operation().operationId()).orElseThrow();
    }

    StepRecord step(OperationRecord op, String name) {
        return op.steps().stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
                new AssertionError("no step " + name + " in " + op.steps().stream().map(StepRecord::name).toList()));
    }

    @Test
    void twoBatchDeployPutsEveryHostOnTheNewReleaseAndJournalsEachStep() throws Exception {
        HostOperation.Result first = run(deploy("1.0.0", true, false), null);
        assertThat(first.operation().outcome()).as(first.operation().failure()).isEqualTo(Outcome.SUCCEEDED);
        HostOperation second = deploy("1.1.0", true, false);
        assertThat(second.batches()).containsExactly(List.of("web-1"), List.of("web-2", "web-3"));
        HostOperation.Result r = run(second, null);

        assertThat(r.operation().outcome()).as(r.operation().failure()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(currents()).containsOnly("r-1.1.0");
        for (String alias : List.of("web-1", "web-2", "web-3")) {
            Path root = LoopbackHosts.root(appRoot, alias);
            assertThat(Files.readString(root.resolve("current/VERSION"))).isEqualTo("1.1.0\n");
            assertThat(Files.readSymbolicLink(root.resolve("releases/r-1.1.0/logs"))).isEqualTo(root.resolve("shared/logs"));
            assertThat(root.resolve(".wheelhouse/lock")).doesNotExist();
            assertThat(Files.readAllLines(root.resolve("restarts.log"))).hasSize(2);
            assertThat(log(alias)).hasSize(2).last().asString()
                    .contains("\"release\":\"r-1.1.0\"", "\"version\":\"1.1.0\"", "\"who\":\"ops@laptop\"", "\"action\":\"deploy\"", "\"result\":\"ok\"");
        }
        OperationRecord op = journal(r);
        assertThat(op.kind()).isEqualTo(OperationKind.DEPLOY);
        assertThat(op.fromVersion()).isEqualTo("1.0.0");
        assertThat(op.toVersion()).isEqualTo("1.1.0");
        assertThat(op.steps()).extracting(StepRecord::name).startsWith("preflight", "lock",
                "batch 1/2 web-1: upload", "batch 1/2 web-1: switch", "batch 1/2 web-1: restart and health check", "batch 1/2: verdict",
                "batch 2/2 web-2: upload").endsWith("switch back", "prune", "record");
        assertThat(op.steps()).allSatisfy(s -> assertThat(s.status()).isIn(StepStatus.SUCCEEDED, StepStatus.SKIPPED));
        assertThat(step(op, "preflight").output()).contains("web-2: on r-1.0.0 (1.0.0)", "lock free", "sha256 ");
        assertThat(step(op, "batch 2/2 web-3: switch").output()).isEqualTo("web-3: switched to r-1.1.0 (current -> releases/r-1.1.0)");
        assertThat(step(op, "record").output()).contains("web-1: on r-1.1.0 (was r-1.0.0)", "web-3: on r-1.1.0", "web-3: unlocked");
    }

    @Test
    void aFailingHealthCheckStopsTheDeployAndSwitchesTheSwitchedHostsBack() throws Exception {
        assertThat(run(deploy("1.0.0", true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        Files.writeString(LoopbackHosts.root(appRoot, "web-2").resolve("unhealthy"), "");

        HostOperation.Result r = run(deploy("2.0.0", true, false), null);

        assertThat(r.operation().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(r.operation().failure()).startsWith("batch 2/2: verdict: batch 2/2: 1 of 2 hosts failed (at most 0% may)")
                .contains("web-2: restarted; health check failed 2 times");
        assertThat(currents()).containsOnly("r-1.0.0");
        OperationRecord op = journal(r);
        assertThat(step(op, "batch 2/2 web-2: restart and health check").status()).isEqualTo(StepStatus.FAILED);
        assertThat(step(op, "batch 2/2 web-3: upload").status()).isEqualTo(StepStatus.SUCCEEDED);
        assertThat(step(op, "switch back").output()).contains("web-1: switched back to r-1.0.0", "web-2: switched back to r-1.0.0",
                "web-3: switched back to r-1.0.0");
        assertThat(step(op, "record").output()).contains("web-1: on r-1.0.0 (switched back from r-2.0.0)");
        assertThat(log("web-1")).anySatisfy(l -> assertThat(l).contains("\"action\":\"switch-back\"", "\"release\":\"r-2.0.0\""))
                .anySatisfy(l -> assertThat(l).contains("\"action\":\"mark-bad\"", "\"release\":\"r-2.0.0\""));
        assertThat(LoopbackHosts.root(appRoot, "web-2").resolve(".wheelhouse/lock")).doesNotExist();
    }

    @Test
    void aHostThatDiesMidBatchStopsTheDeployAndTheJournalSaysWhereEachHostIs() throws Exception {
        assertThat(run(deploy("1.0.0", true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        try {
            HostOperation.Result r = run(deploy("1.1.0", true, false), new OperationListener() {
                @Override
                public void stepFinished(long id, int sequence, PlannedStep step, StepStatus status, String output) {
                    if (step.name().equals("batch 2/2 web-2: switch")) {
                        try {
                            hosts.server("web-3").stop(); // web-3 goes away after web-2 has switched
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });

            assertThat(r.operation().outcome()).isEqualTo(Outcome.FAILED);
            assertThat(currents()).containsExactly("r-1.0.0", "r-1.0.0", "r-1.0.0");
            OperationRecord op = journal(r);
            assertThat(step(op, "batch 2/2 web-2: switch").status()).isEqualTo(StepStatus.SUCCEEDED);
            assertThat(step(op, "batch 2/2 web-3: upload").status()).isEqualTo(StepStatus.FAILED);
            assertThat(step(op, "batch 2/2 web-3: upload").output()).startsWith("web-3: ");
            assertThat(step(op, "batch 2/2 web-3: switch").status()).isEqualTo(StepStatus.SKIPPED);
            assertThat(step(op, "batch 2/2: verdict").status()).isEqualTo(StepStatus.FAILED);
            assertThat(step(op, "switch back").output()).contains("web-1: switched back to r-1.0.0", "web-2: switched back to r-1.0.0");
            String record = step(op, "record").output();
            assertThat(record).contains("web-1: on r-1.0.0 (switched back", "web-2: on r-1.0.0 (switched back")
                    .containsPattern("web-3: (on r-1.0.0|release unknown) \\(")
                    .contains("web-3: lock left in place");
        } finally {
            hosts.server("web-3").start();
        }
    }

    @Test
    void aConnectionLostAtTheSwitchLeavesTheHostOnOneReleaseAndTheJournalSaysWhichTwoItCanBe() throws Exception {
        assertThat(run(deploy("1.0.0", true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        try {
            HostOperation.Result r = run(deploy("1.1.0", true, false), new OperationListener() {
                @Override
                public void stepStarted(long id, int sequence, PlannedStep step) {
                    if (step.name().equals("batch 2/2 web-3: switch")) {
                        try {
                            hosts.server("web-3").stop(); // the switch is journaled as started, then its host goes
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                    }
                }
            });

            assertThat(r.operation().outcome()).isEqualTo(Outcome.FAILED);
            assertThat(LoopbackHosts.current(appRoot, "web-3")).isIn("r-1.0.0", "r-1.1.0");
            assertThat(List.of(LoopbackHosts.current(appRoot, "web-1"), LoopbackHosts.current(appRoot, "web-2")))
                    .containsOnly("r-1.0.0");
            OperationRecord op = journal(r);
            assertThat(step(op, "batch 2/2 web-3: switch").status()).isEqualTo(StepStatus.FAILED);
            assertThat(step(op, "batch 2/2 web-3: switch").output())
                    .contains("web-3: ", "unreachable, so it is on either r-1.0.0 or r-1.1.0, never between");
            assertThat(step(op, "record").output())
                    .contains("web-3: release unknown (unreachable: on r-1.0.0 or r-1.1.0, never between)");
        } finally {
            hosts.server("web-3").start();
        }
    }

    @Test
    void anInjectionAttemptIsRefusedBeforeAnythingReachesAHost() throws Exception {
        HostDeployPlanner planner = new HostDeployPlanner(hosts.perHostRoots(), engine.operator());
        assertThatThrownBy(() -> planner.plan(new HostDeployRequest("shop-staging", app(), hosts.refs,
                artifact("x", true), "1.0;rm -rf /", null, null, false)))
                .isInstanceOf(HostOperationRefused.class)
                .hasMessageStartingWith("version '1.0;rm -rf /' may use only letters, digits");
        assertThatThrownBy(() -> planner.plan(new HostDeployRequest("shop-staging", app(), hosts.refs,
                artifact("x", true), "1.0", "$(reboot)", null, false)))
                .isInstanceOf(HostOperationRefused.class).hasMessageContaining("release id '$(reboot)'");
        assertThatThrownBy(() -> new HostRollbackPlanner(hosts.perHostRoots(), engine.operator()).plan(new HostRollbackRequest(
                "shop-staging", app(), hosts.refs, "r1'; touch /tmp/pwned; '", null, false)))
                .isInstanceOf(HostOperationRefused.class);
        assertThat(appRoot).doesNotExist();
        assertThat(history.list(new dev.wheelhouse.core.history.HistoryQuery(null, null, 10))).isEmpty();
    }

    @Test
    void aLockHeldBySomeoneElseStopsTheDeployUntilItIsBrokenWithConfirmation() throws Exception {
        assertThat(run(deploy("1.0.0", true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        Path lock = LoopbackHosts.root(appRoot, "web-2").resolve(".wheelhouse/lock");
        Files.createDirectories(lock);
        long since = Instant.now().minusSeconds(3 * 3600).getEpochSecond();
        Files.writeString(lock.resolve("info"), "bob@elsewhere\n" + since + "\ndeploy 0.9\n");

        HostOperation.Result refused = run(deploy("1.1.0", true, false), null);

        assertThat(refused.operation().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(refused.operation().failure()).startsWith("preflight: web-2: locked by bob@elsewhere since ")
                .contains("(3 h ago) for deploy 0.9", "nothing was changed");
        assertThat(currents()).containsOnly("r-1.0.0");
        assertThat(Files.readString(lock.resolve("info"))).startsWith("bob@elsewhere");
        assertThat(LoopbackHosts.root(appRoot, "web-1").resolve(".wheelhouse/lock")).doesNotExist();

        HostOperation.Result broken = run(deploy("1.1.0", true, true), null);
        assertThat(broken.operation().outcome()).as(broken.operation().failure()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(currents()).containsOnly("r-1.1.0");
        assertThat(step(journal(broken), "lock").output()).contains("web-2: broke the lock held by bob@elsewhere");
        assertThat(log("web-2")).anySatisfy(l -> assertThat(l).contains("\"action\":\"break-lock\"", "bob@elsewhere"));
        assertThat(lock).doesNotExist();
    }

    @Test
    void rollbackGoesToTheChosenOrThePreviousGoodReleaseAndMarksTheAbandonedOneBad() throws Exception {
        for (String v : List.of("1.0.0", "1.1.0", "1.2.0")) {
            assertThat(run(deploy(v, true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
        HostRollbackPlanner planner = new HostRollbackPlanner(hosts.perHostRoots(), engine.operator());
        HostOperation chosen = planner.plan(new HostRollbackRequest("shop-staging", app(), hosts.refs, "r-1.0.0", "incident 7", false));
        assertThat(chosen.fleet().inspect()).isEmpty();
        HostOperation.Result r = run(chosen, null);

        assertThat(r.operation().outcome()).as(r.operation().failure()).isEqualTo(Outcome.SUCCEEDED);
        assertThat(currents()).containsOnly("r-1.0.0");
        OperationRecord op = journal(r);
        assertThat(op.kind()).isEqualTo(OperationKind.ROLLBACK);
        assertThat(op.fromVersion()).isEqualTo("1.2.0");
        assertThat(op.toVersion()).isEqualTo("1.0.0");
        assertThat(step(op, "preflight").output()).contains("web-1: r-1.2.0 (1.2.0) -> r-1.0.0 (1.0.0)");
        assertThat(step(op, "mark bad").output()).contains("web-3: r-1.2.0 marked bad");
        assertThat(log("web-1")).anySatisfy(l -> assertThat(l).contains("\"release\":\"r-1.2.0\"", "\"action\":\"mark-bad\""));

        // Default target: the previous good release before current. From r-1.0.0 there is none
        // older; r-1.1.0 and r-1.2.0 are newer, so nothing is chosen and nothing changes.
        HostOperation.Result none = run(planner.plan(new HostRollbackRequest("shop-staging", app(), hosts.refs, null, null, false)), null);
        assertThat(none.operation().outcome()).isEqualTo(Outcome.FAILED);
        assertThat(none.operation().failure()).contains("web-1: no good release before r-1.0.0 to go back to");
        assertThat(currents()).containsOnly("r-1.0.0");

        assertThat(run(deploy("1.3.0", true, false), null).operation().outcome()).isEqualTo(Outcome.SUCCEEDED);
        // keepReleases 3: the current (r-1.3.0), the previous (r-1.0.0) and the newest other (r-1.2.0) stay.
        try (Stream<Path> releases = Files.list(LoopbackHosts.root(appRoot, "web-1").resolve("releases"))) {
            assertThat(releases.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("r-1.3.0", "r-1.2.0", "r-1.0.0");
        }
        HostOperation.Result back = run(planner.plan(new HostRollbackRequest("shop-staging", app(), hosts.refs, null, null, false)), null);
        assertThat(back.operation().outcome()).as(back.operation().failure()).isEqualTo(Outcome.SUCCEEDED);
        // r-1.2.0 is marked bad, so the previous good release before r-1.3.0 is r-1.0.0.
        assertThat(currents()).containsOnly("r-1.0.0");
        assertThat(step(journal(back), "preflight").output()).contains("web-2: r-1.3.0 (1.3.0) -> r-1.0.0 (1.0.0)");
    }
}
