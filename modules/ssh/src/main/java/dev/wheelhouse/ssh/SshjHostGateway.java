package dev.wheelhouse.ssh;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostConnectException;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.HostMetricsSample;
import dev.wheelhouse.core.hosts.HostReport;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import dev.wheelhouse.ssh.hostkeys.KnownHosts;
import dev.wheelhouse.ssh.metrics.MetricsBlockParser;
import dev.wheelhouse.ssh.metrics.SampleAssembler;
import dev.wheelhouse.ssh.remote.RemoteCommands;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** {@link HostGateway} over SSHJ: one {@link SshjHostSession} per alias. */
public final class SshjHostGateway implements HostGateway {
    private final SshSettings settings;
    private final Connector connector;
    private final Map<String, SshjHostSession> sessions = new ConcurrentHashMap<>();

    public SshjHostGateway(SshSettings settings) {
        this.settings = settings;
        this.connector = new Connector(settings);
    }

    public SshSettings settings() {
        return settings;
    }

    @Override
    public HostSession session(HostRef host) {
        while (true) {
            SshjHostSession existing = sessions.get(host.alias());
            if (existing != null && existing.ref().equals(host)) {
                return existing;
            }
            if (existing != null) {
                // The workspace changed the host's overrides: start over with the new ones.
                existing.close();
                continue;
            }
            SshjHostSession[] made = new SshjHostSession[1];
            SshjHostSession session = sessions.computeIfAbsent(host.alias(), alias -> made[0] =
                    new SshjHostSession(host, connector, settings, () -> sessions.remove(alias, made[0])));
            if (session.ref().equals(host)) {
                return session;
            }
        }
    }

    @Override
    public HostReport probe(HostRef host, Duration timeout) {
        Instant start = Instant.now();
        AtomicReference<Connection> open = new AtomicReference<>();
        CompletableFuture<HostReport> result = new CompletableFuture<>();
        Thread worker = Thread.ofVirtual().name("wheelhouse-ssh-probe-" + host.alias()).start(() -> {
            try {
                result.complete(probeNow(host, open, start));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        try {
            return result.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            Connection c = open.get();
            if (c != null) {
                c.close();
            }
            worker.interrupt();
            return new HostReport(host.alias(), target(host), false, HostKeyStatus.NOT_CHECKED, null,
                    "no answer within " + timeout.toSeconds() + " s", null, Duration.between(start, Instant.now()));
        } catch (ExecutionException e) {
            return new HostReport(host.alias(), target(host), false, HostKeyStatus.NOT_CHECKED, null,
                    "unexpected failure: " + e.getCause(), null, Duration.between(start, Instant.now()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            Connection c = open.get();
            if (c != null) {
                c.close();
            }
            return new HostReport(host.alias(), target(host), false, HostKeyStatus.NOT_CHECKED, null, "interrupted", null,
                    Duration.between(start, Instant.now()));
        }
    }

    private String target(HostRef host) {
        try {
            return connector.resolve(host).target();
        } catch (RuntimeException e) {
            return host.alias();
        }
    }

    private HostReport probeNow(HostRef host, AtomicReference<Connection> open, Instant start) {
        Connection c;
        try {
            c = connector.connect(host, settings.hostKeyDecision());
        } catch (HostConnectException e) {
            return new HostReport(host.alias(), target(host), false, e.hostKey(), e.fingerprint(), e.getMessage(), null,
                    Duration.between(start, Instant.now()));
        }
        open.set(c);
        try (c) {
            HostMetricsSample[] samples = new HostMetricsSample[2];
            int[] count = {0};
            SampleAssembler assembler = new SampleAssembler(host.alias(), null);
            try (RemoteStream remote = RemoteStream.start(c.client(), RemoteCommands.metrics(new MetricsSpec(Duration.ofSeconds(1), null)))) {
                MetricsBlockParser parser = new MetricsBlockParser(raw -> {
                    if (count[0] < 2) {
                        samples[count[0]++] = assembler.next(raw, Instant.now());
                        if (count[0] == 2) {
                            remote.stop();
                        }
                    }
                });
                try {
                    remote.pump(parser::line);
                } catch (IOException e) {
                    if (count[0] < 2) {
                        throw e;
                    }
                }
            }
            HostMetricsSample sample = count[0] == 2 ? samples[1] : count[0] == 1 ? samples[0] : null;
            return new HostReport(host.alias(), c.target(), true, c.hostKey(), c.fingerprint(),
                    sample == null ? "connected, but the host sent no metrics (is it Linux, with /proc?)" : null,
                    sample, Duration.between(start, Instant.now()));
        } catch (IOException e) {
            return new HostReport(host.alias(), c.target(), true, c.hostKey(), c.fingerprint(),
                    "connected, but reading metrics failed: " + e.getMessage(), null, Duration.between(start, Instant.now()));
        }
    }

    /**
     * Blocking: a connection of its own to the host, checked and authenticated like the
     * sessions', for work that must not share the sessions' channels (release deploys).
     */
    public Connection connect(HostRef host) throws HostConnectException {
        return connector.connect(host, settings.hostKeyDecision());
    }

    @Override
    public dev.wheelhouse.core.hosts.releases.ReleaseGateway releases() {
        return new dev.wheelhouse.ssh.release.SshjReleaseGateway(this);
    }

    @Override
    public void trust(UnknownHostKey key) throws IOException {
        KnownHosts.append(settings.knownHostsFile(), key.host(), key.port(), Base64.getDecoder().decode(key.keyBase64()));
    }

    /** The sessions open now (for tests and diagnostics). */
    public List<HostSession> sessions() {
        return List.copyOf(sessions.values());
    }

    @Override
    public void close() {
        for (SshjHostSession session : List.copyOf(sessions.values())) {
            session.close();
        }
    }
}
