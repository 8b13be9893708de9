package dev.wheelhouse.sandbox;

import java.util.List;

/**
 * How to run a {@link Sandbox}. Start from {@link #defaults()} and change what you need with the
 * {@code with...} methods; the compact constructor rejects values that make no sense with an
 * {@link IllegalArgumentException} naming the option.
 *
 * @param port the TCP port on 127.0.0.1; 0 picks a free one
 * @param pods total pods to seed; 0 (or fewer than the demo seed has) keeps the demo seed only.
 *        Extra pods go to extra "load" Deployments
 * @param deployments total Deployments to seed; 0 (or fewer than the demo seed has) keeps the
 *        demo seed only
 * @param churnPerSecond background changes per second: a running pod's container restarts
 *        (restart count up, last state terminated) and an Event is recorded. 0 turns churn off
 * @param rolloutStepMillis how long a new pod takes to become ready, and so each rollout step
 * @param progressDeadlineSeconds the progressDeadlineSeconds of the seeded Deployments: how long
 *        a stalled rollout takes to report ProgressDeadlineExceeded
 * @param metricsIntervalMillis how often the metrics.k8s.io values change
 * @param brokenImages images that crash-loop, in addition to any image whose tag contains
 *        "broken" (and "does-not-exist", which never pulls)
 * @param randomSeed seeds names, IPs and metrics, so two sandboxes with the same options match
 * @param denied what the practice user may not do (403 Forbidden, and SelfSubjectAccessReviews say
 *        no); empty allows everything. {@link Sandbox#denied(List)} changes them at run time
 * @param metricsApi whether metrics.k8s.io is served; without it the sandbox answers as a cluster
 *        without metrics-server does (404, and no such group in discovery)
 */
public record SandboxOptions(
        int port,
        int pods,
        int deployments,
        double churnPerSecond,
        long rolloutStepMillis,
        int progressDeadlineSeconds,
        long metricsIntervalMillis,
        List<String> brokenImages,
        long randomSeed,
        List<Denial> denied,
        boolean metricsApi) {

    public SandboxOptions {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is not between 0 and 65535");
        }
        if (pods < 0 || pods > 200_000) {
            throw new IllegalArgumentException("pods " + pods + " is not between 0 and 200000");
        }
        if (deployments < 0 || deployments > 20_000) {
            throw new IllegalArgumentException("deployments " + deployments + " is not between 0 and 20000");
        }
        if (!(churnPerSecond >= 0 && churnPerSecond <= 10_000)) {
            throw new IllegalArgumentException("churn " + churnPerSecond + " events/s is not between 0 and 10000");
        }
        if (rolloutStepMillis < 10 || rolloutStepMillis > 600_000) {
            throw new IllegalArgumentException("rollout step " + rolloutStepMillis + " ms is not between 10 and 600000");
        }
        if (progressDeadlineSeconds < 1 || progressDeadlineSeconds > 86_400) {
            throw new IllegalArgumentException("progress deadline " + progressDeadlineSeconds + " s is not between 1 and 86400");
        }
        if (metricsIntervalMillis < 100 || metricsIntervalMillis > 3_600_000) {
            throw new IllegalArgumentException("metrics interval " + metricsIntervalMillis + " ms is not between 100 and 3600000");
        }
        brokenImages = brokenImages == null ? List.of() : List.copyOf(brokenImages);
        denied = denied == null ? List.of() : List.copyOf(denied);
    }

    /** A demo: any free port, the demo seed, a little churn, 1.5 s rollout steps, 30 s deadlines. */
    public static SandboxOptions defaults() {
        return new SandboxOptions(0, 0, 0, 0.5, 1500, 30, 5000, List.of(), 1, List.of(), true);
    }

    public SandboxOptions withPort(int value) {
        return new SandboxOptions(value, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, denied, metricsApi);
    }

    /** The scale for benchmarks: total pods and Deployments. */
    public SandboxOptions withScale(int totalPods, int totalDeployments) {
        return new SandboxOptions(port, totalPods, totalDeployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withChurnPerSecond(double value) {
        return new SandboxOptions(port, pods, deployments, value, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withRolloutStepMillis(long value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, value, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withProgressDeadlineSeconds(int value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, value,
                metricsIntervalMillis, brokenImages, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withMetricsIntervalMillis(long value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                value, brokenImages, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withBrokenImages(List<String> value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, value, randomSeed, denied, metricsApi);
    }

    public SandboxOptions withRandomSeed(long value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, value, denied, metricsApi);
    }

    /** What the practice user may not do; replaces the earlier rules. */
    public SandboxOptions withDenied(List<Denial> value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, value, metricsApi);
    }

    /** false: no metrics.k8s.io, as on a cluster without metrics-server. */
    public SandboxOptions withMetricsApi(boolean value) {
        return new SandboxOptions(port, pods, deployments, churnPerSecond, rolloutStepMillis, progressDeadlineSeconds,
                metricsIntervalMillis, brokenImages, randomSeed, denied, value);
    }

    /** The same as {@link #withDenied(List)} with the rules given one by one. */
    public SandboxOptions withDenied(Denial... value) {
        return withDenied(List.of(value));
    }
}
