package dev.wheelhouse.core.cluster;

import java.util.List;

/**
 * What changed since the previous batch, and the whole picture after it. A view may apply the
 * changes to its table, or replace its table from the snapshot; both give the same result.
 *
 * @param changes the rows changed, in the order they were coalesced (each key at most once)
 * @param feedsChanged some feed or target state changed
 * @param metricsChanged a metrics sample arrived or the metrics state changed
 */
public record ClusterBatch(ClusterSnapshot snapshot, List<RowChange> changes, boolean feedsChanged, boolean metricsChanged) {
    public ClusterBatch {
        changes = List.copyOf(changes);
    }
}
