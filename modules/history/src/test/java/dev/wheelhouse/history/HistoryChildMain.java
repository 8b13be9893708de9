package dev.wheelhouse.history;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationStart;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.history.StepStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;

/**
 * The second process of {@link HistoryTwoProcessesTest}, standing in for a headless
 * {@code wheelhouse} command next to the window. Talks to the test on stdin/stdout.
 */
public final class HistoryChildMain {

    private HistoryChildMain() {}

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path dataDir = Path.of(args[1]);
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        switch (mode) {
            case "write" -> {
                int count = Integer.parseInt(args[2]);
                try (H2HistoryStore store = H2HistoryStore.open(dataDir)) {
                    writeOne(store, 0);
                    say("READY");
                    expect(in, "GO");
                    for (int i = 1; i <= count; i++) {
                        writeOne(store, i);
                    }
                    say("DONE");
                    expect(in, "EXIT");
                }
            }
            case "crash" -> {
                H2HistoryStore store = H2HistoryStore.open(dataDir);
                long id = store.startOperation(new OperationStart(OperationKind.ROLLBACK, "child",
                        "web", null, "2", "1", "child@test", "crash test"));
                store.startStep(id, "execute");
                say("STARTED " + id);
                Runtime.getRuntime().halt(3); // no close, no shutdown hooks: as if killed
            }
            case "hold" -> {
                // Opens the file the way a foreign tool would: embedded, without AUTO_SERVER.
                String url = "jdbc:h2:file:" + dataDir.resolve("history").toAbsolutePath();
                try (Connection c = DriverManager.getConnection(url, H2HistoryStore.USER, "")) {
                    c.createStatement().execute("CREATE TABLE IF NOT EXISTS foreign_tool (x INT)");
                    say("READY");
                    expect(in, "EXIT");
                }
            }
            default -> throw new IllegalArgumentException("unknown mode " + mode);
        }
    }

    private static void writeOne(H2HistoryStore store, int i) {
        long id = store.startOperation(new OperationStart(OperationKind.DEPLOY, "child", "web",
                "deployment/web", null, "1." + i, "child@test", null));
        int step = store.startStep(id, "execute");
        store.finishStep(id, step, StepStatus.SUCCEEDED, "child " + i);
        store.finishOperation(id, Outcome.SUCCEEDED);
    }

    private static void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    private static void expect(BufferedReader in, String word) throws Exception {
        String line = in.readLine();
        if (!word.equals(line)) {
            throw new IllegalStateException("expected " + word + " from the test, got " + line);
        }
    }
}
