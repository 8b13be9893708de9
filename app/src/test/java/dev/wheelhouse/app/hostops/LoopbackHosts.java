package dev.wheelhouse.app.hostops;

import dev.wheelhouse.app.ui.hosts.SshdFixture;
import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.hosts.releases.ReleaseGateway;
import dev.wheelhouse.core.hosts.releases.ReleaseHost;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.ssh.Backoff;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Several hosts on loopback, each its own real sshd, for the host deploy tests. They share one
 * file system, so {@link #perHostRoots} gives each host its own deploy root below the
 * application's (ROOT/alias), as separate machines would have; everything else is the real
 * SSH adapter over real connections.
 */
final class LoopbackHosts implements AutoCloseable {
    final SshdFixture.Home home;
    final List<SshdFixture> servers = new ArrayList<>();
    final List<HostRef> refs = new ArrayList<>();
    final SshjHostGateway gateway;

    LoopbackHosts(Path dir, int count) throws IOException, InterruptedException {
        home = new SshdFixture.Home(dir);
        for (int i = 1; i <= count; i++) {
            SshdFixture server = SshdFixture.start(dir.resolve("sshd-" + i), home.authorizedKeys);
            servers.add(server);
            home.host("web-" + i, server.port()).trust(server);
            refs.add(HostRef.of("web-" + i));
        }
        gateway = new SshjHostGateway(SshSettings.of(home.config(), home.ownKnownHosts)
                .withHome(home.home)
                .withAgentSocket(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 0.2)));
    }

    SshdFixture server(String alias) {
        return servers.get(Integer.parseInt(alias.substring(alias.indexOf('-') + 1)) - 1);
    }

    /** The host's own deploy root for an application root. */
    static Path root(Path appRoot, String alias) {
        return appRoot.resolve(alias);
    }

    ReleaseGateway perHostRoots() {
        ReleaseGateway real = gateway.releases();
        return new ReleaseGateway() {
            @Override
            public ReleaseHost open(HostRef host, String deployRoot) throws HostConnectException {
                return real.open(host, root(Path.of(deployRoot), host.alias()).toString());
            }

            @Override
            public String checksum(Path artifact) throws IOException {
                return real.checksum(artifact);
            }
        };
    }

    /** current's target on a host, read straight from its file system. */
    static String current(Path appRoot, String alias) throws IOException {
        Path link = root(appRoot, alias).resolve("current");
        return Files.isSymbolicLink(link) ? Files.readSymbolicLink(link).getFileName().toString() : null;
    }

    @Override
    public void close() throws InterruptedException {
        gateway.close();
        for (SshdFixture s : servers) {
            s.close();
        }
    }
}
