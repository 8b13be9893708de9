package dev.wheelhouse.ssh.release;

import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.hosts.releases.ReleaseGateway;
import dev.wheelhouse.core.hosts.releases.ReleaseHost;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.ssh.SshjHostGateway;
import java.io.IOException;
import java.nio.file.Path;

/** {@link ReleaseGateway} over SSHJ: a connection of its own per host, for the length of an operation. */
public final class SshjReleaseGateway implements ReleaseGateway {
    private final SshjHostGateway hosts;

    public SshjReleaseGateway(SshjHostGateway hosts) {
        this.hosts = hosts;
    }

    @Override
    public ReleaseHost open(HostRef host, String deployRoot) throws HostConnectException {
        return new SshjReleaseHost(host.alias(), deployRoot, hosts.connect(host));
    }

    @Override
    public String checksum(Path artifact) throws IOException {
        return ArtifactDigest.of(artifact);
    }
}
