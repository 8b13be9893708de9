package dev.wheelhouse.app.ui.connections;

import java.util.Objects;

/** A target's connection status and a line on why (e.g. the error of a failed connection). */
public record ConnectionState(ConnectionStatus status, String detail) {
    /** What every target shows until the cluster and host views connect to them. */
    public static final ConnectionState NOT_CONNECTED =
            new ConnectionState(ConnectionStatus.NOT_CONNECTED, "live connections arrive with the cluster and host views");

    public ConnectionState {
        Objects.requireNonNull(status);
        detail = detail == null ? "" : detail;
    }
}
