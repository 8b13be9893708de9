package dev.wheelhouse.kube;

import java.time.Duration;

/**
 * The timings of the Kubernetes adapter. The defaults suit a desktop console; tests shorten them.
 *
 * @param connectTimeout TCP + TLS connect to an API server
 * @param requestTimeout one request (a list of 10,000 pods takes about a second)
 * @param coalesce at most one batch per subscription this often (STYLE.md: 100-250 ms)
 * @param watchPoll how often the watches' health is looked at
 * @param reconnectGrace how long a watch may be down before its rows are called stale (a
 *     watch is renewed every 5-10 minutes, which takes about a second)
 * @param metricsInterval how often metrics.k8s.io is sampled
 * @param metricsWindow how much usage history is kept per node and pod
 * @param accessCacheTtl how long an access review answer is reused
 * @param watchRetry the first delay before a dropped watch or failed list is tried again;
 *     Fabric8 doubles it up to 32 times
 * @param podsFirstAtMost how long a context's other lists may wait for its pods' first answer
 *     (the pods are listed first: see EnvironmentWatch)
 */
public record KubeOptions(
        Duration connectTimeout,
        Duration requestTimeout,
        Duration coalesce,
        Duration watchPoll,
        Duration reconnectGrace,
        Duration metricsInterval,
        Duration metricsWindow,
        Duration accessCacheTtl,
        Duration watchRetry,
        Duration podsFirstAtMost) {

    // Batches every 250 ms, the top of STYLE.md's range: under 200 events/s at 10,000 pods the
    // console used a fifth less CPU than at 150 ms (the FX thread and the renderer 40% less), and
    // each change still showed within 0.35 s (docs/BENCHMARKS.md, Views, fifth pass).
    public static final KubeOptions DEFAULTS = new KubeOptions(
            Duration.ofSeconds(5), Duration.ofSeconds(15), Duration.ofMillis(250), Duration.ofMillis(500),
            Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofMinutes(10), Duration.ofSeconds(30), Duration.ofSeconds(1),
            Duration.ofSeconds(5));

    /** How many samples the ring buffer of one node or pod holds. */
    public int metricsCapacity() {
        return (int) Math.max(2, metricsWindow.toMillis() / Math.max(1, metricsInterval.toMillis()));
    }

    public KubeOptions withMetricsInterval(Duration interval) {
        return new KubeOptions(connectTimeout, requestTimeout, coalesce, watchPoll, reconnectGrace, interval, metricsWindow,
                accessCacheTtl, watchRetry, podsFirstAtMost);
    }

    public KubeOptions withReconnectGrace(Duration grace) {
        return new KubeOptions(connectTimeout, requestTimeout, coalesce, watchPoll, grace, metricsInterval, metricsWindow,
                accessCacheTtl, watchRetry, podsFirstAtMost);
    }

    public KubeOptions withAccessCacheTtl(Duration ttl) {
        return new KubeOptions(connectTimeout, requestTimeout, coalesce, watchPoll, reconnectGrace, metricsInterval,
                metricsWindow, ttl, watchRetry, podsFirstAtMost);
    }

    public KubeOptions withWatchRetry(Duration retry) {
        return new KubeOptions(connectTimeout, requestTimeout, coalesce, watchPoll, reconnectGrace, metricsInterval,
                metricsWindow, accessCacheTtl, retry, podsFirstAtMost);
    }

    public KubeOptions withPodsFirstAtMost(Duration atMost) {
        return new KubeOptions(connectTimeout, requestTimeout, coalesce, watchPoll, reconnectGrace, metricsInterval,
                metricsWindow, accessCacheTtl, watchRetry, atMost);
    }
}
