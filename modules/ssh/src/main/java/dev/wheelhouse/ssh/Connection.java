package dev.wheelhouse.ssh;

import dev.wheelhouse.core.hosts.HostKeyStatus;
import java.io.IOException;
import java.util.List;
import net.schmizz.sshj.SSHClient;

/**
 * One authenticated SSH connection to a host, with the jump host connections it runs through
 * (first hop first). Closing it closes them all, innermost first. Public for the adapter's own
 * packages (release deploys); the rest of Wheelhouse sees the core ports only.
 */
public final class Connection implements AutoCloseable {
    private final SSHClient client;
    private final List<SSHClient> hops;
    private final HostKeyStatus hostKey;
    private final String fingerprint;
    private final String target;
    private volatile String dropReason;

    Connection(SSHClient client, List<SSHClient> hops, HostKeyStatus hostKey, String fingerprint, String target) {
        this.client = client;
        this.hops = List.copyOf(hops);
        this.hostKey = hostKey;
        this.fingerprint = fingerprint;
        this.target = target;
    }

    public SSHClient client() {
        return client;
    }

    HostKeyStatus hostKey() {
        return hostKey;
    }

    String fingerprint() {
        return fingerprint;
    }

    public String target() {
        return target;
    }

    void dropped(String reason) {
        if (dropReason == null) {
            dropReason = reason;
        }
    }

    /** Why it died, if it did and anyone said why. */
    String dropReason() {
        return dropReason;
    }

    public boolean alive() {
        if (!client.isConnected() || !client.getTransport().isRunning()) {
            return false;
        }
        for (SSHClient hop : hops) {
            if (!hop.isConnected() || !hop.getTransport().isRunning()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() {
        quietly(client);
        for (SSHClient hop : hops.reversed()) {
            quietly(hop);
        }
    }

    static void quietly(SSHClient c) {
        try {
            c.disconnect();
        } catch (IOException | RuntimeException ignored) {
            // closing: a failure changes nothing
        }
    }
}
