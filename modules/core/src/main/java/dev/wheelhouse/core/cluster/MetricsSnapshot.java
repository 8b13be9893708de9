package dev.wheelhouse.core.cluster;

import java.util.List;
import java.util.Map;

/**
 * The latest usage of each node and pod (keys are RowKeys of kind Node or Pod) and the metrics
 * state per context. The history of one key comes from {@link ClusterSubscription#series}.
 */
public record MetricsSnapshot(List<MetricsStatus> statuses, Map<RowKey, Usage> latest) {
    public static final MetricsSnapshot NONE = new MetricsSnapshot(List.of(), Map.of());

    public MetricsSnapshot {
        statuses = List.copyOf(statuses);
        latest = Map.copyOf(latest);
    }

    public MetricsState state(String context) {
        return statuses.stream().filter(s -> s.context().equals(context)).map(MetricsStatus::state)
                .findFirst().orElse(MetricsState.COLLECTING);
    }
}
