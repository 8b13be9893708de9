package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.Quantity;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;

/** Kubernetes quantities as whole numbers: CPU in millicores, memory and storage in bytes. */
public final class Quantities {
    private static final BigDecimal THOUSAND = BigDecimal.valueOf(1000);

    private Quantities() {}

    public static long millis(Quantity q) {
        if (q == null || q.getAmount() == null) {
            return 0;
        }
        try {
            return Quantity.getAmountInBytes(q).multiply(THOUSAND).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
    }

    public static long bytes(Quantity q) {
        if (q == null || q.getAmount() == null) {
            return 0;
        }
        try {
            return Quantity.getAmountInBytes(q).setScale(0, RoundingMode.CEILING).longValueExact();
        } catch (ArithmeticException | NumberFormatException e) {
            return 0;
        }
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
}
