package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * metrics.k8s.io as metrics-server serves it, computed on request from the pods and nodes, so
 * nothing is stored and 10,000 pods cost nothing until asked. Each container's usage follows a
 * slow wave around a share of its requests plus noise, and changes every interval; a crash-looping
 * container runs near its limits, so a broken release shows up in {@code kubectl top}.
 */
final class Metrics {
    static final String API_VERSION = "metrics.k8s.io/v1beta1";

    /** Usage of one container: CPU in cores, memory in bytes. */
    record Usage(double cpu, double memory) {}

    private final Cluster cluster;
    private final Kubelet kubelet;
    private final InstantSource clock;
    private final long intervalMillis;
    private final long seed;

    Metrics(Cluster cluster, Kubelet kubelet, InstantSource clock, long intervalMillis, long seed) {
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.clock = clock;
        this.intervalMillis = intervalMillis;
        this.seed = seed;
    }

    MockResponse handle(ApiPath p, String method) {
        if (!method.equals("GET")) {
            return Responses.status(405, "MethodNotAllowed", "the metrics API is read-only");
        }
        if (p.flag("watch")) {
            return Responses.status(405, "MethodNotAllowed", "the metrics API cannot be watched");
        }
        Selector labels;
        try {
            labels = Selector.parse(p.param("labelSelector"));
        } catch (IllegalArgumentException e) {
            return Responses.status(400, "BadRequest", e.getMessage());
        }
        Instant at = sampleTime();
        if (p.plural().equals("pods")) {
            if (p.name() != null) {
                Pod pod = cluster.get(Resources.PODS, p.namespace(), p.name());
                if (pod == null || !running(pod)) {
                    return Responses.notFound(p);
                }
                return Responses.json(200, podMetrics(pod, at));
            }
            List<Pod> pods = new ArrayList<>();
            for (Pod pod : cluster.<Pod>all(Resources.PODS)) {
                if ((p.namespace() == null || p.namespace().equals(pod.getMetadata().getNamespace())) && running(pod)
                        && labels.matches(pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels())) {
                    pods.add(pod);
                }
            }
            pods.sort(Comparator.comparing((Pod x) -> x.getMetadata().getNamespace()).thenComparing(x -> x.getMetadata().getName()));
            StringBuilder sb = listStart("PodMetricsList");
            for (int i = 0; i < pods.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(podMetrics(pods.get(i), at));
            }
            return Responses.json(200, sb.append("]}").toString());
        }
        if (p.plural().equals("nodes")) {
            Map<String, double[]> perNode = new HashMap<>();
            for (Pod pod : cluster.<Pod>all(Resources.PODS)) {
                if (running(pod)) {
                    double[] sum = perNode.computeIfAbsent(pod.getSpec().getNodeName(), k -> new double[2]);
                    for (Container container : pod.getSpec().getContainers()) {
                        Usage u = usage(pod, container, at);
                        sum[0] += u.cpu();
                        sum[1] += u.memory();
                    }
                }
            }
            if (p.name() != null) {
                Node node = cluster.get(Resources.NODES, null, p.name());
                if (node == null) {
                    return Responses.notFound(p);
                }
                return Responses.json(200, nodeMetrics(node, perNode.get(node.getMetadata().getName()), at));
            }
            List<Node> nodes = new ArrayList<>();
            for (Node node : cluster.<Node>all(Resources.NODES)) {
                if (labels.matches(node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels())) {
                    nodes.add(node);
                }
            }
            nodes.sort(Comparator.comparing(n -> n.getMetadata().getName()));
            StringBuilder sb = listStart("NodeMetricsList");
            for (int i = 0; i < nodes.size(); i++) {
                sb.append(i == 0 ? "" : ",").append(nodeMetrics(nodes.get(i), perNode.get(nodes.get(i).getMetadata().getName()), at));
            }
            return Responses.json(200, sb.append("]}").toString());
        }
        return Responses.notFound(p);
    }

    Instant sampleTime() {
        long ms = clock.millis();
        return Instant.ofEpochMilli(ms - Math.floorMod(ms, intervalMillis));
    }

    private static StringBuilder listStart(String kind) {
        return new StringBuilder(8192).append("{\"kind\":\"").append(kind).append("\",\"apiVersion\":\"").append(API_VERSION)
                .append("\",\"metadata\":{},\"items\":[");
    }

    private static boolean running(Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase()) && pod.getSpec().getNodeName() != null;
    }

    private String podMetrics(Pod pod, Instant at) {
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"kind\":\"PodMetrics\",\"apiVersion\":\"").append(API_VERSION).append("\",\"metadata\":{\"name\":")
                .append(Json.quote(pod.getMetadata().getName())).append(",\"namespace\":").append(Json.quote(pod.getMetadata().getNamespace()))
                .append(",\"creationTimestamp\":\"").append(Kube.time(clock.instant())).append("\"");
        labels(sb, pod.getMetadata().getLabels());
        sb.append("},\"timestamp\":\"").append(Kube.time(at)).append("\",\"window\":\"15s\",\"containers\":[");
        boolean first = true;
        for (Container container : pod.getSpec().getContainers()) {
            Usage u = usage(pod, container, at);
            sb.append(first ? "" : ",").append("{\"name\":").append(Json.quote(container.getName())).append(",\"usage\":");
            usageJson(sb, u.cpu(), u.memory());
            sb.append('}');
            first = false;
        }
        return sb.append("]}").toString();
    }

    private String nodeMetrics(Node node, double[] pods, Instant at) {
        int index = Scheduler.nodeIndex(node.getMetadata().getName());
        long bucket = at.toEpochMilli() / intervalMillis;
        double cpu = 0.18 + 0.04 * noise(node.getMetadata().getName().hashCode(), bucket) + (pods == null ? 0 : pods[0]);
        double memory = 1.1e9 + 1.5e8 * (index % 3) + 5e7 * noise(index, bucket) + (pods == null ? 0 : pods[1]);
        StringBuilder sb = new StringBuilder(256);
        sb.append("{\"kind\":\"NodeMetrics\",\"apiVersion\":\"").append(API_VERSION).append("\",\"metadata\":{\"name\":")
                .append(Json.quote(node.getMetadata().getName())).append(",\"creationTimestamp\":\"").append(Kube.time(clock.instant())).append("\"");
        labels(sb, node.getMetadata().getLabels());
        sb.append("},\"timestamp\":\"").append(Kube.time(at)).append("\",\"window\":\"20s\",\"usage\":");
        usageJson(sb, cpu, memory);
        return sb.append('}').toString();
    }

    private static void labels(StringBuilder sb, Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return;
        }
        sb.append(",\"labels\":{");
        boolean first = true;
        for (var e : labels.entrySet()) {
            sb.append(first ? "" : ",").append(Json.quote(e.getKey())).append(':').append(Json.quote(e.getValue()));
            first = false;
        }
        sb.append('}');
    }

    private static void usageJson(StringBuilder sb, double cores, double bytes) {
        sb.append("{\"cpu\":\"").append(Math.max(0, Math.round(cores * 1e9))).append("n\",\"memory\":\"")
                .append(Math.max(0, Math.round(bytes / 1024))).append("Ki\"}");
    }

    /** The usage of one container at a sample time. */
    Usage usage(Pod pod, Container container, Instant at) {
        double cpuRequest = amount(container, true, true, 0.05);
        double cpuLimit = amount(container, true, false, Math.max(cpuRequest * 4, 0.2));
        double memRequest = amount(container, false, true, 64 * 1024 * 1024);
        double memLimit = amount(container, false, false, memRequest * 2);
        long key = seed * 31 + (pod.getMetadata().getUid() == null ? pod.getMetadata().getName().hashCode() : pod.getMetadata().getUid().hashCode())
                + container.getName().hashCode();
        double phase = unit(key);
        double seconds = at.getEpochSecond();
        long bucket = at.toEpochMilli() / intervalMillis;
        if (kubelet.fault(container.getImage()) == Kubelet.Fault.CRASH) {
            double cpu = cpuLimit * (0.86 + 0.12 * unit(key ^ bucket));
            double mem = memLimit * (0.9 + 0.08 * unit(key * 7 ^ bucket));
            return new Usage(cpu, mem);
        }
        double level = 0.25 + 0.35 * unit(key * 13);
        double cpu = cpuRequest * (level + 0.15 * Math.sin(2 * Math.PI * (seconds / 300.0 + phase)) + 0.08 * noise(key, bucket));
        double mem = memRequest * (0.5 + 0.25 * unit(key * 17) + 0.06 * Math.sin(2 * Math.PI * (seconds / 1800.0 + phase))
                + 0.02 * noise(key * 3, bucket));
        return new Usage(Math.max(cpuRequest * 0.02, cpu), Math.max(8 * 1024 * 1024, mem));
    }

    private static double amount(Container c, boolean cpu, boolean request, double fallback) {
        if (c.getResources() == null) {
            return fallback;
        }
        Map<String, Quantity> m = request ? c.getResources().getRequests() : c.getResources().getLimits();
        Quantity q = m == null ? null : m.get(cpu ? "cpu" : "memory");
        if (q == null) {
            return fallback;
        }
        try {
            return Quantity.getAmountInBytes(q).doubleValue();
        } catch (RuntimeException e) {
            return fallback;
        }
    }

    /** A stable value in [0, 1) for a key. */
    private static double unit(long key) {
        long z = key + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return (z >>> 11) * 0x1.0p-53;
    }

    /** A stable value in [-1, 1) for a key and a time bucket. */
    private static double noise(long key, long bucket) {
        return unit(key * 0x632BE59BD9B4E019L + bucket) * 2 - 1;
    }
}
