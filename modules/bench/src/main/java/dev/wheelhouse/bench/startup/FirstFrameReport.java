package dev.wheelhouse.bench.startup;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What {@code dev.wheelhouse.app.StartupProbe} writes when the first frame is on screen: the
 * milliseconds from the OS's process start, the two instants as epoch milliseconds, and the CPU
 * time the process had used.
 */
record FirstFrameReport(long firstFrameMs, long processStartEpochMs, long firstFrameEpochMs, long cpuMs) {
    static FirstFrameReport read(Path file) throws IOException {
        Properties p = new Properties();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return new FirstFrameReport(number(p, "firstFrameMs", file), number(p, "processStartEpochMs", file),
                number(p, "firstFrameEpochMs", file), number(p, "cpuMs", file));
    }

    private static long number(Properties p, String key, Path file) throws IOException {
        String value = p.getProperty(key);
        if (value == null) {
            throw new IOException(file + ": no " + key + " in the startup report");
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IOException(file + ": " + key + "=" + value + " is not a number", e);
        }
    }
}
