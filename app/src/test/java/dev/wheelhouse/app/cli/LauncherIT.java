package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the distribution's real launcher script, the way users and scripts call it. */
class LauncherIT {
    private static final Path LAUNCHER = Path.of("target", "wheelhouse", "bin", "wheelhouse").toAbsolutePath();

    @TempDir
    Path dir;

    record Result(int code, String out, String err) {}

    private Result launch(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(LAUNCHER.toString());
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(dir.resolve("out.txt").toFile())
                .redirectError(dir.resolve("err.txt").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().remove("WHEELHOUSE_JAVA_HOME");
        builder.environment().putAll(env);
        Process process = builder.start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Result(process.exitValue(), Files.readString(dir.resolve("out.txt")), Files.readString(dir.resolve("err.txt")));
    }

    @Test
    void theDistributionHasAnExecutableLauncherAndItsJars() throws IOException {
        assertThat(Files.isExecutable(LAUNCHER)).isTrue();
        try (var jars = Files.list(LAUNCHER.getParent().getParent().resolve("lib"))) {
            assertThat(jars.map(p -> p.getFileName().toString()))
                    .anyMatch(n -> n.startsWith("wheelhouse-app-"))
                    .anyMatch(n -> n.startsWith("javafx-controls-") && n.endsWith(".jar"))
                    .anyMatch(n -> n.startsWith("h2-"));
        }
    }

    /** The memory options are chosen once (jpackage/app.args); the script must give the JVM the same. */
    @Test
    void theScriptGivesTheJvmTheInstallersJavaOptions() throws Exception {
        List<String> installer = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("..", "jpackage", "app.args"))) {
            if (line.startsWith("--java-options ")) {
                installer.add(line.substring("--java-options ".length()).strip());
            }
        }
        assertThat(installer).contains("-Xmx512m");

        Result script = launch(Map.of("WHEELHOUSE_JAVA_OPTS", "-XX:+PrintCommandLineFlags"), "--version");
        assertThat(script.code()).as(script.err()).isZero();

        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(installer);
        command.addAll(List.of("-XX:+PrintCommandLineFlags", "-version"));
        Process direct = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        String flags = new String(direct.getInputStream().readAllBytes()).strip();
        assertThat(direct.waitFor()).isZero();
        // The JVM prints every flag it was given or chose from them: the same line means the same options.
        assertThat(flags).contains("-XX:MaxHeapSize=536870912");
        assertThat(script.out().lines().findFirst().orElse("").strip()).isEqualTo(flags);
    }

    @Test
    void versionRunsThroughTheScript() throws Exception {
        Result result = launch(Map.of(), "--version");
        assertThat(result.code()).as(result.err()).isZero();
        assertThat(result.out()).startsWith("Wheelhouse ");
    }

    @Test
    void headlessCommandsUseTheDataDirAndExitCodesAsDocumented() throws Exception {
        Path data = dir.resolve("data");
        Files.createDirectories(data);
        Files.writeString(data.resolve("workspace.yaml"), "environments:\n  - name: shop-staging\n    tier: staging\n");

        Result envs = launch(Map.of(), "envs", "--data-dir", data.toString());
        assertThat(envs.code()).as(envs.err()).isZero();
        assertThat(envs.out()).contains("shop-staging", "staging");

        Result history = launch(Map.of(), "history", "verify", "--data-dir", data.toString());
        assertThat(history.code()).as(history.err()).isZero();
        assertThat(history.out()).contains("history intact: 0 records");
        assertThat(data.resolve("logs")).isDirectory();

        Files.writeString(data.resolve("workspace.yaml"), "environments: [\n");
        Result broken = launch(Map.of(), "envs", "--data-dir", data.toString());
        assertThat(broken.code()).isEqualTo(2);
        assertThat(broken.err()).contains(data.resolve("workspace.yaml") + ":");
    }

    @Test
    void anOlderJavaIsRefusedWithAClearMessage() throws Exception {
        Path fakeJdk = dir.resolve("jdk17");
        Path java = fakeJdk.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\necho '    java.specification.version = 17' >&2\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));

        Result result = launch(Map.of("JAVA_HOME", fakeJdk.toString()), "--version");

        assertThat(result.code()).isEqualTo(2);
        assertThat(result.err()).contains("needs Java 25 or newer", "Java 17");
    }
}
