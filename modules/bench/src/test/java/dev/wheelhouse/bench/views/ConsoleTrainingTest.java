package dev.wheelhouse.bench.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The views benchmark trains the console's AOT cache as the installer does, or says why it cannot. */
class ConsoleTrainingTest {
    @TempDir
    Path dir;

    @Test
    void theSessionLastsAsLongAsTheInstallersTrainingSession() throws IOException {
        String installer = Files.readString(Path.of("..", "..", "jpackage", "Installer.java"));
        Matcher m = Pattern.compile("TRAINING_SESSION_MS = (\\d+);").matcher(installer);
        assertThat(m.find()).as("Installer.TRAINING_SESSION_MS").isTrue();
        assertThat(ConsoleTraining.SESSION_MS).isEqualTo(Long.parseLong(m.group(1)));
    }

    @Test
    void refusesAClassPathWithADirectoryBeforeStartingAnything() {
        // Surefire's class path has target/classes and target/test-classes: a cache cannot be made from it.
        assertThatThrownBy(() -> ConsoleTraining.train(dir.resolve("no-wheelhouse"),
                        Path.of("..", "..", "jpackage", "app.args"), dir.resolve("aot"), System.out))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("from jars only")
                .hasMessageContaining("the class path has the directory " + Path.of("").toAbsolutePath())
                .hasMessageContaining("--no-aot");
        assertThat(dir.resolve("aot")).doesNotExist();
    }
}
