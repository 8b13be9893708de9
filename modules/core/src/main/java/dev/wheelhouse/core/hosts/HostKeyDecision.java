package dev.wheelhouse.core.hosts;

/**
 * Asked when a host presents a key that no known_hosts file has. A changed key is never asked
 * about: it is refused. Called on the SSH transport's thread while the key exchange waits (at
 * most the connect timeout), so it must answer at once: headless runs refuse (or accept-new
 * with --accept-new-host-key); the window refuses, shows {@link ConnectionState#unknownKey()},
 * and when the user accepts calls {@code HostGateway.trust} and {@code HostSession.reconnect}.
 */
@FunctionalInterface
public interface HostKeyDecision {

    enum Verdict {
        /** Trust it and record it in Wheelhouse's own known_hosts. */
        ACCEPT_AND_SAVE,
        /** Trust it for this connection only. */
        ACCEPT_ONCE,
        REFUSE
    }

    Verdict decide(UnknownHostKey key);

    /** Headless default, like OpenSSH's StrictHostKeyChecking=yes. */
    HostKeyDecision REFUSE = key -> Verdict.REFUSE;

    /** Like OpenSSH's StrictHostKeyChecking=accept-new: new keys are saved, changed keys still refused. */
    HostKeyDecision ACCEPT_NEW = key -> Verdict.ACCEPT_AND_SAVE;
}
