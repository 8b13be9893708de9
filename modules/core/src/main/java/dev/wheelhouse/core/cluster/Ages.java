package dev.wheelhouse.core.cluster;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/** kubectl's way of saying how long ago: "45s", "3m12s", "5h", "12d". */
public final class Ages {
    /** What an AGE cell with no time says. */
    public static final String NONE = "—";

    private Ages() {}

    /**
     * The age of an AGE cell at {@code now}: an ISO-8601 instant, or "" where there is no time to
     * tell, shown as a dash (a pod that never restarted has no LAST RESTART; every object from an
     * API server has its creation time). Not blank: with an empty text in those cells the views
     * benchmark's renderer thread used 32-37 s of CPU a minute instead of 4 s, in three runs;
     * with a dash it was back at 4 s. A small table with empty cells alone did not show it, and
     * the cause in JavaFX is not known (docs/BENCHMARKS.md, Views, sixth pass).
     */
    public static String cell(String isoInstant, Instant now) {
        if (isoInstant == null || isoInstant.isEmpty()) {
            return NONE;
        }
        try {
            return since(Instant.parse(isoInstant), now);
        } catch (DateTimeParseException e) {
            return isoInstant;
        }
    }

    public static String since(Instant then, Instant now) {
        return then == null ? "<unknown>" : human(Duration.between(then, now));
    }

    /** k8s.io/apimachinery/pkg/util/duration.HumanDuration. */
    public static String human(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        } else if (seconds < 0) {
            return "0s";
        } else if (seconds < 60 * 2) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        } else if (minutes < 60 * 3) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        } else if (hours < 48) {
            return hours + "h";
        } else if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        } else if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        } else if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }
}
