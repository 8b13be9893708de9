package dev.wheelhouse.app.ui.logs;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * One line of a followed log: its message, and the time its source stamped it (null when the
 * source gives none, as a host's file does). The search looks at the message only.
 */
public record LogLine(Instant at, String text) {
    /** As kubectl logs --timestamps prints times (in UTC), to the millisecond so they line up. */
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    public LogLine {
        Objects.requireNonNull(text);
    }

    /** A line without a time. */
    public static LogLine of(String text) {
        return new LogLine(null, text);
    }

    /** The time as the viewer shows it, or "" when the line has none. */
    public String stamp() {
        return at == null ? "" : STAMP.format(at);
    }
}
