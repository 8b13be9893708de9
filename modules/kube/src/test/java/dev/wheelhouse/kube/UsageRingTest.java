package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The ring grows as samples come, then keeps the newest N, oldest first, exactly as they were added. */
class UsageRingTest {
    private static final Instant T0 = Instant.parse("2026-11-27T10:00:00.250Z");

    private static Usage sample(int i) {
        return new Usage(T0.plusSeconds(5L * i), 100 + i, 64L * 1024 * 1024 * 1024 + i);
    }

    @Test
    void keepsTheNewestSamplesInOrderWhileGrowingAndAfterWrapping() {
        UsageRing ring = new UsageRing(120);
        assertThat(ring.toList()).isEmpty();
        assertThat(ring.newest()).isEqualTo(Instant.EPOCH);

        for (int n = 1; n <= 300; n++) {
            ring.add(sample(n - 1));
            int first = Math.max(0, n - 120);
            List<Usage> expected = IntStream.range(first, n).mapToObj(UsageRingTest::sample).toList();
            assertThat(ring.toList()).as("after %d samples", n).isEqualTo(expected);
            assertThat(ring.newest()).isEqualTo(sample(n - 1).at());
        }
    }

    @Test
    void aSmallCapacityIsRespected() {
        UsageRing ring = new UsageRing(3);
        IntStream.range(0, 5).forEach(i -> ring.add(sample(i)));
        assertThat(ring.toList()).containsExactly(sample(2), sample(3), sample(4));
    }
}
