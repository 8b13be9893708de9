package dev.wheelhouse.bench;

import java.io.PrintStream;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one output format of every benchmark here: {@code RESULT <scenario> <metric> <value> <unit>},
 * one line per figure, so docs/BENCHMARKS.md and scripts can pick figures out with grep.
 */
public final class Results {
    private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_.%/-]+");

    private Results() {}

    public static String line(String scenario, String metric, String value, String unit) {
        for (String part : new String[] {scenario, metric, value, unit}) {
            if (part == null || !WORD.matcher(part).matches()) {
                throw new IllegalArgumentException("a RESULT field must be one word, not '" + part + "'");
            }
        }
        return "RESULT " + scenario + " " + metric + " " + value + " " + unit;
    }

    public static void print(PrintStream out, String scenario, String metric, String value, String unit) {
        out.println(line(scenario, metric, value, unit));
    }

    /** Whole milliseconds. */
    public static String millis(double ms) {
        return Long.toString(Math.round(ms));
    }

    /** Two decimals, for ratios. */
    public static String ratio(double r) {
        return String.format(Locale.ROOT, "%.2f", r);
    }

    /** Megabytes (10^6 bytes) with one decimal. */
    public static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.1f", bytes / 1e6);
    }
}
