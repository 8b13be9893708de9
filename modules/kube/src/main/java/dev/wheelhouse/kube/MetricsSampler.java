package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.kube.render.Quantities;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Samples metrics.k8s.io for one context (its nodes and the pods of its namespaces) on its own
 * virtual thread, every interval, and hands each sample to the live model. A cluster without a
 * metrics API (404, or 503 from an unready metrics-server) is METRICS_UNAVAILABLE, said plainly.
 */
final class MetricsSampler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(MetricsSampler.class);

    /** One round of sampling: the state it leaves the context in and the usage it found. */
    record Sample(String context, MetricsState state, String detail, Instant at, Map<RowKey, Usage> usage) {}

    private final String context;
    private final KubernetesClient client;
    private final String server;
    private final List<String> namespaces;
    private final Duration interval;
    private final Clock clock;
    private final Consumer<Sample> sink;
    private final Thread thread;
    private volatile boolean closed;

    MetricsSampler(String context, KubernetesClient client, String server, List<String> namespaces, Duration interval,
            Clock clock, Consumer<Sample> sink) {
        this.context = context;
        this.client = client;
        this.server = server;
        this.namespaces = List.copyOf(namespaces);
        this.interval = interval;
        this.clock = clock;
        this.sink = sink;
        this.thread = Thread.ofVirtual().name("wheelhouse-metrics-" + context).unstarted(this::loop);
    }

    void start() {
        thread.start();
    }

    private void loop() {
        while (!closed) {
            Sample sample;
            try {
                sample = sampleOnce();
            } catch (RuntimeException e) {
                if (closed) {
                    return;
                }
                sample = new Sample(context, MetricsState.FAILED, "sampling metrics of context '" + context + "' failed: "
                        + FeedErrors.rootMessage(e), clock.instant(), Map.of());
            }
            if (closed) {
                return;
            }
            sink.accept(sample);
            try {
                Thread.sleep(interval);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    Sample sampleOnce() {
        Instant at = clock.instant();
        Map<RowKey, Usage> usage = new HashMap<>();
        List<KubernetesClientException> failures = new ArrayList<>();
        RuntimeException unreachable = null;
        int calls = 0;
        try {
            calls++;
            for (NodeMetrics m : client.top().nodes().metrics().getItems()) {
                usage.put(new RowKey(context, "Node", "", m.getMetadata().getName()), usage(m.getUsage(), at));
            }
        } catch (KubernetesClientException e) {
            if (e.getCode() <= 0) {
                unreachable = e;
            } else {
                failures.add(e);
            }
        }
        for (String ns : namespaces) {
            if (unreachable != null) {
                break;
            }
            try {
                calls++;
                for (PodMetrics m : client.top().pods().metrics(ns).getItems()) {
                    long cpu = 0;
                    long memory = 0;
                    for (ContainerMetrics c : m.getContainers() == null ? List.<ContainerMetrics>of() : m.getContainers()) {
                        cpu += Quantities.millis(c.getUsage(), "cpu");
                        memory += Quantities.bytes(c.getUsage(), "memory");
                    }
                    usage.put(new RowKey(context, "Pod", ns, m.getMetadata().getName()), new Usage(at, cpu, memory));
                }
            } catch (KubernetesClientException e) {
                if (e.getCode() <= 0) {
                    unreachable = e;
                } else {
                    failures.add(e);
                }
            }
        }
        if (unreachable != null) {
            return new Sample(context, MetricsState.FAILED, FeedErrors.unreachable(unreachable, context, server), at, Map.of());
        }
        if (failures.isEmpty()) {
            return new Sample(context, MetricsState.AVAILABLE, "", at, usage);
        }
        KubernetesClientException first = failures.getFirst();
        String detail = describe(first);
        if (failures.size() < calls) {
            // some lists worked (e.g. pods but not nodes): usage is there, with a word on what is missing
            return new Sample(context, MetricsState.AVAILABLE, detail, at, usage);
        }
        MetricsState state = switch (first.getCode()) {
            case 404, 503 -> MetricsState.METRICS_UNAVAILABLE;
            case 403 -> MetricsState.FORBIDDEN;
            default -> MetricsState.FAILED;
        };
        LOG.debug("metrics of context {}: {}", context, detail);
        return new Sample(context, state, detail, at, Map.of());
    }

    private String describe(KubernetesClientException e) {
        return switch (e.getCode()) {
            case 404 -> "context '" + context + "' serves no metrics API (metrics.k8s.io): live CPU and memory need metrics-server";
            case 503 -> "the metrics API of context '" + context + "' is registered but not available (503): metrics-server is not ready";
            case 403 -> "no permission to read metrics (metrics.k8s.io) in context '" + context + "'";
            default -> "the metrics API of context '" + context + "' answered " + e.getCode() + ": " + FeedErrors.rootMessage(e);
        };
    }

    private static Usage usage(Map<String, Quantity> usage, Instant at) {
        return new Usage(at, Quantities.millis(usage, "cpu"), Quantities.bytes(usage, "memory"));
    }

    @Override
    public void close() {
        closed = true;
        thread.interrupt();
    }
}
