package dev.wheelhouse.kube.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.Quantity;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Quantities answers what Fabric8's BigDecimal arithmetic answers, and the common forms cost no garbage. */
class QuantitiesTest {
    /** As the API server writes them (Jackson makes each with new Quantity(text)). */
    private static final List<String> WRITTEN = List.of(
            "150m", "1", "0.5", "256Mi", "1Gi", "512M", "1e3", "1E3", "2.5", ".5", "5.", "0", "0m", "0.0", "100n", "1u",
            "1500u", "1k", "1Ki", "1.5Gi", "0.1Mi", "3.3Mi", "1Ti", "1Pi", "1Ei", "8Ei", "1E", "1P", "1T", "1G", "12G",
            "123456789012345678", "1234567890123456789", "9223372036854775807", "9223372036854775808",
            "9223372036854775.807", "0.000000000000000001", "1e-3", "1e-9", "129e-6", "4e9", "1e18", "1e19", "1e+3",
            "1e-18", "1e-19", "1.5e2", "-1", "-1.5m", "+1", "1.5m", "0.0001", "1m", "1.2345678901234567", "999999999999999999Pi",
            "8796093022207Mi", "8796093022208Mi", "4000m", "3800m", "16Gi", "15Gi", "110", "250m", "64Mi", "1.25");

    /** Odd splits of amount and suffix, as a hand-made or partly read object may hold. */
    private static final List<Quantity> ODD = List.of(
            new Quantity("abc", ""), new Quantity("1.2.3", ""), new Quantity(".", ""), new Quantity("1", null),
            new Quantity("1", "e100"), new Quantity(" 1", ""), new Quantity("\u0661", ""), new Quantity("1", "e"),
            new Quantity("1", "E"), new Quantity("", "m"), new Quantity("", ""), new Quantity("1", "mi"), new Quantity("1", "e1m"),
            new Quantity("5", "KB"), new Quantity("5", "K"), new Quantity("1.5", "e3"), new Quantity("2", "e-1"));

    @Test
    void everyWrittenFormGivesFabric8sAnswer() {
        for (String text : WRITTEN) {
            assertSameAsFabric8(new Quantity(text), text);
        }
    }

    @Test
    void oddAmountsAndSuffixesGiveFabric8sAnswerOrItsError() {
        for (Quantity q : ODD) {
            assertSameAsFabric8(q, "amount '" + q.getAmount() + "' format '" + q.getFormat() + "'");
        }
    }

    @Test
    void absentQuantitiesAreZero() {
        assertThat(Quantities.millis((Quantity) null)).isZero();
        assertThat(Quantities.bytes(new Quantity(null, "Mi"))).isZero();
        assertThat(Quantities.millis(null, "cpu")).isZero();
        assertThat(Quantities.bytes(Map.of("cpu", new Quantity("1")), "memory")).isZero();
    }

    @Test
    void theCommonFormsAreAnsweredWithoutFabric8() {
        for (String text : List.of("150m", "1", "0.5", "256Mi", "1Gi", "512M", "1e3", "100n", "3.3Mi", "1.5e2")) {
            Quantity q = new Quantity(text);
            assertThat(Quantities.common(q.getAmount(), q.getFormat(), 3)).as(text).isEqualTo(Quantities.fabric8(q, 3));
            assertThat(Quantities.common(q.getAmount(), q.getFormat(), 0)).as(text).isEqualTo(Quantities.fabric8(q, 0));
        }
    }

    @Test
    void readingTheCommonFormsMakesNoGarbage() {
        List<Quantity> quantities = new ArrayList<>();
        for (String text : List.of("150m", "1", "0.5", "256Mi", "1Gi", "512M", "1e3")) {
            quantities.add(new Quantity(text));
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long sum = 0;
        long before = threads.getCurrentThreadAllocatedBytes();
        for (int i = 0; i < 100_000; i++) {
            Quantity q = quantities.get(i % quantities.size());
            sum += Quantities.millis(q) + Quantities.bytes(q);
        }
        long allocated = threads.getCurrentThreadAllocatedBytes() - before;
        assertThat(sum).isPositive();
        // Fabric8's way makes ~1 KB per pair here (100 MB in all); a few KB are the measuring itself.
        assertThat(allocated).as("bytes allocated by 200,000 reads").isLessThan(100_000);
    }

    private static void assertSameAsFabric8(Quantity q, String what) {
        for (int powerOfTen : new int[] {0, 3}) {
            long expected;
            try {
                expected = reference(q, powerOfTen);
            } catch (IllegalArgumentException e) {
                assertThatThrownBy(() -> whole(q, powerOfTen)).as(what).isInstanceOf(IllegalArgumentException.class);
                continue;
            }
            assertThat(whole(q, powerOfTen)).as("%s × 10^%d", what, powerOfTen).isEqualTo(expected);
        }
    }

    private static long whole(Quantity q, int powerOfTen) {
        return powerOfTen == 3 ? Quantities.millis(q) : Quantities.bytes(q);
    }

    /** Fabric8's arithmetic, rounded up; 0 where it has no number or the number is beyond a long. */
    private static long reference(Quantity q, int powerOfTen) {
        try {
            return Quantity.getAmountInBytes(q).multiply(BigDecimal.TEN.pow(powerOfTen)).setScale(0, RoundingMode.CEILING)
                    .longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return 0;
        }
    }
}
