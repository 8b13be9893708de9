package dev.wheelhouse.core.cluster;

import java.util.Locale;

/** CPU and memory figures the way kubectl top and describe print them. */
public final class Units {
    private static final String[] BINARY = {"Ki", "Mi", "Gi", "Ti", "Pi"};

    private Units() {}

    /** "0", "250m" below one core, "2" or "1.5" above. */
    public static String cpu(long millis) {
        if (millis == 0) {
            return "0";
        }
        if (millis < 1000) {
            return millis + "m";
        }
        if (millis % 1000 == 0) {
            return Long.toString(millis / 1000);
        }
        return String.format(Locale.ROOT, "%.1f", millis / 1000.0).replaceAll("\\.0$", "");
    }

    /** "512Mi", "1.5Gi", "800Ki", "12" (bytes below 1Ki). */
    public static String bytes(long bytes) {
        if (bytes < 1024) {
            return Long.toString(bytes);
        }
        double value = bytes;
        int unit = -1;
        while (value >= 1024 && unit < BINARY.length - 1) {
            value /= 1024;
            unit++;
        }
        String number = value >= 100 || value == Math.rint(value)
                ? Long.toString(Math.round(value))
                : String.format(Locale.ROOT, "%.1f", value).replaceAll("\\.0$", "");
        return number + BINARY[unit];
    }

    /** "37%" of a whole; "-" when the whole is unknown. */
    public static String percent(long part, long whole) {
        return whole <= 0 ? "-" : Math.round(part * 100.0 / whole) + "%";
    }
}
