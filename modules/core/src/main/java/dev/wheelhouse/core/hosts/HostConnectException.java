package dev.wheelhouse.core.hosts;

import java.io.IOException;

/**
 * A host could not be connected to, in words fit for the user: what failed and where (host
 * name, port, jump host, key file, known_hosts file:line). Never carries a secret.
 *
 * @see #hostKey() the host key check's outcome (NOT_CHECKED if it failed before that)
 */
public final class HostConnectException extends IOException {
    private static final long serialVersionUID = 1L;

    private final HostKeyStatus hostKey;
    private final String fingerprint;
    private final transient UnknownHostKey unknownKey;

    public HostConnectException(String message, HostKeyStatus hostKey, String fingerprint, UnknownHostKey unknownKey, Throwable cause) {
        super(message, cause);
        this.hostKey = hostKey == null ? HostKeyStatus.NOT_CHECKED : hostKey;
        this.fingerprint = fingerprint;
        this.unknownKey = unknownKey;
    }

    public HostConnectException(String message, Throwable cause) {
        this(message, HostKeyStatus.NOT_CHECKED, null, null, cause);
    }

    public HostKeyStatus hostKey() {
        return hostKey;
    }

    /** The presented key's SHA256 fingerprint, when the key exchange got that far. */
    public String fingerprint() {
        return fingerprint;
    }

    /** The key that was refused for being unknown (so the window can ask and then trust it), else null. */
    public UnknownHostKey unknownKey() {
        return unknownKey;
    }

    /** A refused host key will be refused again: do not retry until the user acts. */
    public boolean hostKeyRefused() {
        return hostKey == HostKeyStatus.CHANGED || hostKey == HostKeyStatus.REVOKED || hostKey == HostKeyStatus.UNKNOWN_REFUSED;
    }
}
