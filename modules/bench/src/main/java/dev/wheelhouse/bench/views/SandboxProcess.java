package dev.wheelhouse.bench.views;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox in its own process, the distribution's {@code wheelhouse sandbox}, so that what the
 * benchmark JVM measures is the console's alone. Killed (with its children) by {@link #kill}.
 */
public final class SandboxProcess {
    private final Process process;

    private SandboxProcess(Process process) {
        this.process = process;
    }

    /**
     * The sandbox seeded at this scale, with so many container restarts (and Events) a second,
     * at this niceness (0: as any process; {@code nice -n} otherwise, Linux and macOS).
     */
    public static SandboxProcess start(Path wheelhouse, Path dir, Path kubeconfig, int pods, int deployments, int churn,
            int nice, PrintStream out) throws IOException, InterruptedException {
        return start(wheelhouse, dir, kubeconfig, List.of("--pods", Integer.toString(pods),
                "--deployments", Integer.toString(deployments), "--churn", Integer.toString(churn)), nice, out);
    }

    /** The sandbox with its demo seed, as a new user meets it. */
    public static SandboxProcess startDemo(Path wheelhouse, Path dir, Path kubeconfig, PrintStream out)
            throws IOException, InterruptedException {
        return start(wheelhouse, dir, kubeconfig, List.of(), 0, out);
    }

    private static SandboxProcess start(Path wheelhouse, Path dir, Path kubeconfig, List<String> seed, int nice,
            PrintStream out) throws IOException, InterruptedException {
        if (!Files.isExecutable(wheelhouse)) {
            throw new IOException(wheelhouse + " is not there: build the distribution first (./mvnw -B -DskipTests package)");
        }
        Path data = Files.createDirectories(dir.resolve("data"));
        List<String> command = new ArrayList<>();
        if (nice != 0) {
            command.addAll(List.of("nice", "-n", Integer.toString(nice)));
        }
        command.addAll(List.of(wheelhouse.toAbsolutePath().toString(), "sandbox"));
        command.addAll(seed);
        command.addAll(List.of("--kubeconfig", kubeconfig.toString(),
                "--workspace", workspace(dir).toString(), "--data-dir", data.toString()));
        ProcessBuilder pb = new ProcessBuilder(command).redirectError(dir.resolve("sandbox.err").toFile());
        long t = System.nanoTime();
        SandboxProcess sandbox = new SandboxProcess(pb.start());
        CompletableFuture<String> serving = new CompletableFuture<>();
        Thread.ofPlatform().daemon().name("sandbox-stdout").start(() -> {
            try (BufferedReader r = new BufferedReader(
                    new InputStreamReader(sandbox.process.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = r.readLine()) != null; ) {
                    if (line.contains("serving")) {
                        serving.complete(line);
                    }
                }
                serving.completeExceptionally(new IOException("the sandbox ended before serving"));
            } catch (IOException e) {
                serving.completeExceptionally(e);
            }
        });
        try {
            String line = serving.get(300, TimeUnit.SECONDS);
            out.printf("# %s (process start to this line %.1f s)%n", line.trim(), (System.nanoTime() - t) / 1e9);
        } catch (Exception e) {
            sandbox.kill();
            String err = Files.exists(dir.resolve("sandbox.err")) ? Files.readString(dir.resolve("sandbox.err")) : "";
            throw new IOException("the sandbox did not start: " + e + "\n" + err, e);
        }
        return sandbox;
    }

    /** The workspace file the sandbox started in {@code dir} wrote its environments to. */
    public static Path workspace(Path dir) {
        return dir.resolve("workspace.yaml");
    }

    public void kill() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
