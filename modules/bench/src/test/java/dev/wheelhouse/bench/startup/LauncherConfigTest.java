package dev.wheelhouse.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LauncherConfigTest {
    @TempDir
    Path dir;

    @Test
    void readsClassPathAndOptionsOfAJpackageLauncher() throws IOException {
        Path cfg = Files.writeString(dir.resolve("wheelhouse.cfg"), """
                [Application]
                app.classpath=$APPDIR/wheelhouse-app-0.1.0.jar
                app.mainclass=dev.wheelhouse.app.Main
                app.classpath=$APPDIR/javafx-graphics-25.0.2-linux.jar

                [JavaOptions]
                java-options=-Djpackage.app-version=0.1.0
                java-options=--enable-native-access=ALL-UNNAMED
                java-options=-XX:AOTCache=$APPDIR/wheelhouse.aot
                """);

        LauncherConfig config = LauncherConfig.read(cfg);

        assertThat(config.classPath()).containsExactly(
                dir.resolve("wheelhouse-app-0.1.0.jar"), dir.resolve("javafx-graphics-25.0.2-linux.jar"));
        assertThat(config.mainClass()).isEqualTo("dev.wheelhouse.app.Main");
        assertThat(config.hasAotCache()).isTrue();
        assertThat(config.javaOptionsWithoutAotCache())
                .containsExactly("-Djpackage.app-version=0.1.0", "--enable-native-access=ALL-UNNAMED");
    }

    @Test
    void saysWhenAFileIsNoLauncherConfiguration() throws IOException {
        Path cfg = Files.writeString(dir.resolve("other.cfg"), "[JavaOptions]\njava-options=-Xmx1g\n");

        assertThatThrownBy(() -> LauncherConfig.read(cfg))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("not a jpackage launcher configuration");
    }
}
