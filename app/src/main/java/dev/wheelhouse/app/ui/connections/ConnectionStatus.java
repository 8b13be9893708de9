package dev.wheelhouse.app.ui.connections;

/** Where a connection to one target stands. */
public enum ConnectionStatus {
    NOT_CONNECTED("not connected"),
    CONNECTING("connecting"),
    /** Was connected, lost it, and is trying again: what it shows may be stale. */
    RECONNECTING("reconnecting"),
    CONNECTED("connected"),
    FAILED("failed");

    private final String label;

    ConnectionStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
