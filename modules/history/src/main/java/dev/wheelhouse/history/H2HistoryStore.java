package dev.wheelhouse.history;

import dev.wheelhouse.core.history.ChainVerification;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The history of operations in an H2 file ({@value #FILE_NAME} in the data directory), with its
 * schema kept by Flyway migrations in {@code db/history}.
 *
 * <p><b>Design: an append-only, hash-chained journal.</b> Operations and steps are finished after
 * they are started, so instead of rows that get updated (and would break any hash taken over
 * them), each fact is its own row in {@code journal}: an operation started, a step started, a
 * step finished, an operation finished. Rows are never updated or deleted. Every row carries a
 * global sequence number, the previous row's hash and a SHA-256 over its own canonical content
 * plus that previous hash ({@link ChainHash}), so {@link #verify()} can recompute the whole chain
 * and name the first row that was altered, removed or relinked. The views {@code operations} and
 * {@code steps} derive the current state (RUNNING until a finish row exists; STARTED until a step
 * finish row exists), which is also what a crash leaves behind, honestly.
 *
 * <p><b>Writers never fork the chain.</b> Each append runs in one transaction that first locks the
 * single {@code chain_head} row ({@code SELECT ... FOR UPDATE}), so appends are serialized across
 * threads, connections and processes; the row and the new head are committed together, and each
 * method returns only after its commit reached the file ({@code WRITE_DELAY=0}), before the step
 * it records runs.
 *
 * <p><b>Several processes.</b> The file is opened with H2's {@code AUTO_SERVER=TRUE}: the first
 * process opens it embedded and serves it on a loopback port (advertised in
 * {@code history.lock.db}); others connect to that port, and take over if it exits. If the file is
 * held by a program that does not share it, or is damaged, the store throws
 * {@link HistoryUnavailableException} naming the file and what to do.
 *
 * <p><b>Threads.</b> Safe for concurrent use: each call borrows its own connection from a small
 * pool. All methods block on disk or loopback I/O: never call them on the FX thread.
 *
 * <p><b>Secrets.</b> The store writes what it is given, in a plain file operators share. Callers
 * must never pass a secret (token, password, key, kubeconfig content) in any field or in step
 * output. Step output is never logged here.
 */
public final class H2HistoryStore implements HistoryStore {

    /** The database file in the data directory. */
    public static final String FILE_NAME = "history.mv.db";

    /** Step output above this many UTF-8 bytes keeps its head and tail around a marker. */
    public static final int MAX_OUTPUT_BYTES = 64 * 1024;

    static final int MAX_TEXT_LENGTH = 1000;
    static final int MAX_REASON_LENGTH = 4000;
    static final String USER = "wheelhouse";
    static final int LOCK_TIMEOUT_MILLIS = 10_000;
    static final String MIGRATIONS = "classpath:db/history";
    /** The newest migration in {@link #MIGRATIONS}; H2HistoryStoreTest keeps the two in step. */
    static final String SCHEMA_VERSION = "2";

    private static final int MAX_IDLE_CONNECTIONS = 4;
    private static final int OUTPUT_MARKER_RESERVE = 200;
    private static final Logger log = LoggerFactory.getLogger(H2HistoryStore.class);

    static {
        // AUTO_SERVER serves the file to our other processes on this machine only; H2 would
        // otherwise listen on every interface. Read once by H2, so set before it loads.
        if (System.getProperty("h2.bindAddress") == null) {
            System.setProperty("h2.bindAddress", "127.0.0.1");
        }
    }

    private final Path file;
    private final Clock clock;
    private final ConnectionPool pool;

    private H2HistoryStore(Path file, Clock clock, ConnectionPool pool) {
        this.file = file;
        this.clock = clock;
        this.pool = pool;
    }

    /**
     * Opens (creating if needed) the history in {@code dataDir} and brings its schema up to date.
     *
     * @throws HistoryUnavailableException if the directory or file cannot be used
     */
    public static H2HistoryStore open(Path dataDir) {
        return open(dataDir, Clock.systemUTC());
    }

    static H2HistoryStore open(Path dataDir, Clock clock) {
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(clock, "clock");
        Path dir = dataDir.toAbsolutePath().normalize();
        Path file = dir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new HistoryUnavailableException(file, "Cannot open the history: the directory "
                    + dir + " cannot be created (" + e.getMessage() + "). Choose a writable data "
                    + "directory (--data-dir).", e);
        }
        String base = dir.resolve("history").toString();
        if (base.contains(";")) {
            throw new HistoryUnavailableException(file, "Cannot open the history: its path "
                    + "contains ';', which H2 cannot open. File: " + file + ". Choose a data "
                    + "directory without ';' (--data-dir).", null);
        }
        JdbcDataSource source = new JdbcDataSource();
        // WRITE_DELAY=0: each commit reaches the file before the call returns, so a process
        // killed right after (HistoryTwoProcessesTest) still leaves the record behind.
        source.setURL("jdbc:h2:file:" + base + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;LOCK_TIMEOUT="
                + LOCK_TIMEOUT_MILLIS);
        source.setUser(USER);
        source.setPassword("");
        ConnectionPool pool = new ConnectionPool(source, MAX_IDLE_CONNECTIONS);
        try {
            // Hold a connection while Flyway opens and closes its own, so the file stays open.
            Connection keeper = pool.borrow();
            try {
                if (!upToDate(keeper)) {
                    migrate(source);
                }
                long records = lastSeq(keeper);
                log.info("History opened: {} ({} journal records)", file, records);
            } finally {
                pool.release(keeper, true);
            }
        } catch (SQLException | RuntimeException e) {
            pool.close();
            log.warn("Cannot open the history {}", file, e);
            throw Failures.unavailable(file, "open the history", e);
        }
        return new H2HistoryStore(file, clock, pool);
    }

    private static void migrate(JdbcDataSource source) {
        Flyway.configure(H2HistoryStore.class.getClassLoader())
                .dataSource(source)
                .locations(MIGRATIONS)
                .failOnMissingLocations(true)
                .load()
                .migrate();
    }

    /**
     * Whether the file already has the newest schema. Starting Flyway costs a second or more (it
     * scans the class path), which every headless command would pay on every run; a file at the
     * newest version needs none of it.
     */
    static boolean upToDate(Connection c) {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM \"flyway_schema_history\" "
                + "WHERE \"success\" AND \"version\" = ?")) {
            ps.setString(1, SCHEMA_VERSION);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getInt(1) == 1;
            }
        } catch (SQLException e) {
            return false; // a new file: no schema history yet
        }
    }

    private static long lastSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT last_seq FROM chain_head WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** The database file, for messages. */
    public Path file() {
        return file;
    }

    // ---------------------------------------------------------------- writes

    @Override
    public long startOperation(OperationStart start) {
        if (start == null) {
            throw new IllegalArgumentException("Cannot start an operation without its details (got null)");
        }
        if (start.kind() == null) {
            throw new IllegalArgumentException("Cannot start an operation without a kind "
                    + "(deploy, rollback, restart, scale, promote or workspace-edit)");
        }
        String kind = start.kind().id();
        String environment = text("environment", start.environment(), MAX_TEXT_LENGTH);
        String application = text("application", start.application(), MAX_TEXT_LENGTH);
        String target = text("target", start.target(), MAX_TEXT_LENGTH);
        String fromVersion = text("from version", start.fromVersion(), MAX_TEXT_LENGTH);
        String toVersion = text("to version", start.toVersion(), MAX_TEXT_LENGTH);
        String operator = text("operator", start.operator(), MAX_TEXT_LENGTH);
        String reason = text("reason", start.reason(), MAX_REASON_LENGTH);
        return inTransaction("record the start of an operation", c -> {
            Appender journal = new Appender(c);
            long id = journal.nextOperationId();
            journal.append(JournalEntry.operationStarted(id, kind, environment, application,
                    target, fromVersion, toVersion, operator, reason, start.linkedTo()));
            return id;
        });
    }

    @Override
    public int startStep(long operationId, String name) {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Cannot start a step of operation " + operationId
                    + " without a name");
        }
        String stepName = text("step name", name, MAX_TEXT_LENGTH);
        return inTransaction("record the start of a step of operation " + operationId, c -> {
            Appender journal = new Appender(c);
            String outcome = journal.outcome(operationId);
            if (outcome == null) {
                throw new IllegalArgumentException("There is no operation " + operationId + " in the history");
            }
            if (!Outcome.RUNNING.name().equals(outcome)) {
                throw new IllegalStateException("Operation " + operationId + " is already finished ("
                        + outcome + "); no step can be added to it");
            }
            int sequence = journal.lastStepSeq(operationId) + 1;
            journal.append(JournalEntry.stepStarted(operationId, sequence, stepName));
            return sequence;
        });
    }

    @Override
    public void finishStep(long operationId, int sequence, StepStatus status, String output) {
        if (status == null || status == StepStatus.STARTED) {
            throw new IllegalArgumentException("Step " + operationId + "/" + sequence
                    + " must finish as SUCCEEDED, FAILED, SKIPPED or CANCELLED (got " + status + ")");
        }
        String bounded = boundOutput(output);
        inTransaction("record the end of step " + operationId + "/" + sequence, c -> {
            Appender journal = new Appender(c);
            String current = journal.stepStatus(operationId, sequence);
            if (current == null) {
                throw new IllegalArgumentException("There is no step " + operationId + "/" + sequence
                        + " in the history");
            }
            if (!StepStatus.STARTED.name().equals(current)) {
                throw new IllegalStateException("Step " + operationId + "/" + sequence
                        + " is already finished (" + current + ")");
            }
            journal.append(JournalEntry.stepFinished(operationId, sequence, status.name(), bounded));
            return null;
        });
    }

    @Override
    public void finishOperation(long operationId, Outcome outcome) {
        if (outcome == null || outcome == Outcome.RUNNING) {
            throw new IllegalArgumentException("Operation " + operationId + " must finish as "
                    + "SUCCEEDED, FAILED, CANCELLED or ROLLED_BACK (got " + outcome + ")");
        }
        inTransaction("record the end of operation " + operationId, c -> {
            Appender journal = new Appender(c);
            String current = journal.outcome(operationId);
            if (current == null) {
                throw new IllegalArgumentException("There is no operation " + operationId + " in the history");
            }
            if (!Outcome.RUNNING.name().equals(current)) {
                throw new IllegalStateException("Operation " + operationId + " is already finished (" + current + ")");
            }
            journal.append(JournalEntry.operationFinished(operationId, outcome.name()));
            return null;
        });
    }

    /** Appends to the chain within one transaction that holds the chain head's row lock. */
    private final class Appender {
        private final Connection c;
        private long lastSeq;
        private String lastHash;

        Appender(Connection c) throws SQLException {
            this.c = c;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM chain_head WHERE id = 1 FOR UPDATE");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new SQLException("the chain_head row is missing");
                }
                lastSeq = rs.getLong(1);
                lastHash = rs.getString(2);
            }
        }

        long nextOperationId() throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT COALESCE(MAX(operation_id), 0) + 1 FROM journal");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }

        /** RUNNING, the outcome, or null if no such operation. */
        String outcome(long operationId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT outcome FROM operations WHERE id = ?")) {
                ps.setLong(1, operationId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        int lastStepSeq(long operationId) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(step_seq), 0) "
                    + "FROM journal WHERE operation_id = ? AND entry = 'STEP_STARTED'")) {
                ps.setLong(1, operationId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getInt(1);
                }
            }
        }

        /** STARTED, the final status, or null if no such step. */
        String stepStatus(long operationId, int sequence) throws SQLException {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT status FROM steps WHERE operation_id = ? AND seq = ?")) {
                ps.setLong(1, operationId);
                ps.setInt(2, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? rs.getString(1) : null;
                }
            }
        }

        void append(JournalEntry draft) throws SQLException {
            Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
            JournalEntry e = draft.chained(lastSeq + 1, now, lastHash);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO journal (seq, entry, "
                    + "operation_id, step_seq, recorded_at, kind, environment, application, target, "
                    + "from_version, to_version, operator, reason, step_name, step_status, outcome, "
                    + "output, prev_hash, hash, linked_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                int i = 0;
                ps.setLong(++i, e.seq());
                ps.setString(++i, e.type().name());
                ps.setLong(++i, e.operationId());
                ps.setObject(++i, e.stepSeq(), java.sql.Types.INTEGER);
                ps.setObject(++i, OffsetDateTime.ofInstant(e.recordedAt(), ZoneOffset.UTC));
                for (String s : Arrays.asList(e.kind(), e.environment(), e.application(),
                        e.target(), e.fromVersion(), e.toVersion(), e.operator(), e.reason(),
                        e.stepName(), e.stepStatus(), e.outcome(), e.output())) {
                    ps.setString(++i, s);
                }
                ps.setString(++i, e.prevHash());
                ps.setString(++i, e.hash());
                ps.setObject(++i, e.linkedTo(), java.sql.Types.BIGINT);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE chain_head SET last_seq = ?, last_hash = ? WHERE id = 1")) {
                ps.setLong(1, e.seq());
                ps.setString(2, e.hash());
                ps.executeUpdate();
            }
            lastSeq = e.seq();
            lastHash = e.hash();
            log.debug("Journaled {} as record {}", e.subject(), e.seq());
        }
    }

    // ---------------------------------------------------------------- reads

    @Override
    public Optional<OperationRecord> operation(long id) {
        return withConnection("read operation " + id + " from the history", false, c -> {
            List<OperationRecord> found = readOperations(c,
                    "SELECT * FROM operations WHERE id = ?", List.of(id));
            return found.stream().findFirst();
        });
    }

    @Override
    public List<OperationRecord> list(HistoryQuery query) {
        if (query == null) {
            throw new IllegalArgumentException("A history query is required (HistoryQuery.all() for everything)");
        }
        if (query.limit() <= 0) {
            throw new IllegalArgumentException("The history limit must be at least 1 (got " + query.limit() + ")");
        }
        StringBuilder sql = new StringBuilder("SELECT * FROM operations WHERE 1 = 1");
        List<Object> params = new ArrayList<>();
        if (query.environment() != null) {
            sql.append(" AND environment = ?");
            params.add(query.environment());
        }
        if (query.application() != null) {
            sql.append(" AND application = ?");
            params.add(query.application());
        }
        sql.append(" ORDER BY id DESC LIMIT ?");
        params.add(query.limit());
        return withConnection("read the history", false, c -> readOperations(c, sql.toString(), params));
    }

    private List<OperationRecord> readOperations(Connection c, String sql, List<Object> params)
            throws SQLException {
        Map<Long, OperationRow> rows = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OperationRow row = new OperationRow(rs.getLong("id"), rs.getString("kind"),
                            rs.getString("environment"), rs.getString("application"),
                            rs.getString("target"), rs.getString("from_version"),
                            rs.getString("to_version"), rs.getString("operator"),
                            rs.getString("reason"), instant(rs, "started"),
                            instant(rs, "finished"), rs.getString("outcome"), new ArrayList<>(),
                            rs.getObject("linked_to", Long.class));
                    rows.put(row.id(), row);
                }
            }
        }
        if (rows.isEmpty()) {
            return List.of();
        }
        Array ids = c.createArrayOf("BIGINT", rows.keySet().toArray(Long[]::new));
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM steps WHERE operation_id = ANY(?) ORDER BY operation_id, seq")) {
            ps.setArray(1, ids);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long operationId = rs.getLong("operation_id");
                    String status = rs.getString("status");
                    // A status written by a newer version is kept as null; the operation is
                    // then left out below rather than shown with a status it does not have.
                    rows.get(operationId).steps().add(new StepRecord(operationId, rs.getInt("seq"),
                            rs.getString("name"), instant(rs, "started"), instant(rs, "finished"),
                            parse(StepStatus.class, status), rs.getString("output")));
                }
            }
        } finally {
            ids.free();
        }
        List<OperationRecord> result = new ArrayList<>(rows.size());
        for (OperationRow row : rows.values()) {
            OperationKind kind = kindOf(row.kind());
            Outcome outcome = parse(Outcome.class, row.outcome());
            if (kind == null || outcome == null || row.steps().stream().anyMatch(s -> s.status() == null)) {
                log.warn("Operation {} has a kind, outcome or step status this version does not know "
                        + "(written by a newer Wheelhouse?); left out", row.id());
                continue;
            }
            result.add(new OperationRecord(row.id(), kind, row.environment(), row.application(),
                    row.target(), row.fromVersion(), row.toVersion(), row.operator(), row.reason(),
                    row.started(), row.finished(), outcome, row.steps(), row.linkedTo()));
        }
        return result;
    }

    private record OperationRow(long id, String kind, String environment, String application,
            String target, String fromVersion, String toVersion, String operator, String reason,
            Instant started, Instant finished, String outcome, List<StepRecord> steps, Long linkedTo) {}

    private static OperationKind kindOf(String id) {
        for (OperationKind k : OperationKind.values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        return null;
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String name) {
        try {
            return name == null ? null : Enum.valueOf(type, name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    // ---------------------------------------------------------------- verification

    /**
     * Recomputes the chain from the first record: sequence without gaps, each record linked to
     * the previous one's hash, each hash matching the record's content, and the chain head
     * pointing at the last record (so removing records at the end is caught too).
     */
    @Override
    public ChainVerification verify() {
        return withConnection("verify the history", false, c -> {
            long headSeq;
            String headHash;
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT last_seq, last_hash FROM chain_head WHERE id = 1");
                 ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return ChainVerification.broken(0, "chain head", "the chain_head row is missing");
                }
                headSeq = rs.getLong(1);
                headHash = rs.getString(2);
            }
            long checked = 0;
            String previousHash = ChainHash.GENESIS;
            JournalEntry previous = null;
            // Records appended after the head was read (seq > headSeq) are left for next time.
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM journal WHERE seq <= ? ORDER BY seq")) {
                ps.setLong(1, headSeq);
                ps.setFetchSize(500);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long seq = rs.getLong("seq");
                        long expectedSeq = checked + 1;
                        String after = previous == null ? "the journal starts with" : previous.describe() + " is followed by";
                        if (seq != expectedSeq) {
                            String missing = seq == expectedSeq + 1
                                    ? "record " + expectedSeq + " is missing"
                                    : "records " + expectedSeq + " to " + (seq - 1) + " are missing";
                            return ChainVerification.broken(checked, "record " + expectedSeq,
                                    missing + ": " + after + " record " + seq);
                        }
                        JournalEntry e;
                        try {
                            e = readEntry(rs);
                        } catch (IllegalArgumentException unknownType) {
                            return ChainVerification.broken(checked, "record " + seq,
                                    "record " + seq + " has an unknown entry type '" + rs.getString("entry") + "'");
                        }
                        if (!previousHash.equals(e.prevHash())) {
                            return ChainVerification.broken(checked, e.subject(), e.describe()
                                    + " is not linked to the record before it: its previous hash is "
                                    + e.prevHash() + " but " + (previous == null
                                            ? "the first record's must be " + ChainHash.GENESIS
                                            : previous.describe() + " has hash " + previousHash));
                        }
                        String expected = ChainHash.of(e);
                        if (!expected.equals(e.hash())) {
                            return ChainVerification.broken(checked, e.subject(), e.describe()
                                    + " was altered: its content hashes to " + expected
                                    + " but the stored hash is " + e.hash());
                        }
                        checked++;
                        previousHash = e.hash();
                        previous = e;
                    }
                }
            }
            if (checked != headSeq || !previousHash.equals(headHash)) {
                return ChainVerification.broken(checked, "record " + Math.min(checked + 1, headSeq),
                        "the chain head says the journal ends at record " + headSeq + " with hash "
                                + headHash + ", but it ends at record " + checked + " with hash "
                                + previousHash + " (records at the end were removed, or the head was altered)");
            }
            log.info("History chain verified: {} records intact", checked);
            return ChainVerification.ok(checked);
        });
    }

    private static JournalEntry readEntry(ResultSet rs) throws SQLException {
        return new JournalEntry(rs.getLong("seq"), EntryType.valueOf(rs.getString("entry")),
                rs.getLong("operation_id"), rs.getObject("step_seq", Integer.class),
                instant(rs, "recorded_at"), rs.getString("kind"), rs.getString("environment"),
                rs.getString("application"), rs.getString("target"), rs.getString("from_version"),
                rs.getString("to_version"), rs.getString("operator"), rs.getString("reason"),
                rs.getString("step_name"), rs.getString("step_status"), rs.getString("outcome"),
                rs.getString("output"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getObject("linked_to", Long.class));
    }

    // ---------------------------------------------------------------- plumbing

    @Override
    public void close() {
        pool.close();
        log.debug("History closed: {}", file);
    }

    @FunctionalInterface
    private interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }

    private <T> T inTransaction(String action, SqlWork<T> work) {
        return withConnection(action, true, work);
    }

    /**
     * Runs work on a pooled connection. A connection that was lost (the process serving the
     * file exited) is retried once on a fresh one, but only before the commit was sent: after
     * that we cannot know whether it was applied, and appending twice would be dishonest.
     */
    private <T> T withConnection(String action, boolean transaction, SqlWork<T> work) {
        for (int attempt = 1; ; attempt++) {
            Connection c;
            try {
                c = pool.borrow();
            } catch (SQLException e) {
                log.warn("Cannot {} ({})", action, file, e);
                throw Failures.unavailable(file, action, e);
            }
            boolean healthy = false;
            boolean committing = false;
            try {
                if (transaction) {
                    c.setAutoCommit(false);
                }
                T result = work.run(c);
                if (transaction) {
                    committing = true;
                    c.commit();
                    c.setAutoCommit(true);
                }
                healthy = true;
                return result;
            } catch (SQLException e) {
                if (transaction) {
                    rollback(c);
                }
                if (attempt == 1 && !committing && Failures.connectionLost(e)) {
                    log.info("Connection to the history {} was lost ({}); retrying on a new one", file,
                            e.getErrorCode());
                    continue;
                }
                log.warn("Cannot {} ({})", action, file, e);
                throw Failures.unavailable(file, action, e);
            } catch (RuntimeException e) {
                healthy = !transaction || rollback(c);
                throw e;
            } finally {
                pool.release(c, healthy);
            }
        }
    }

    private static boolean rollback(Connection c) {
        try {
            c.rollback();
            c.setAutoCommit(true);
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static String text(String field, String value, int max) {
        if (value != null && value.length() > max) {
            throw new IllegalArgumentException("The " + field + " is " + value.length()
                    + " characters long; the history keeps at most " + max);
        }
        return value;
    }

    /**
     * Bounds step output to {@value #MAX_OUTPUT_BYTES} UTF-8 bytes, so one runaway log cannot
     * bloat the file: keeps the head and the tail (where errors usually are) around a marker
     * that says how much was left out.
     */
    static String boundOutput(String output) {
        if (output == null) {
            return null;
        }
        int bytes = utf8Length(output);
        if (bytes <= MAX_OUTPUT_BYTES) {
            return output;
        }
        int half = (MAX_OUTPUT_BYTES - OUTPUT_MARKER_RESERVE) / 2;
        int headEnd = headWithin(output, half);
        int tailStart = tailWithin(output, half);
        String head = output.substring(0, headEnd);
        String tail = output.substring(tailStart);
        long omitted = bytes - (long) utf8Length(head) - utf8Length(tail);
        return head + "\n[... " + omitted + " bytes of output left out by the history (at most "
                + MAX_OUTPUT_BYTES / 1024 + " KiB are kept per step) ...]\n" + tail;
    }

    private static int utf8Length(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }

    /** The end index of the longest prefix within maxBytes, not splitting a surrogate pair. */
    private static int headWithin(String s, int maxBytes) {
        int used = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int size = utf8Size(cp);
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            i += Character.charCount(cp);
        }
        return i;
    }

    /** The start index of the longest suffix within maxBytes, not splitting a surrogate pair. */
    private static int tailWithin(String s, int maxBytes) {
        int used = 0;
        int i = s.length();
        while (i > 0) {
            int cp = s.codePointBefore(i);
            int size = utf8Size(cp);
            if (used + size > maxBytes) {
                break;
            }
            used += size;
            i -= Character.charCount(cp);
        }
        return i;
    }

    private static int utf8Size(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        // lone surrogates encode as '?' (1 byte); counting 3 only over-estimates
        return codePoint < 0x10000 ? 3 : 4;
    }
}
