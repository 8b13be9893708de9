package dev.wheelhouse.core.cluster;

/** One row added or changed ({@code row} set) or removed ({@code row} null) since the previous batch. */
public record RowChange(RowKey key, ResourceRow row) {
    public boolean removed() {
        return row == null;
    }
}
