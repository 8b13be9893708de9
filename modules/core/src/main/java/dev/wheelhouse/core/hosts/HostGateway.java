package dev.wheelhouse.core.hosts;

import dev.wheelhouse.core.workspace.HostRef;
import java.time.Duration;

/**
 * Port: SSH access to the hosts of the environments. One persistent connection per host alias;
 * each host connects, samples and reconnects on its own virtual thread, so one host that is
 * down never holds up another. Blocking calls are marked: never call them on the FX thread.
 */
public interface HostGateway extends AutoCloseable {

    /**
     * The session of this host, connecting in the background if it is not open yet. The same
     * alias gives the same session until it is closed. Does not block.
     */
    HostSession session(HostRef host);

    /**
     * Blocking, one-shot: connect, check the host key, take two samples about a second apart
     * (so CPU and network rates exist), disconnect. Never throws for an unreachable host: the
     * report says what went wrong. At most {@code timeout} long.
     */
    HostReport probe(HostRef host, Duration timeout);

    /**
     * Blocking: records a key the user accepted (seen in {@link ConnectionState#unknownKey()})
     * in Wheelhouse's own known_hosts, so the next connection finds it known.
     */
    void trust(UnknownHostKey key) throws java.io.IOException;

    /**
     * The releases of host services, over the same SSH settings (config, keys, host keys).
     * A gateway that cannot deploy says so when asked.
     */
    default dev.wheelhouse.core.hosts.releases.ReleaseGateway releases() {
        throw new UnsupportedOperationException("this host gateway cannot deploy releases");
    }

    /** Closes every session; their threads end. */
    @Override
    void close();
}
