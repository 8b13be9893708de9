package dev.wheelhouse.core.hosts.releases;

import java.time.Duration;
import java.time.Instant;

/** Who holds a host's deploy lock, since when and for what (owner and since are null if unreadable). */
public record HostLock(String owner, Instant since, String operation) {

    public Duration age(Instant now) {
        return since == null ? null : Duration.between(since, now);
    }

    /** "alice@laptop since 12:03:04Z (41 min ago) for deploy 1.4.2" — for the user. */
    public String describe(Instant now) {
        StringBuilder s = new StringBuilder(owner == null ? "an unknown owner" : owner);
        if (since != null) {
            long minutes = Duration.between(since, now).toMinutes();
            s.append(" since ").append(since).append(" (")
                    .append(minutes < 1 ? "under a minute" : minutes < 120 ? minutes + " min" : minutes / 60 + " h")
                    .append(" ago)");
        }
        if (operation != null && !operation.isBlank()) {
            s.append(" for ").append(operation);
        }
        return s.toString();
    }
}
