package dev.wheelhouse.core.hosts;

import java.time.Instant;

/**
 * Where a host's connection stands.
 *
 * @param lastError what went wrong last (null when it never failed); kept while UP again
 *     after a reconnect, so the user can see why it had dropped
 * @param attempt reconnect attempts since the last time it was UP
 * @param nextAttempt when the next try is due (DOWN), else null
 * @param unknownKey the host key refused for being unknown, for the window to show and ask about
 *     (then {@code HostGateway.trust} and {@link HostSession#reconnect()}); else null
 */
public record ConnectionState(
        Phase phase,
        String target,
        String lastError,
        HostKeyStatus hostKey,
        Instant since,
        int attempt,
        Instant nextAttempt,
        UnknownHostKey unknownKey) {

    public enum Phase {
        CONNECTING,
        UP,
        /** Failed; retried at {@code nextAttempt} unless it is null (a refused host key waits for the user). */
        DOWN,
        RECONNECTING,
        CLOSED
    }

    public boolean isUp() {
        return phase == Phase.UP;
    }
}
