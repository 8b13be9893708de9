package dev.wheelhouse.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.history.ChainVerification;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2HistoryStoreTest {

    @TempDir
    Path dataDir;

    // ------------------------------------------------------------------ round trip

    @Test
    void startStepsAndFinishRoundTripEveryField() {
        Instant t0 = Instant.parse("2026-03-01T10:15:30.123456789Z");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir, new SteppingClock(t0, Duration.ofSeconds(1)))) {
            long id = store.startOperation(new OperationStart(OperationKind.ROLLBACK, "production",
                    "billing", "deployment/billing-api", "2.4.1", "2.4.0", "ana@laptop",
                    "INC-4711 error rate above 5%"));
            int preflight = store.startStep(id, "preflight");
            store.finishStep(id, preflight, StepStatus.SUCCEEDED, "revision 7 found\nready: 3/3");
            int execute = store.startStep(id, "execute");
            store.finishStep(id, execute, StepStatus.FAILED, null);
            store.finishOperation(id, Outcome.FAILED);

            OperationRecord op = store.operation(id).orElseThrow();
            assertThat(op.id()).isEqualTo(id);
            assertThat(op.kind()).isEqualTo(OperationKind.ROLLBACK);
            assertThat(op.environment()).isEqualTo("production");
            assertThat(op.application()).isEqualTo("billing");
            assertThat(op.target()).isEqualTo("deployment/billing-api");
            assertThat(op.fromVersion()).isEqualTo("2.4.1");
            assertThat(op.toVersion()).isEqualTo("2.4.0");
            assertThat(op.operator()).isEqualTo("ana@laptop");
            assertThat(op.reason()).isEqualTo("INC-4711 error rate above 5%");
            assertThat(op.outcome()).isEqualTo(Outcome.FAILED);
            // Stored at microsecond precision: the nanoseconds 789 are dropped, nothing else.
            assertThat(op.started()).isEqualTo(Instant.parse("2026-03-01T10:15:30.123456Z"));
            assertThat(op.finished()).isEqualTo(Instant.parse("2026-03-01T10:15:35.123456Z"));
            assertThat(op.steps()).containsExactly(
                    new StepRecord(id, 1, "preflight", Instant.parse("2026-03-01T10:15:31.123456Z"),
                            Instant.parse("2026-03-01T10:15:32.123456Z"), StepStatus.SUCCEEDED,
                            "revision 7 found\nready: 3/3"),
                    new StepRecord(id, 2, "execute", Instant.parse("2026-03-01T10:15:33.123456Z"),
                            Instant.parse("2026-03-01T10:15:34.123456Z"), StepStatus.FAILED, null));
            assertThat(store.operation(id + 1)).isEmpty();
        }
    }

    @Test
    void optionalFieldsMayBeNullAndOperationKindsRoundTrip() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            for (OperationKind kind : OperationKind.values()) {
                long id = store.startOperation(new OperationStart(kind, null, null, null, null, null, null, null));
                OperationRecord op = store.operation(id).orElseThrow();
                assertThat(op.kind()).isEqualTo(kind);
                assertThat(op.environment()).isNull();
                assertThat(op.reason()).isNull();
                assertThat(op.outcome()).isEqualTo(Outcome.RUNNING);
                assertThat(op.finished()).isNull();
                assertThat(op.steps()).isEmpty();
            }
        }
    }

    // ------------------------------------------------------------------ listing

    @Test
    void listIsNewestFirstWithEnvironmentAndApplicationFiltersAndLimit() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            long a = store.startOperation(start("staging", "web"));
            long b = store.startOperation(start("production", "web"));
            long c = store.startOperation(start("production", "billing"));
            long d = store.startOperation(start("staging", "billing"));
            long e = store.startOperation(start("production", "web"));
            int step = store.startStep(b, "preflight");

            assertThat(ids(store.list(HistoryQuery.all()))).containsExactly(e, d, c, b, a);
            assertThat(ids(store.list(new HistoryQuery("production", null, 50)))).containsExactly(e, c, b);
            assertThat(ids(store.list(new HistoryQuery(null, "billing", 50)))).containsExactly(d, c);
            assertThat(ids(store.list(new HistoryQuery("production", "web", 50)))).containsExactly(e, b);
            assertThat(ids(store.list(new HistoryQuery(null, null, 2)))).containsExactly(e, d);
            assertThat(ids(store.list(new HistoryQuery("development", null, 50)))).isEmpty();
            // Listed operations carry their steps.
            OperationRecord listedB = store.list(new HistoryQuery("production", "web", 50)).get(1);
            assertThat(listedB.steps()).extracting(StepRecord::sequence, StepRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple(step, StepStatus.STARTED));
        }
    }

    @Test
    void listRejectsANonPositiveLimit() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThatThrownBy(() -> store.list(new HistoryQuery(null, null, 0)))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("limit");
        }
    }

    // ------------------------------------------------------------------ crash honesty

    @Test
    void anOperationLeftUnfinishedReadsAsRunningWithItsStepStarted() {
        long id;
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            id = store.startOperation(start("production", "web"));
            int preflight = store.startStep(id, "preflight");
            store.finishStep(id, preflight, StepStatus.SUCCEEDED, "ok");
            store.startStep(id, "execute");
            // closed without finishing the step or the operation, as if the process died
        }
        try (H2HistoryStore reopened = H2HistoryStore.open(dataDir)) {
            OperationRecord op = reopened.operation(id).orElseThrow();
            assertThat(op.outcome()).isEqualTo(Outcome.RUNNING);
            assertThat(op.finished()).isNull();
            assertThat(op.steps()).extracting(StepRecord::name, StepRecord::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("preflight", StepStatus.SUCCEEDED),
                            org.assertj.core.groups.Tuple.tuple("execute", StepStatus.STARTED));
            assertThat(op.steps().get(1).finished()).isNull();
            assertThat(reopened.verify().intact()).isTrue();
        }
    }

    // ------------------------------------------------------------------ chain

    @Test
    void verifyOnAnEmptyHistoryChecksNothing() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(0));
        }
    }

    @Test
    void verifyCountsEveryJournalRecord() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            writeOperations(store, 3, 2); // each: start + 2 x (step start, step finish) + finish = 6
            store.startOperation(start("staging", "web")); // 1 more, still running
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(3 * 6 + 1));
        }
    }

    @Test
    void anUpdatedStepFieldIsNamedAsThatStep() throws SQLException {
        writeAndClose(4, 2);
        execute("UPDATE journal SET output = 'all good' WHERE operation_id = 3 AND step_seq = 2 "
                + "AND entry = 'STEP_FINISHED'");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("step 3/2");
            assertThat(v.detail()).contains("record 17 (step 3/2 finished)").contains("altered");
            assertThat(v.recordsChecked()).isEqualTo(16);
        }
    }

    @Test
    void anUpdatedOperationFieldIsNamedAsThatOperation() throws SQLException {
        writeAndClose(4, 2);
        execute("UPDATE journal SET environment = 'staging' WHERE operation_id = 2 AND entry = 'OPERATION_STARTED'");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("operation 2");
            assertThat(v.detail()).contains("record 7 (operation 2 started)");
        }
    }

    @Test
    void anUpdatedTimestampIsDetected() throws SQLException {
        writeAndClose(3, 1);
        execute("UPDATE journal SET recorded_at = DATEADD(MICROSECOND, 1, recorded_at) WHERE seq = 6");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("step 2/1");
            assertThat(v.detail()).contains("record 6 (step 2/1 started)");
        }
    }

    @Test
    void anAlteredRecordWithARecomputedHashBreaksTheLinkOfTheNextRecord() throws Exception {
        writeAndClose(3, 1); // records 1-4 op 1, 5-8 op 2, 9-12 op 3
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE journal SET step_status = 'FAILED' WHERE seq = 7")).isEqualTo(1);
            JournalEntry forged;
            try (ResultSet rs = s.executeQuery("SELECT * FROM journal WHERE seq = 7")) {
                rs.next();
                forged = new JournalEntry(7, EntryType.valueOf(rs.getString("entry")), rs.getLong("operation_id"),
                        rs.getObject("step_seq", Integer.class),
                        rs.getObject("recorded_at", java.time.OffsetDateTime.class).toInstant(),
                        null, null, null, null, null, null, null, null, null, rs.getString("step_status"),
                        null, rs.getString("output"), rs.getString("prev_hash"), null, null);
            }
            s.executeUpdate("UPDATE journal SET hash = '" + ChainHash.of(forged) + "' WHERE seq = 7");
        }
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("operation 2");
            assertThat(v.detail()).contains("record 8 (operation 2 finished) is not linked")
                    .contains("record 7 (step 2/1 finished)");
        }
    }

    @Test
    void aDeletedMiddleRecordIsReportedWhereTheGapIs() throws SQLException {
        writeAndClose(4, 2);
        execute("DELETE FROM journal WHERE seq = 10");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("record 10");
            assertThat(v.detail()).contains("record 10 is missing")
                    .contains("record 9 (step 2/1 finished) is followed by record 11");
            assertThat(v.recordsChecked()).isEqualTo(9);
        }
    }

    @Test
    void aDeletedFirstRecordIsReported() throws SQLException {
        writeAndClose(2, 1);
        execute("DELETE FROM journal WHERE seq = 1");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("record 1");
        }
    }

    @Test
    void aDeletedLastRecordIsCaughtByTheChainHead() throws SQLException {
        writeAndClose(3, 1);
        execute("DELETE FROM journal WHERE seq = 12");
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("record 12");
            assertThat(v.detail()).contains("ends at record 12").contains("ends at record 11");
        }
    }

    @Test
    void reopeningAnExistingFileRerunsFlywayHarmlesslyAndContinuesTheChain() throws SQLException {
        writeAndClose(2, 1);
        long third;
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThat(store.list(HistoryQuery.all())).hasSize(2);
            third = store.startOperation(start("staging", "web"));
            assertThat(third).isEqualTo(3);
        }
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThat(ids(store.list(HistoryQuery.all()))).containsExactly(3L, 2L, 1L);
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(2 * 4 + 1));
        }
        try (Connection c = rawConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT COUNT(*), MIN(\"version\"), "
                     + "MIN(CAST(\"success\" AS INT)) FROM \"flyway_schema_history\" WHERE \"type\" = 'SQL'")) {
            rs.next();
            assertThat(rs.getInt(1)).as("each migration applied once").isEqualTo(2);
            assertThat(rs.getString(2)).isEqualTo("1");
            assertThat(rs.getInt(3)).isEqualTo(1);
        }
        assertThat(dataDir.resolve(H2HistoryStore.FILE_NAME)).isRegularFile();
    }

    @Test
    void aMissingDataDirectoryIsCreated() {
        Path nested = dataDir.resolve("a/b/wheelhouse");
        try (H2HistoryStore store = H2HistoryStore.open(nested)) {
            store.startOperation(start("dev", "web"));
            assertThat(store.file()).isEqualTo(nested.toAbsolutePath().resolve("history.mv.db"));
        }
        assertThat(nested.resolve("history.mv.db")).isRegularFile();
    }

    // ------------------------------------------------------------------ validation

    @Test
    void anOperationWithoutKindIsRejectedClearly() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThatThrownBy(() -> store.startOperation(
                    new OperationStart(null, "production", "web", null, null, null, null, null)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("without a kind");
            assertThatThrownBy(() -> store.startOperation(null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(0));
        }
    }

    @Test
    void writesThatDoNotFitTheRecordAreRejectedWithoutTouchingTheChain() {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            long id = store.startOperation(start("production", "web"));
            int step = store.startStep(id, "preflight");

            assertThatThrownBy(() -> store.startStep(id, " "))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("without a name");
            assertThatThrownBy(() -> store.startStep(99, "preflight"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("There is no operation 99 in the history");
            assertThatThrownBy(() -> store.finishStep(id, 5, StepStatus.SUCCEEDED, null))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no step 1/5");
            assertThatThrownBy(() -> store.finishStep(id, step, StepStatus.STARTED, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.finishStep(id, step, null, null))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.finishOperation(id, Outcome.RUNNING))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.finishOperation(42, Outcome.SUCCEEDED))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.startOperation(new OperationStart(OperationKind.DEPLOY,
                    "production", "web", null, null, null, null, "x".repeat(4001))))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reason");

            store.finishStep(id, step, StepStatus.SUCCEEDED, "ok");
            assertThatThrownBy(() -> store.finishStep(id, step, StepStatus.FAILED, "again"))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished (SUCCEEDED)");
            store.finishOperation(id, Outcome.SUCCEEDED);
            assertThatThrownBy(() -> store.finishOperation(id, Outcome.FAILED))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("already finished");
            assertThatThrownBy(() -> store.startStep(id, "late"))
                    .isInstanceOf(IllegalStateException.class);

            // Only the four accepted writes are in the chain, and the store still works.
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(4));
            assertThat(store.operation(id).orElseThrow().outcome()).isEqualTo(Outcome.SUCCEEDED);
        }
    }

    @Test
    void runawayOutputIsBoundedKeepingHeadAndTail() {
        String head = "HEAD-" + "a".repeat(10_000);
        String tail = "b".repeat(10_000) + "-TAIL";
        String huge = head + "é".repeat(500_000) + tail; // about 1 MB of UTF-8
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            long id = store.startOperation(start("production", "web"));
            int step = store.startStep(id, "watch");
            store.finishStep(id, step, StepStatus.FAILED, huge);
            String stored = store.operation(id).orElseThrow().steps().getFirst().output();

            assertThat(stored.getBytes(StandardCharsets.UTF_8).length)
                    .isLessThanOrEqualTo(H2HistoryStore.MAX_OUTPUT_BYTES);
            assertThat(stored).startsWith(head).endsWith(tail).contains("bytes of output left out by the history");
            assertThat(store.verify().intact()).isTrue();
        }
        assertThat(H2HistoryStore.boundOutput("short")).isEqualTo("short");
        String exactlyAtLimit = "x".repeat(H2HistoryStore.MAX_OUTPUT_BYTES);
        assertThat(H2HistoryStore.boundOutput(exactlyAtLimit)).isSameAs(exactlyAtLimit);
        assertThat(H2HistoryStore.boundOutput(exactlyAtLimit + "y")).contains("left out");
        // A surrogate pair is never cut in half.
        String emoji = "\uD83D\uDE80".repeat(40_000);
        String bounded = H2HistoryStore.boundOutput(emoji);
        assertThat(bounded.replaceAll("\n\\[\\.\\.\\. .* \\.\\.\\.]\n", "")).matches("(\uD83D\uDE80)+");
    }

    @Test
    void aClosedStoreRefusesWork() {
        H2HistoryStore store = H2HistoryStore.open(dataDir);
        store.close();
        store.close(); // twice is fine
        assertThatThrownBy(() -> store.startOperation(start("dev", "web")))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("closed");
    }

    // ------------------------------------------------------------------ unusable file

    @Test
    void aDamagedFileGivesAClearMessageNamingIt() throws Exception {
        Path file = dataDir.resolve("history.mv.db");
        byte[] junk = new byte[64 * 1024];
        new java.util.Random(7).nextBytes(junk);
        Files.write(file, junk);
        assertThatThrownBy(() -> H2HistoryStore.open(dataDir))
                .isInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("damaged")
                .hasMessageContaining("Move the file aside")
                .satisfies(e -> assertThat(((HistoryUnavailableException) e).file()).isEqualTo(file));
        assertThat(Files.readAllBytes(file)).as("the damaged file is left as it was").isEqualTo(junk);
    }

    @Test
    void aDataDirectoryThatIsAFileGivesAClearMessage() throws Exception {
        Path notADir = Files.writeString(dataDir.resolve("plain-file"), "x");
        assertThatThrownBy(() -> H2HistoryStore.open(notADir))
                .isInstanceOf(HistoryUnavailableException.class)
                .hasMessageContaining(notADir.toString())
                .hasMessageContaining("--data-dir");
    }

    // ------------------------------------------------------------------ threads

    @Test
    void concurrentWritersInOneProcessKeepOneUnforkedChain() throws Exception {
        int threads = 8;
        int perThread = 10;
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ConcurrentLinkedQueue<Long> ids = new ConcurrentLinkedQueue<>();
            List<Future<?>> futures = new ArrayList<>();
            try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
                for (int t = 0; t < threads; t++) {
                    String env = "env-" + t;
                    futures.add(pool.submit(() -> {
                        for (int i = 0; i < perThread; i++) {
                            long id = store.startOperation(start(env, "web"));
                            int step = store.startStep(id, "execute");
                            store.list(new HistoryQuery(env, null, 3));
                            store.finishStep(id, step, StepStatus.SUCCEEDED, "done " + i);
                            store.finishOperation(id, Outcome.SUCCEEDED);
                            ids.add(id);
                        }
                        return null;
                    }));
                }
                for (Future<?> f : futures) {
                    f.get();
                }
            }
            Set<Long> unique = new HashSet<>(ids);
            assertThat(unique).hasSize(threads * perThread);
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(threads * perThread * 4L));
            assertThat(store.list(new HistoryQuery(null, null, 1000)))
                    .hasSize(threads * perThread)
                    .allSatisfy(op -> {
                        assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
                        assertThat(op.steps()).singleElement().extracting(StepRecord::status)
                                .isEqualTo(StepStatus.SUCCEEDED);
                    });
        }
    }

    @Test
    void anOperationNamesTheOperationItFollowsFromAndTheLinkIsInTheChain() throws Exception {
        long deploy;
        long rollback;
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            deploy = store.startOperation(start("production", "web"));
            store.finishOperation(deploy, Outcome.FAILED);
            rollback = store.startOperation(new OperationStart(OperationKind.ROLLBACK, "production", "web",
                    "deployment/web", "1.1.0", "1.0.0", "ana@laptop", "automatic rollback", deploy));
            store.finishOperation(rollback, Outcome.SUCCEEDED);
            assertThat(store.operation(deploy).orElseThrow().linkedTo()).isNull();
            assertThat(store.operation(rollback).orElseThrow().linkedTo()).isEqualTo(deploy);
            assertThat(store.verify().intact()).isTrue();
        }
        // The link is covered by the hash: pointing the rollback at another operation shows.
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate("UPDATE journal SET linked_to = 99 WHERE operation_id = " + rollback
                    + " AND entry = 'OPERATION_STARTED'")).isEqualTo(1);
        }
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            ChainVerification v = store.verify();
            assertThat(v.intact()).isFalse();
            assertThat(v.firstBadRecord()).isEqualTo("operation " + rollback);
        }
    }

    @Test
    void theSchemaVersionSkippedOnReopenIsTheNewestMigration() throws Exception {
        try (var files = Files.list(Path.of("src/main/resources/db/history"))) {
            int newest = files.map(f -> f.getFileName().toString()).filter(n -> n.matches("V\\d+__.*\\.sql"))
                    .mapToInt(n -> Integer.parseInt(n.substring(1, n.indexOf("__")))).max().orElseThrow();
            assertThat(H2HistoryStore.SCHEMA_VERSION).isEqualTo(Integer.toString(newest));
        }
        H2HistoryStore.open(dataDir).close();
        try (Connection c = rawConnection()) {
            assertThat(H2HistoryStore.upToDate(c)).isTrue();
        }
    }

    // ------------------------------------------------------------------ helpers

    static OperationStart start(String environment, String application) {
        return new OperationStart(OperationKind.DEPLOY, environment, application,
                "deployment/" + application, "1.0.0", "1.1.0", "ana@laptop", "CHG-1");
    }

    private static List<Long> ids(List<OperationRecord> ops) {
        return ops.stream().map(OperationRecord::id).toList();
    }

    /** Operations 1..count in environment production, each with stepsEach finished steps. */
    private static void writeOperations(H2HistoryStore store, int count, int stepsEach) {
        for (int i = 0; i < count; i++) {
            long id = store.startOperation(start("production", "web"));
            for (int s = 0; s < stepsEach; s++) {
                int seq = store.startStep(id, "step-" + s);
                store.finishStep(id, seq, StepStatus.SUCCEEDED, "output " + id + "/" + seq);
            }
            store.finishOperation(id, Outcome.SUCCEEDED);
        }
    }

    private void writeAndClose(int count, int stepsEach) {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            writeOperations(store, count, stepsEach);
            assertThat(store.verify().intact()).isTrue();
        }
    }

    private Connection rawConnection() throws SQLException {
        return DriverManager.getConnection("jdbc:h2:file:" + dataDir.resolve("history").toAbsolutePath()
                + ";AUTO_SERVER=TRUE", H2HistoryStore.USER, "");
    }

    private void execute(String sql) throws SQLException {
        try (Connection c = rawConnection(); Statement s = c.createStatement()) {
            assertThat(s.executeUpdate(sql)).as("rows changed by: " + sql).isEqualTo(1);
        }
    }

    /** A clock that moves forward by a fixed step each time it is read. */
    private static final class SteppingClock extends Clock {
        private final AtomicLong reads = new AtomicLong();
        private final Instant start;
        private final Duration step;

        SteppingClock(Instant start, Duration step) {
            this.start = start;
            this.step = step;
        }

        @Override
        public Instant instant() {
            return start.plus(step.multipliedBy(reads.getAndIncrement()));
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
