package dev.wheelhouse.core.hosts.releases;

import java.util.List;
import java.util.Optional;

/**
 * What a host has: its releases (newest first, as the release log and the directories tell),
 * the current one, the lock if held, and the free space where releases go.
 */
public record HostReleases(String alias, String current, List<Release> releases, HostLock lock, long freeBytes) {
    public HostReleases {
        releases = List.copyOf(releases);
    }

    public Optional<Release> release(String id) {
        return releases.stream().filter(r -> r.id().equals(id)).findFirst();
    }

    /** The most recent good release before the current one: the default rollback target. */
    public Optional<Release> previousGood() {
        boolean passedCurrent = current == null;
        for (Release r : releases) {
            if (r.id().equals(current)) {
                passedCurrent = true;
                continue;
            }
            if (passedCurrent && !r.bad()) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The version recorded for the current release, or null. */
    public String currentVersion() {
        return current == null ? null : release(current).map(Release::version).orElse(null);
    }
}
