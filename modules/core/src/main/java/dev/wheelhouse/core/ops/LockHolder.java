package dev.wheelhouse.core.ops;

import java.time.Duration;
import java.time.Instant;

/**
 * Who holds an operation lock and since when.
 *
 * @param holder user@host
 * @param operation what they run ("rollback checkout (operation 12)"), or ""
 * @param acquired when they took it
 * @param renewed when they last renewed it; the lock expires {@code duration} after that
 */
public record LockHolder(String holder, String operation, Instant acquired, Instant renewed, Duration duration) {
    public LockHolder {
        operation = operation == null ? "" : operation;
    }

    /** A holder that stopped renewing (its process died) no longer counts. */
    public boolean expired(Instant now) {
        return renewed == null || duration == null || !now.isBefore(renewed.plus(duration));
    }

    /** "alice@laptop since 2026-11-27T10:01:02Z (rollback checkout)". */
    public String describe() {
        return holder + " since " + acquired + (operation.isEmpty() ? "" : " (" + operation + ")");
    }
}
