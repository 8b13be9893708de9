package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A `wheelhouse rollback` in its own JVM is killed (destroyForcibly, as kill -9) while it watches
 * the rollout; the history then shows it interrupted at its last journaled step, and
 * `wheelhouse history recheck` re-reads the rollout and finishes the record by appending.
 */
class InterruptedRollbackIT {
    static Sandbox sandbox;
    static Path kubeconfig;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() throws Exception {
        // Slow rollout steps: the watch lasts long enough to be killed in the middle.
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(1500)
                .withProgressDeadlineSeconds(60).withMetricsIntervalMillis(5000));
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        Workspace seed = sandbox.seed().workspace();
        new YamlWorkspaceStore(dir.resolve("data").resolve("workspace.yaml")).save(seed);
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    CliRun cli(String... args) {
        List<String> all = new ArrayList<>(List.of(args[0], "--data-dir", dir.resolve("data").toString(),
                "--kubeconfig", kubeconfig.toString()));
        all.addAll(List.of(args).subList(1, args.length));
        return CliRun.of(all.toArray(String[]::new));
    }

    @Test
    void aRollbackKilledMidWatchShowsAsInterruptedAndIsRecheckedToTheEnd() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), "dev.wheelhouse.app.Main",
                "rollback", "--data-dir", dir.resolve("data").toString(), "--kubeconfig", kubeconfig.toString(),
                "--env", "sandbox-staging", "--app", "catalog", "--yes", "--reason", "killed mid-watch", "--timeout", "120")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        LinkedBlockingQueue<String> lines = new LinkedBlockingQueue<>();
        CompletableFuture.runAsync(() -> {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(child.getErrorStream(), StandardCharsets.UTF_8))) {
                r.lines().forEach(lines::add);
            } catch (Exception e) {
                lines.add("stream ended: " + e);
            }
        });
        List<String> seen = new ArrayList<>();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean executed = false;
            while (!executed && System.nanoTime() < deadline) {
                String line = lines.poll(200, TimeUnit.MILLISECONDS);
                if (line != null) {
                    seen.add(line);
                    executed = line.startsWith("[execute] succeeded");
                }
            }
            assertThat(executed).as("the child reached the watch: " + seen).isTrue();
            // Let it watch for a moment, then kill it the way a crash would.
            Thread.sleep(700);
            assertThat(child.isAlive()).as("still watching: " + seen).isTrue();
        } finally {
            child.destroyForcibly().waitFor(20, TimeUnit.SECONDS);
        }

        JsonNode op = history().get(0);
        assertThat(op.get("kind").asText()).isEqualTo("rollback");
        assertThat(op.get("outcome").asText()).isEqualTo("running");
        assertThat(op.get("interruptedAt").asText()).isEqualTo("watch");
        assertThat(steps(op)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=started");
        CliRun table = cli("history");
        assertThat(table.out()).contains("interrupted at watch", "1 interrupted", "wheelhouse history recheck ID");

        long id = op.get("id").asLong();
        CliRun recheck = cli("history", "recheck", Long.toString(id), "--timeout", "90");

        assertThat(recheck.exitCode()).as(recheck.err() + recheck.out()).isZero();
        assertThat(recheck.out()).startsWith("operation " + id + " (rollback of deployment/catalog in sandbox-staging) succeeded:"
                + " interrupted at watch; now: deployment \"catalog\" successfully rolled out");
        JsonNode done = history().get(0);
        assertThat(done.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(done.get("interruptedAt").isNull()).isTrue();
        assertThat(steps(done)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=failed",
                "recheck=succeeded");
        assertThat(done.get("steps").get(3).get("output").asText()).isEqualTo("interrupted: the process ended while this step ran");
        assertThat(done.get("steps").get(4).get("output").asText()).contains("rolled out at " + done.get("toVersion").asText());
        assertThat(cli("history", "verify").exitCode()).as("appended, never rewritten: the chain holds").isZero();

        CliRun again = cli("history", "recheck", Long.toString(id));
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains("operation " + id + " is not interrupted: it succeeded");
    }

    JsonNode history() throws Exception {
        CliRun run = cli("history", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    static List<String> steps(JsonNode op) {
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
        return steps;
    }
}
