package dev.wheelhouse.ssh;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Reconnect delays: doubling from {@code initial} up to {@code max}, each spread by a random
 * factor of ±{@code jitter} so a fleet that dropped together does not reconnect together.
 */
public record Backoff(Duration initial, Duration max, double jitter) {
    public static final Backoff DEFAULT = new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(60), 0.2);

    public Backoff {
        if (initial.isNegative() || initial.isZero() || max.compareTo(initial) < 0 || jitter < 0 || jitter >= 1) {
            throw new IllegalArgumentException("bad backoff " + initial + ".." + max + " ±" + jitter);
        }
    }

    /** The delay before retry number {@code attempt} (1 for the first retry). */
    public Duration delay(int attempt, RandomGenerator random) {
        double base = initial.toMillis() * Math.pow(2, Math.min(Math.max(attempt, 1) - 1, 30));
        double capped = Math.min(base, max.toMillis());
        double spread = 1 + jitter * (2 * random.nextDouble() - 1);
        return Duration.ofMillis(Math.max(1, Math.round(capped * spread)));
    }
}
