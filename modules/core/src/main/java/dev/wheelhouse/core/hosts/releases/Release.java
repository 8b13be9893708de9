package dev.wheelhouse.core.hosts.releases;

import java.time.Instant;

/**
 * A release directory on a host, with what the release log says of it: its version (null if
 * it was not deployed by Wheelhouse), when it was deployed, and whether it was marked bad.
 */
public record Release(String id, String version, Instant deployed, boolean current, boolean bad) {}
