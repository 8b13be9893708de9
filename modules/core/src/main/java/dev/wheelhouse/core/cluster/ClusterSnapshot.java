package dev.wheelhouse.core.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything the console knows about the Kubernetes part of one environment at one moment.
 * Immutable; a new one comes with each batch.
 *
 * @param sequence increases by one with each batch of a subscription
 * @param feeds one per context x namespace x kind (cluster-scoped kinds once per context)
 * @param targets one per context
 * @param rows by kind name ("Pod"), in no particular order; kinds with no rows may be absent
 */
public record ClusterSnapshot(
        String environment,
        long sequence,
        Instant takenAt,
        List<FeedState> feeds,
        List<TargetHealth> targets,
        Map<String, List<ResourceRow>> rows,
        MetricsSnapshot metrics) {

    public ClusterSnapshot {
        feeds = List.copyOf(feeds);
        targets = List.copyOf(targets);
        rows = Map.copyOf(rows);
        metrics = metrics == null ? MetricsSnapshot.NONE : metrics;
    }

    public List<ResourceRow> rows(String kind) {
        return rows.getOrDefault(kind, List.of());
    }

    public List<FeedState> feeds(String kind) {
        return feeds.stream().filter(f -> f.key().kind().equals(kind)).toList();
    }

    public Optional<FeedState> feed(FeedKey key) {
        return feeds.stream().filter(f -> f.key().equals(key)).findFirst();
    }

    public Optional<TargetHealth> target(String context) {
        return targets.stream().filter(t -> t.context().equals(context)).findFirst();
    }

    /** Some rows of this kind come from a feed that is not live right now. */
    public boolean stale(String kind) {
        return feeds(kind).stream().anyMatch(FeedState::stale);
    }

    /** Every feed of this kind is live. */
    public boolean live(String kind) {
        List<FeedState> of = feeds(kind);
        return !of.isEmpty() && of.stream().allMatch(f -> f.status() == FeedStatus.LIVE);
    }

    /** The lines to show in place of (or above) a kind's rows: 'no permission to list ...' and the like. */
    public List<String> problems(String kind) {
        return feeds(kind).stream().filter(f -> f.status() != FeedStatus.LIVE && !f.detail().isEmpty())
                .map(FeedState::detail).distinct().toList();
    }
}
