package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BackoffTest {
    @Test
    void doublesUpToTheCapWithJitterInsideItsBand() {
        Backoff backoff = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30), 0.2);
        SplittableRandom random = new SplittableRandom(42);
        long[] expected = {1000, 2000, 4000, 8000, 16000, 30000, 30000, 30000};
        for (int attempt = 1; attempt <= expected.length; attempt++) {
            for (int i = 0; i < 200; i++) {
                long ms = backoff.delay(attempt, random).toMillis();
                assertThat(ms).isBetween(Math.round(expected[attempt - 1] * 0.8), Math.round(expected[attempt - 1] * 1.2));
            }
        }
        assertThat(backoff.delay(10_000, random).toMillis()).isLessThanOrEqualTo(36_000);
    }

    @Test
    void jitterSpreadsAFleet() {
        SplittableRandom random = new SplittableRandom(7);
        long distinct = java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> Backoff.DEFAULT.delay(3, random)).distinct().count();
        assertThat(distinct).isGreaterThan(25);
    }
}
