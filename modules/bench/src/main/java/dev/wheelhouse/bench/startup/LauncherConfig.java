package dev.wheelhouse.bench.startup;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A jpackage launcher's configuration ({@code lib/app/<name>.cfg}): its class path and java
 * options, so the minimal program can be started with exactly what the app gets.
 */
record LauncherConfig(List<Path> classPath, String mainClass, List<String> javaOptions) {
    static final String AOT_CACHE_OPTION = "-XX:AOTCache=";

    static LauncherConfig read(Path cfg) throws IOException {
        Path appDir = cfg.toAbsolutePath().getParent();
        List<Path> classPath = new ArrayList<>();
        List<String> options = new ArrayList<>();
        String mainClass = null;
        for (String line : Files.readAllLines(cfg, StandardCharsets.UTF_8)) {
            int eq = line.indexOf('=');
            if (line.startsWith("[") || eq < 0) {
                continue;
            }
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip().replace("$APPDIR", appDir.toString());
            switch (key) {
                case "app.classpath" -> classPath.add(Path.of(value));
                case "app.mainclass" -> mainClass = value;
                case "java-options" -> options.add(value);
                default -> { }
            }
        }
        if (classPath.isEmpty() || mainClass == null) {
            throw new IOException(cfg + " has no app.classpath or app.mainclass: not a jpackage launcher configuration");
        }
        return new LauncherConfig(List.copyOf(classPath), mainClass, List.copyOf(options));
    }

    /** The options minus the app's own AOT cache (a different program cannot use it). */
    List<String> javaOptionsWithoutAotCache() {
        return javaOptions.stream().filter(o -> !o.startsWith(AOT_CACHE_OPTION)).toList();
    }

    boolean hasAotCache() {
        return javaOptions.stream().anyMatch(o -> o.startsWith(AOT_CACHE_OPTION));
    }
}
