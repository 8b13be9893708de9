package dev.wheelhouse.bench.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The benchmark's console JVM gets the java options of the installer's argument file. */
class ConsoleJvmTest {
    @TempDir
    Path dir;

    @Test
    void readsTheJavaOptionsOfTheAppsJpackageArguments() throws IOException {
        assertThat(ConsoleJvm.javaOptions(Path.of("..", "..", "jpackage", "app.args")))
                .startsWith("--enable-native-access=ALL-UNNAMED")
                .contains("-Xmx512m");
    }

    @Test
    void unquotesAndKeepsTheOrder() throws IOException {
        Path args = Files.writeString(dir.resolve("app.args"), """
                # a comment
                --main-class x.Main
                --java-options "-Dname=two words"
                --java-options -Xmx1g
                """);
        assertThat(ConsoleJvm.javaOptions(args)).containsExactly("-Dname=two words", "-Xmx1g");
    }

    @Test
    void saysWhenAFileHasNoJavaOptions() throws IOException {
        Path args = Files.writeString(dir.resolve("other.args"), "--main-class x.Main\n");
        assertThatThrownBy(() -> ConsoleJvm.javaOptions(args)).isInstanceOf(IOException.class)
                .hasMessageContaining("no --java-options");
    }
}
