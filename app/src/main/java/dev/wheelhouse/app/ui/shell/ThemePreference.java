package dev.wheelhouse.app.ui.shell;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;
import java.util.Properties;
import org.slf4j.LoggerFactory;

/**
 * Remembers the theme between runs in ui.properties in the data directory. The system property
 * wheelhouse.theme (light|dark) overrides it. File I/O: never call on the FX thread.
 */
public final class ThemePreference {
    public static final String FILE = "ui.properties";
    public static final String OVERRIDE_PROPERTY = "wheelhouse.theme";
    private static final String KEY = "theme";

    private ThemePreference() {}

    public static Theme load(Path dataDir) {
        String forced = System.getProperty(OVERRIDE_PROPERTY);
        if (forced != null) {
            return parse(forced);
        }
        Path file = dataDir.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Theme.LIGHT;
        }
        Properties props = new Properties();
        try (Reader in = Files.newBufferedReader(file)) {
            props.load(in);
        } catch (IOException | IllegalArgumentException e) {
            // A preference is not worth failing the start for: fall back to the default.
            LoggerFactory.getLogger(ThemePreference.class).warn("cannot read {}: {}", file, e.getMessage());
            return Theme.LIGHT;
        }
        return parse(props.getProperty(KEY, ""));
    }

    public static void save(Path dataDir, Theme theme) {
        Path file = dataDir.resolve(FILE);
        Properties props = new Properties();
        props.setProperty(KEY, theme.name().toLowerCase(Locale.ROOT));
        try {
            Files.createDirectories(dataDir);
            Path temp = Files.createTempFile(dataDir, FILE, ".tmp");
            try (Writer out = Files.newBufferedWriter(temp)) {
                props.store(out, "Wheelhouse window preferences");
            }
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LoggerFactory.getLogger(ThemePreference.class).warn("cannot save {}: {}", file, e.getMessage());
        }
    }

    static Theme parse(String text) {
        return "dark".equalsIgnoreCase(text.strip()) ? Theme.DARK : Theme.LIGHT;
    }
}
