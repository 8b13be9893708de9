package dev.wheelhouse.app.ui.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ThemePreferenceTest {
    @TempDir
    Path dir;

    @Test
    void theThemeSurvivesARestartAndDefaultsToLight() {
        assertThat(ThemePreference.load(dir)).isEqualTo(Theme.LIGHT);
        ThemePreference.save(dir, Theme.DARK);
        assertThat(ThemePreference.load(dir)).isEqualTo(Theme.DARK);
        ThemePreference.save(dir, Theme.LIGHT);
        assertThat(ThemePreference.load(dir)).isEqualTo(Theme.LIGHT);
    }

    @Test
    void aDamagedPreferenceFileFallsBackToLight() throws Exception {
        Files.writeString(dir.resolve(ThemePreference.FILE), "theme=\\u12");
        assertThat(ThemePreference.load(dir)).isEqualTo(Theme.LIGHT);
    }
}
