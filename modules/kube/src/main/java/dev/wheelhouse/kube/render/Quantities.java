package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/**
 * Kubernetes quantities as whole numbers: CPU in millicores, memory and storage in bytes, rounded
 * up. Fabric8's answer ({@link Quantity#getAmountInBytes}) is the reference; the common forms
 * ("150m", "0.5", "256Mi", "512M", "1e3") are worked out in long arithmetic first, because the
 * inventory reads tens of thousands of them and Fabric8 makes BigDecimals and substrings of each.
 * Anything else, and anything that would overflow on the way, goes to Fabric8.
 */
public final class Quantities {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);
    /** No answer from the fast path: ask Fabric8. */
    private static final long UNKNOWN = Long.MIN_VALUE;
    private static final long[] POWERS_OF_TEN = new long[19];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i < POWERS_OF_TEN.length; i++) {
            POWERS_OF_TEN[i] = POWERS_OF_TEN[i - 1] * 10;
        }
    }

    private Quantities() {}

    public static long millis(Quantity q) {
        return whole(q, 3);
    }

    public static long bytes(Quantity q) {
        return whole(q, 0);
    }

    public static long millis(Map<String, Quantity> map, String key) {
        return map == null ? 0 : millis(map.get(key));
    }

    public static long bytes(Map<String, Quantity> map, String key) {
        return map == null ? 0 : bytes(map.get(key));
    }

    /** The quantity as written ("10Gi"), or "" when absent. */
    public static String text(Map<String, Quantity> map, String key) {
        if (map == null || map.get(key) == null) {
            return "";
        }
        return map.get(key).toString();
    }

    /** The quantity times 10^powerOfTen, rounded up; 0 when absent, unreadable or beyond a long. */
    private static long whole(Quantity q, int powerOfTen) {
        if (q == null || q.getAmount() == null) {
            return 0;
        }
        long fast = common(q.getAmount(), q.getFormat() == null ? "" : q.getFormat(), powerOfTen);
        return fast != UNKNOWN ? fast : fabric8(q, powerOfTen);
    }

    /** Fabric8's answer. Its IllegalArgumentException for an unknown suffix ("5KB") is left to the caller, as before. */
    static long fabric8(Quantity q, int powerOfTen) {
        try {
            BigDecimal amount = Quantity.getAmountInBytes(q);
            return (powerOfTen == 3 ? amount.multiply(THOUSAND) : amount).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
    }

    /**
     * Unsigned decimal amounts of up to 18 digits ("1", "0.5", "250") with no suffix, a decimal
     * or binary suffix up to P/Pi, or a decimal exponent ("e3", "E-2"); else {@link #UNKNOWN}.
     * Reads the amount and the suffix as Fabric8 split them, so nothing is concatenated.
     */
    static long common(String amount, String format, int powerOfTen) {
        long mantissa = 0;
        int digits = 0;
        int fractionDigits = 0;
        boolean point = false;
        for (int i = 0; i < amount.length(); i++) {
            char c = amount.charAt(i);
            if (c >= '0' && c <= '9') {
                if (++digits > 18) {
                    return UNKNOWN;
                }
                mantissa = mantissa * 10 + (c - '0');
                if (point) {
                    fractionDigits++;
                }
            } else if (c == '.' && !point) {
                point = true;
            } else {
                return UNKNOWN;
            }
        }
        if (digits == 0) {
            return UNKNOWN;
        }
        int binary = 0;
        int decimal;
        switch (format) {
            case "" -> decimal = 0;
            case "n" -> decimal = -9;
            case "u" -> decimal = -6;
            case "m" -> decimal = -3;
            case "k" -> decimal = 3;
            case "M" -> decimal = 6;
            case "G" -> decimal = 9;
            case "T" -> decimal = 12;
            case "P" -> decimal = 15;
            case "Ki" -> { decimal = 0; binary = 10; }
            case "Mi" -> { decimal = 0; binary = 20; }
            case "Gi" -> { decimal = 0; binary = 30; }
            case "Ti" -> { decimal = 0; binary = 40; }
            case "Pi" -> { decimal = 0; binary = 50; }
            default -> decimal = exponent(format);
        }
        if (decimal == Integer.MIN_VALUE) {
            return UNKNOWN;
        }
        return scaled(mantissa, binary, decimal - fractionDigits + powerOfTen);
    }

    /** "e3", "E-2", "e+6" as 3, -2, 6 (two digits at most); Integer.MIN_VALUE for anything else. */
    private static int exponent(String format) {
        if (format.length() < 2 || (format.charAt(0) != 'e' && format.charAt(0) != 'E')) {
            return Integer.MIN_VALUE;
        }
        int i = 1;
        boolean negative = false;
        if (format.charAt(i) == '-' || format.charAt(i) == '+') {
            negative = format.charAt(i) == '-';
            i++;
        }
        int digits = format.length() - i;
        if (digits < 1 || digits > 2) {
            return Integer.MIN_VALUE;
        }
        int value = 0;
        for (; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c < '0' || c > '9') {
                return Integer.MIN_VALUE;
            }
            value = value * 10 + (c - '0');
        }
        return negative ? -value : value;
    }

    /** mantissa × 2^binary × 10^decimal rounded up, or UNKNOWN when a step would not fit a long. */
    private static long scaled(long mantissa, int binary, int decimal) {
        if (mantissa == 0) {
            return 0;
        }
        if (Long.numberOfLeadingZeros(mantissa) <= binary) {
            return UNKNOWN;
        }
        long value = mantissa << binary;
        if (decimal >= 0) {
            if (decimal >= POWERS_OF_TEN.length) {
                return UNKNOWN;
            }
            long p = POWERS_OF_TEN[decimal];
            return value > Long.MAX_VALUE / p ? UNKNOWN : value * p;
        }
        if (-decimal >= POWERS_OF_TEN.length) {
            return UNKNOWN;
        }
        return Math.ceilDiv(value, POWERS_OF_TEN[-decimal]);
    }
}
