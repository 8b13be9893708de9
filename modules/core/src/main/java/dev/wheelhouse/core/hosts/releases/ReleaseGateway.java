package dev.wheelhouse.core.hosts.releases;

import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.workspace.HostRef;

/**
 * Port: the releases of one application on a host. Blocking: never call it on the FX thread.
 */
public interface ReleaseGateway {

    /**
     * Blocking: connects to the host (strict host keys, the user's keys and agent) for the
     * releases under {@code deployRoot}; the connection lives until the returned host is closed.
     */
    ReleaseHost open(HostRef host, String deployRoot) throws HostConnectException;

    /**
     * Blocking (reads the artifact): its SHA-256 as the hosts will compute it after the upload
     * (a file's own; a directory's over its files' checksums and paths).
     */
    String checksum(java.nio.file.Path artifact) throws java.io.IOException;
}
