package dev.wheelhouse.core.cluster;

import java.time.Instant;
import java.util.Objects;

/**
 * The state of one watched list.
 *
 * @param detail a line for people: "no permission to list pods in shop-dev (context prod-eu)",
 *     "cannot reach https://10.0.0.1:6443 (context prod-eu): Connection refused"; "" when LIVE
 * @param since when it entered this status
 * @param lastSynced when its rows were last known to be current (null: never listed)
 */
public record FeedState(FeedKey key, FeedStatus status, String detail, Instant since, Instant lastSynced) {
    public FeedState {
        Objects.requireNonNull(key);
        Objects.requireNonNull(status);
        detail = detail == null ? "" : detail;
        Objects.requireNonNull(since);
    }

    /** Rows exist but are not current: show them marked as such, never as fresh. */
    public boolean stale() {
        return status != FeedStatus.LIVE && lastSynced != null;
    }
}
