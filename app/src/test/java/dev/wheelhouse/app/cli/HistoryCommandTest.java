package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.RunMarkers;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wheelhouse history` over a real H2 history file written by the real store. */
class HistoryCommandTest {
    @TempDir
    Path dir;

    @BeforeEach
    void journalThreeOperations() {
        try (H2HistoryStore history = H2HistoryStore.open(dir)) {
            long deploy = history.startOperation(new OperationStart(OperationKind.DEPLOY, "shop-staging", "checkout",
                    "Deployment/checkout", "1.4.0", "1.5.0", "ana@laptop", "TICKET-12, \"quoted\" reason"));
            int step = history.startStep(deploy, "preflight");
            history.finishStep(deploy, step, StepStatus.SUCCEEDED, "ok");
            history.finishOperation(deploy, Outcome.SUCCEEDED);

            long rollback = history.startOperation(new OperationStart(OperationKind.ROLLBACK, "shop-prod", "checkout",
                    "Deployment/checkout", "1.5.0", "1.4.0", "bo@laptop", "INC-7"));
            history.finishOperation(rollback, Outcome.FAILED);

            history.startOperation(new OperationStart(OperationKind.RESTART, "shop-prod", "cart",
                    "Deployment/cart", null, null, "bo@laptop", null));
        }
    }

    @Test
    void tableListsNewestFirstWithVersionsAndOutcome() {
        CliRun run = CliRun.of("history", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines).hasSize(4);
        assertThat(lines[0]).startsWith("ID").contains("KIND", "OUTCOME", "OPERATOR");
        // Journaled as running by a writer that left no run marker: nothing says it died.
        assertThat(lines[1]).contains("restart", "shop-prod", "cart", "running");
        assertThat(lines[2]).contains("rollback", "1.5.0 -> 1.4.0", "failed", "INC-7");
        assertThat(lines[3]).contains("deploy", "1.4.0 -> 1.5.0", "succeeded", "ana@laptop");
    }

    @Test
    void anOperationWhoseProcessLeftItsMarkUnheldIsInterruptedAtItsLastStep() throws Exception {
        // What a killed process leaves: its run marker file, no longer locked by anyone.
        java.nio.file.Files.createDirectories(dir.resolve("running"));
        java.nio.file.Files.writeString(dir.resolve("running").resolve("3.lock"), "4242\n");
        String[] lines = CliRun.of("history", "--data-dir", dir.toString()).out().split("\n");
        assertThat(lines).hasSize(5);
        assertThat(lines[1]).contains("restart", "cart", "interrupted at its start");
        assertThat(lines[4]).startsWith("1 interrupted: its process ended mid-operation; `wheelhouse history recheck ID`");
    }

    @Test
    void anOperationALiveProcessRunsIsRunningNotInterrupted() throws Exception {
        RunMarkers markers = RunMarkers.in(dir);
        markers.running(3);
        try {
            CliRun run = CliRun.of("history", "--data-dir", dir.toString(), "--format", "json", "--app", "cart");
            JsonNode op = new ObjectMapper().readTree(run.out()).get(0);
            assertThat(op.get("outcome").asText()).isEqualTo("running");
            assertThat(op.get("interruptedAt").isNull()).isTrue();
            assertThat(CliRun.of("history", "--data-dir", dir.toString()).out()).doesNotContain("interrupted");
        } finally {
            markers.finished(3);
        }
        JsonNode after = new ObjectMapper().readTree(CliRun.of("history", "--data-dir", dir.toString(), "--format", "json",
                "--app", "cart").out()).get(0);
        assertThat(after.get("interruptedAt").isNull()).as("finished normally: no mark left").isTrue();
    }

    @Test
    void filtersByEnvironmentAndApplicationAndLimits() {
        CliRun prod = CliRun.of("history", "--data-dir", dir.toString(), "--env", "shop-prod", "--app", "checkout");
        assertThat(prod.out().split("\n")).hasSize(2);
        assertThat(prod.out()).contains("rollback").doesNotContain("restart", "deploy");

        CliRun limited = CliRun.of("history", "--data-dir", dir.toString(), "--limit", "1");
        assertThat(limited.out().split("\n")).hasSize(2);
        assertThat(limited.out()).contains("restart");

        CliRun bad = CliRun.of("history", "--data-dir", dir.toString(), "--limit", "0");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.err()).contains("--limit must be at least 1");
    }

    @Test
    void jsonCarriesStepsAndCsvQuotesFreeText() throws Exception {
        CliRun json = CliRun.of("history", "--data-dir", dir.toString(), "--format", "json", "--app", "checkout", "--env", "shop-staging");
        assertThat(json.exitCode()).as(json.err()).isZero();
        JsonNode ops = new ObjectMapper().readTree(json.out());
        assertThat(ops).hasSize(1);
        assertThat(ops.get(0).get("kind").asText()).isEqualTo("deploy");
        assertThat(ops.get(0).get("steps").get(0).get("name").asText()).isEqualTo("preflight");
        assertThat(ops.get(0).get("steps").get(0).get("status").asText()).isEqualTo("succeeded");

        CliRun csv = CliRun.of("history", "--data-dir", dir.toString(), "--format", "csv");
        String[] rows = csv.out().split("\n");
        assertThat(rows[0]).isEqualTo("id,kind,environment,application,target,fromVersion,toVersion,operator,reason,started,finished,outcome,interruptedAt,linkedTo,steps");
        assertThat(rows).hasSize(4);
        assertThat(rows[3]).contains("\"TICKET-12, \"\"quoted\"\" reason\"");
    }

    @Test
    void verifyCountsTheRecordsAndExitsOneNamingATamperedRecord() throws Exception {
        CliRun intact = CliRun.of("history", "verify", "--data-dir", dir.toString());
        assertThat(intact.exitCode()).as(intact.err()).isZero();
        assertThat(intact.out()).contains("history intact: 7 records checked");

        try (Connection c = DriverManager.getConnection(
                        "jdbc:h2:file:" + dir.resolve("history") + ";AUTO_SERVER=TRUE", "wheelhouse", "");
                Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE journal SET to_version = '9.9.9' WHERE entry = 'OPERATION_STARTED' AND operation_id = 2"))
                    .isEqualTo(1);
        }

        CliRun broken = CliRun.of("history", "verify", "--data-dir", dir.toString());
        assertThat(broken.exitCode()).isEqualTo(1);
        assertThat(broken.err()).startsWith("history broken at operation 2");
    }
}
