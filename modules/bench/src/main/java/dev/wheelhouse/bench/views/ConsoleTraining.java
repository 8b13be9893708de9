package dev.wheelhouse.bench.views;

import dev.wheelhouse.app.Main;
import dev.wheelhouse.app.StartupProbe;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The installed console starts with a JDK AOT cache (JEP 483/514) trained by a first session on
 * the practice sandbox (jpackage/Installer.java, {@code train}). A benchmark of the console as
 * shipped trains its own cache the same way, on its own class path (a cache only serves the class
 * path it was trained on): the demo sandbox in a second process, the console's {@link Main} on
 * its environments with the app's java options, exiting {@value #SESSION_MS} ms after its first
 * frame, as Installer.TRAINING_SESSION_MS says.
 */
final class ConsoleTraining {
    static final long SESSION_MS = 8000;

    private ConsoleTraining() {}

    /** Trains a cache in {@code dir} and returns it; fails, saying why, if the run cannot make one. */
    static Path train(Path wheelhouse, Path argsFile, Path dir, PrintStream out) throws IOException, InterruptedException {
        String classPath = System.getProperty("java.class.path");
        for (String entry : classPath.split(File.pathSeparator)) {
            if (Files.isDirectory(Path.of(entry))) {
                throw new IOException("an AOT cache is made from jars only, and the class path has the directory " + entry
                        + ": put modules/bench/target/wheelhouse-bench.jar in its place (docs/BENCHMARKS.md), "
                        + "or run without the cache (--no-aot)");
            }
        }
        Files.createDirectories(dir);
        Path cache = dir.resolve("console.aot");
        Path kubeconfig = dir.resolve("kubeconfig");
        Path sshConfig = Files.writeString(dir.resolve("ssh_config"), "");
        Path log = dir.resolve("training.log");
        long started = System.nanoTime();
        SandboxProcess sandbox = SandboxProcess.startDemo(wheelhouse, dir, kubeconfig, out);
        try {
            List<String> command = new ArrayList<>();
            command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            command.addAll(ConsoleJvm.javaOptions(argsFile));
            command.addAll(List.of("-XX:AOTCacheOutput=" + cache, "-Xlog:aot*=error,cds*=error",
                    "-D" + StartupProbe.EXIT_AFTER_FIRST_FRAME + "=true",
                    "-D" + StartupProbe.EXIT_DELAY_MS + "=" + SESSION_MS,
                    "-cp", classPath, Main.class.getName(),
                    "--data-dir", Files.createDirectories(dir.resolve("console")).toString(),
                    "--workspace", SandboxProcess.workspace(dir).toString(),
                    "--kubeconfig", kubeconfig.toString(), "--ssh-config", sshConfig.toString()));
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("the AOT training run did not end within 5 minutes; its output is in " + log);
            }
            if (p.exitValue() != 0 || !Files.isRegularFile(cache) || Files.size(cache) == 0) {
                throw new IOException("the AOT training run failed (exit " + p.exitValue() + ", cache "
                        + (Files.isRegularFile(cache) ? "written" : "missing") + "):\n"
                        + Files.readString(log, StandardCharsets.UTF_8));
            }
        } finally {
            sandbox.kill();
        }
        out.printf(Locale.ROOT, "# the console's AOT cache: trained by a first session on the demo sandbox, as the installer's "
                        + "(%d s after the first frame), in %.1f s, %.1f MB%n",
                SESSION_MS / 1000, (System.nanoTime() - started) / 1e9, Files.size(cache) / 1e6);
        return cache;
    }
}
