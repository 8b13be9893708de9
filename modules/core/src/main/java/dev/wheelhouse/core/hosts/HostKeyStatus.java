package dev.wheelhouse.core.hosts;

/** The outcome of checking a host's key against the known_hosts files. */
public enum HostKeyStatus {
    NOT_CHECKED("not checked"),
    KNOWN("known"),
    ACCEPTED_NEW("accepted new"),
    ACCEPTED_ONCE("accepted once"),
    UNKNOWN_REFUSED("unknown, refused"),
    CHANGED("CHANGED"),
    REVOKED("revoked");

    private final String label;

    HostKeyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean trusted() {
        return this == KNOWN || this == ACCEPTED_NEW || this == ACCEPTED_ONCE;
    }
}
