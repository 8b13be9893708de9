package dev.wheelhouse.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.history.ChainVerification;
import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepRecord;
import dev.wheelhouse.core.history.StepStatus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The window and a headless command on the same history file, as two JVMs: both write at the
 * same time, nobody forks the chain or loses a record, and a foreign holder of the file gets a
 * clear message instead of corrupting it.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HistoryTwoProcessesTest {

    private static final int CHILD_OPERATIONS = 25;

    @TempDir
    Path dataDir;

    @Test
    void anotherProcessWritesThroughTheServingProcessWhileItWritesToo() throws Exception {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            store.startOperation(H2HistoryStoreTest.start("parent", "web"));
            try (Child child = Child.start(dataDir, "write", Integer.toString(CHILD_OPERATIONS))) {
                child.awaitLine("READY");
                child.send("GO");
                int parentOps = 1 + writeWhileChildWrites(store, child);
                child.send("EXIT");
                assertThat(child.exitCode()).as(child.diagnostics()).isZero();

                assertBothProcessesRecorded(store, parentOps);
            }
            // The first process serves the file on loopback only.
            Properties lock = new Properties();
            try (var reader = Files.newBufferedReader(dataDir.resolve("history.lock.db"), StandardCharsets.ISO_8859_1)) {
                lock.load(reader);
            }
            // H2 writes 127.0.0.1 as "localhost"; without the bind address it would be this host's
            // network address, and the port would answer on every interface.
            String server = lock.getProperty("server");
            assertThat(server).startsWith("localhost:");
            int port = Integer.parseInt(server.substring("localhost:".length()));
            try (Socket loopback = new Socket(InetAddress.getLoopbackAddress(), port)) {
                assertThat(loopback.isConnected()).isTrue();
            }
            InetAddress network = InetAddress.getLocalHost();
            if (!network.isLoopbackAddress()) {
                assertThatThrownBy(() -> new Socket(network, port).close())
                        .as("port %d must not answer on %s", port, network)
                        .isInstanceOf(ConnectException.class);
            }
        }
    }

    @Test
    void whenTheServingProcessExitsTheOtherTakesOverAndKeepsWriting() throws Exception {
        try (Child child = Child.start(dataDir, "write", Integer.toString(CHILD_OPERATIONS))) {
            child.awaitLine("READY"); // the child opened the file first: it is the server
            try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
                store.startOperation(H2HistoryStoreTest.start("parent", "web"));
                child.send("GO");
                int parentOps = 1 + writeWhileChildWrites(store, child);
                child.send("EXIT");
                assertThat(child.exitCode()).as(child.diagnostics()).isZero();

                // The server went away with the child: the next writes reconnect transparently.
                long after = store.startOperation(H2HistoryStoreTest.start("parent", "web"));
                store.finishOperation(after, Outcome.SUCCEEDED);
                parentOps++;

                assertBothProcessesRecorded(store, parentOps);
            }
        }
    }

    @Test
    void aProcessKilledMidStepLeavesARunningOperationWithTheStepStarted() throws Exception {
        long id;
        try (Child child = Child.start(dataDir, "crash")) {
            id = Long.parseLong(child.awaitLine("STARTED ").substring("STARTED ".length()));
            assertThat(child.exitCode()).as(child.diagnostics()).isEqualTo(3);
        }
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            OperationRecord op = store.operation(id).orElseThrow();
            assertThat(op.outcome()).isEqualTo(Outcome.RUNNING);
            assertThat(op.steps()).singleElement().satisfies(step -> {
                assertThat(step.name()).isEqualTo("execute");
                assertThat(step.status()).isEqualTo(StepStatus.STARTED);
            });
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(2));
        }
    }

    @Test
    void aFileHeldByAProgramThatDoesNotShareItGivesAClearMessage() throws Exception {
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            store.startOperation(H2HistoryStoreTest.start("parent", "web"));
        }
        Path file = dataDir.resolve("history.mv.db");
        try (Child child = Child.start(dataDir, "hold")) {
            child.awaitLine("READY");
            assertThatThrownBy(() -> H2HistoryStore.open(dataDir))
                    .isInstanceOf(HistoryUnavailableException.class)
                    .hasMessageContaining(file.toString())
                    .hasMessageContaining("open in another program")
                    .hasMessageContaining("Close that program");
            child.send("EXIT");
            assertThat(child.exitCode()).as(child.diagnostics()).isZero();
        }
        try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
            assertThat(store.list(HistoryQuery.all())).hasSize(1);
            assertThat(store.verify()).isEqualTo(ChainVerification.ok(1));
        }
    }

    /** Writes full operations until the child says DONE; returns how many. */
    private static int writeWhileChildWrites(H2HistoryStore store, Child child) throws Exception {
        int written = 0;
        do {
            long id = store.startOperation(H2HistoryStoreTest.start("parent", "web"));
            int step = store.startStep(id, "execute");
            store.finishStep(id, step, StepStatus.SUCCEEDED, "parent " + written);
            store.finishOperation(id, Outcome.SUCCEEDED);
            written++;
        } while (!child.saw("DONE") && written < 500);
        child.awaitLine("DONE");
        return written;
    }

    private static void assertBothProcessesRecorded(H2HistoryStore store, int parentOps) {
        List<OperationRecord> child = store.list(new HistoryQuery("child", null, 1000));
        List<OperationRecord> parent = store.list(new HistoryQuery("parent", null, 1000));
        assertThat(child).hasSize(CHILD_OPERATIONS + 1).allSatisfy(op -> {
            assertThat(op.outcome()).isEqualTo(Outcome.SUCCEEDED);
            assertThat(op.steps()).extracting(StepRecord::status).containsExactly(StepStatus.SUCCEEDED);
        });
        assertThat(parent).hasSize(parentOps);
        List<OperationRecord> all = store.list(new HistoryQuery(null, null, 1000));
        assertThat(all).hasSize(child.size() + parent.size());
        assertThat(all).extracting(OperationRecord::id).doesNotHaveDuplicates();
        // 4 records per finished operation; the parent's first one is never finished (1 record).
        long records = all.stream().mapToLong(op -> 1 + op.steps().size() * 2L
                + (op.outcome() == Outcome.RUNNING ? 0 : 1)).sum();
        assertThat(store.verify()).isEqualTo(ChainVerification.ok(records));
    }

    /** A second JVM running {@link HistoryChildMain} on the test class path. */
    private static final class Child implements AutoCloseable {
        private final Process process;
        private final PrintWriter stdin;
        private final Path stderr;
        private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        private final List<String> seen = new java.util.concurrent.CopyOnWriteArrayList<>();

        private Child(Process process, Path stderr) {
            this.process = process;
            this.stderr = stderr;
            this.stdin = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
            Thread.ofVirtual().start(() -> {
                try (BufferedReader out = new BufferedReader(
                        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                    for (String line; (line = out.readLine()) != null; ) {
                        seen.add(line);
                        lines.add(line);
                    }
                } catch (IOException ignored) {
                    // the process ended
                }
            });
        }

        static Child start(Path dataDir, String... args) throws IOException {
            Path stderr = Files.createTempFile("history-child", ".log");
            List<String> command = new java.util.ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"),
                    HistoryChildMain.class.getName(), args[0], dataDir.toString()));
            command.addAll(List.of(args).subList(1, args.length));
            Process p = new ProcessBuilder(command)
                    .redirectError(stderr.toFile())
                    .start();
            return new Child(p, stderr);
        }

        String awaitLine(String prefix) throws Exception {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while (System.nanoTime() < deadline) {
                String line = lines.poll(100, TimeUnit.MILLISECONDS);
                if (line != null && line.startsWith(prefix)) {
                    return line;
                }
                if (line == null && !process.isAlive() && lines.isEmpty()) {
                    break;
                }
            }
            throw new AssertionError("child never printed " + prefix + "; " + diagnostics());
        }

        boolean saw(String line) {
            return seen.contains(line);
        }

        void send(String line) {
            stdin.println(line);
        }

        int exitCode() throws InterruptedException {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                throw new AssertionError("child did not exit; " + diagnostics());
            }
            return process.exitValue();
        }

        String diagnostics() {
            String err;
            try {
                err = Files.readString(stderr);
            } catch (IOException e) {
                err = e.toString();
            }
            return "child stdout " + seen + ", stderr:\n" + err;
        }

        @Override
        public void close() throws IOException {
            stdin.close();
            if (process.isAlive()) {
                process.destroyForcibly();
            }
            Files.deleteIfExists(stderr);
        }
    }
}
