package dev.wheelhouse.ssh;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.ssh.auth.Authenticator;
import dev.wheelhouse.ssh.config.ResolvedHost;
import dev.wheelhouse.ssh.config.SshConfig;
import dev.wheelhouse.ssh.hostkeys.StrictHostKeyVerifier;
import java.io.IOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.keepalive.KeepAliveProvider;
import net.schmizz.keepalive.KeepAliveRunner;
import net.schmizz.sshj.DefaultConfig;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens authenticated connections: resolves the alias through the ssh config, goes through
 * the ProxyJump hops (each one's host key checked and logged in to like the destination),
 * checks the host key, authenticates with keys. Every failure becomes a
 * {@link HostConnectException} that says what and where.
 */
final class Connector {
    private static final Logger LOG = LoggerFactory.getLogger(Connector.class);
    private static volatile DefaultConfig sharedConfig;

    private final SshSettings settings;

    Connector(SshSettings settings) {
        this.settings = settings;
    }

    /** SSHJ's config is costly to build (it registers its crypto); all clients share one. */
    private static DefaultConfig config() {
        DefaultConfig config = sharedConfig;
        if (config == null) {
            synchronized (Connector.class) {
                config = sharedConfig;
                if (config == null) {
                    config = new DefaultConfig();
                    config.setKeepAliveProvider(KeepAliveProvider.KEEP_ALIVE);
                    sharedConfig = config;
                }
            }
        }
        return config;
    }

    SshConfig sshConfig() {
        SshConfig config = SshConfig.load(settings.sshConfigFile(), settings.home(), settings.localUser());
        for (String note : config.loadNotes()) {
            LOG.info("{}", note);
        }
        return config;
    }

    /** Resolves without connecting (for the target shown in states and reports). */
    ResolvedHost resolve(HostRef ref) {
        return sshConfig().resolve(ref);
    }

    Connection connect(HostRef ref, HostKeyDecision decision) throws HostConnectException {
        SshConfig config = sshConfig();
        ResolvedHost host = config.resolve(ref);
        host.notes().forEach(note -> LOG.info("{}: {}", ref.alias(), note));
        if (host.unsupported() != null) {
            throw new HostConnectException(ref.alias() + ": " + host.unsupported(), null);
        }
        List<ResolvedHost> chain;
        try {
            chain = config.resolveChain(host);
        } catch (IllegalArgumentException e) {
            throw new HostConnectException(ref.alias() + ": " + e.getMessage(), e);
        }
        List<SSHClient> opened = new ArrayList<>();
        try {
            SSHClient previous = null;
            for (ResolvedHost hop : chain) {
                if (hop.unsupported() != null) {
                    throw new HostConnectException(ref.alias() + ": jump host " + hop.alias() + ": " + hop.unsupported(), null);
                }
                previous = open(hop, previous, decision, "jump host " + hop.alias() + " (" + hop.target() + ") for " + ref.alias()).client;
                opened.add(previous);
            }
            Opened destination = open(host, previous, decision, ref.alias() + " (" + host.target() + ")");
            return new Connection(destination.client, opened, destination.hostKey, destination.fingerprint, target(host, chain));
        } catch (HostConnectException e) {
            opened.reversed().forEach(Connection::quietly);
            throw e;
        }
    }

    static String target(ResolvedHost host, List<ResolvedHost> chain) {
        return host.target() + (chain.isEmpty() ? "" : " via " + String.join(",", chain.stream().map(ResolvedHost::alias).toList()));
    }

    private record Opened(SSHClient client, HostKeyStatus hostKey, String fingerprint) {}

    private Opened open(ResolvedHost host, SSHClient via, HostKeyDecision decision, String what) throws HostConnectException {
        SSHClient client = new SSHClient(config());
        Duration connectTimeout = host.connectTimeoutSeconds() != null ? Duration.ofSeconds(host.connectTimeoutSeconds()) : settings.connectTimeout();
        client.setConnectTimeout((int) connectTimeout.toMillis());
        client.getTransport().setTimeoutMs((int) Math.max(connectTimeout.toMillis(), settings.connectTimeout().toMillis()));
        int keepAlive = host.serverAliveIntervalSeconds() != null ? host.serverAliveIntervalSeconds()
                : (int) Math.max(1, settings.keepAlive().toSeconds());
        client.getConnection().getKeepAlive().setKeepAliveInterval(keepAlive);
        if (client.getConnection().getKeepAlive() instanceof KeepAliveRunner runner) {
            runner.setMaxAliveCount(3);
        }
        StrictHostKeyVerifier verifier = new StrictHostKeyVerifier(host.alias(), host.userKnownHostsFiles(),
                settings.knownHostsFile(), decision);
        client.addHostKeyVerifier(verifier);
        try {
            if (via == null) {
                client.connect(host.hostName(), host.port());
            } else {
                client.connectVia(via.newDirectConnection(host.hostName(), host.port()));
            }
        } catch (IOException | RuntimeException e) {
            Connection.quietly(client);
            StrictHostKeyVerifier.Outcome outcome = verifier.outcome();
            if (outcome.status() != HostKeyStatus.NOT_CHECKED && !outcome.status().trusted()) {
                throw new HostConnectException(outcome.message(), outcome.status(), outcome.fingerprint(), outcome.unknownKey(), e);
            }
            throw new HostConnectException(what + ": " + describe(e, host, connectTimeout, via != null), e);
        }
        StrictHostKeyVerifier.Outcome outcome = verifier.outcome();
        try {
            new Authenticator(settings.agentSocket(), settings.passphrases())
                    .authenticate(client, host.user(), host.identityFiles(), host.identitiesOnly(), settings.home());
        } catch (IOException | RuntimeException e) {
            Connection.quietly(client);
            throw new HostConnectException(what + ": " + describe(e, host, connectTimeout, via != null),
                    outcome.status(), outcome.fingerprint(), null, e);
        }
        return new Opened(client, outcome.status(), outcome.fingerprint());
    }

    /** An exception in words: what happened at which address, without a stack trace. */
    static String describe(Throwable e, ResolvedHost host, Duration timeout, boolean viaJump) {
        String address = host.hostName() + ":" + host.port();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof UserAuthException && t.getMessage() != null && t.getMessage().startsWith("authentication as")) {
                return t.getMessage();
            }
            if (t instanceof ConnectException) {
                return "connection refused at " + address + " (is sshd running there?)";
            }
            if (t instanceof UnknownHostException) {
                return "host name " + host.hostName() + " not found";
            }
            if (t instanceof SocketTimeoutException) {
                return "no answer from " + address + " within " + timeout.toSeconds() + " s";
            }
            if (t instanceof NoRouteToHostException) {
                return "no route to " + address;
            }
        }
        if (viaJump && e instanceof net.schmizz.sshj.connection.ConnectionException) {
            return "the jump host could not open a connection to " + address + " (" + e.getMessage() + ")";
        }
        if (e instanceof TransportException te && te.getDisconnectReason() != null
                && te.getDisconnectReason() != net.schmizz.sshj.common.DisconnectReason.UNKNOWN) {
            return "SSH error at " + address + ": " + te.getDisconnectReason() + (te.getMessage() == null ? "" : " (" + te.getMessage() + ")");
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        if (e instanceof TransportException && message.contains("Timeout expired")) {
            return "no SSH answer from " + address + " within " + timeout.toSeconds() + " s (key exchange or authentication stalled)";
        }
        return "SSH error at " + address + ": " + message;
    }
}
