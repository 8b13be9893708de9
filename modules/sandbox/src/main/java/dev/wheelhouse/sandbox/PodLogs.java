package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;

/** {@code pods/log}: a believable log for each container, made up from what the pod runs. */
final class PodLogs {
    private static final String[] PATHS = {"/api/cart", "/api/products", "/healthz", "/api/orders", "/api/search", "/metrics"};

    private final Cluster cluster;
    private final Kubelet kubelet;
    private final InstantSource clock;

    PodLogs(Cluster cluster, Kubelet kubelet, InstantSource clock) {
        this.cluster = cluster;
        this.kubelet = kubelet;
        this.clock = clock;
    }

    MockResponse handle(ApiPath p) {
        Pod pod = cluster.get(Resources.PODS, p.namespace(), p.name());
        if (pod == null) {
            return Responses.notFound(p);
        }
        List<Container> containers = pod.getSpec().getContainers();
        String wanted = p.param("container");
        Container container = null;
        if (wanted == null || wanted.isEmpty()) {
            if (containers.size() > 1) {
                return Responses.status(400, "BadRequest", "a container name must be specified for pod " + p.name()
                        + ", choose one of: " + containers.stream().map(Container::getName).toList());
            }
            container = containers.getFirst();
        } else {
            for (Container c : containers) {
                if (c.getName().equals(wanted)) {
                    container = c;
                }
            }
            if (container == null) {
                return Responses.status(400, "BadRequest", "container " + wanted + " is not valid for pod " + p.name());
            }
        }
        if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())) {
            return Responses.status(400, "BadRequest", "container \"" + container.getName() + "\" in pod \"" + p.name()
                    + "\" is waiting to start: " + waitingReason(pod));
        }
        List<String> lines = lines(pod, container);
        String tail = p.param("tailLines");
        if (tail != null) {
            try {
                int n = Integer.parseInt(tail);
                if (n >= 0 && n < lines.size()) {
                    lines = lines.subList(lines.size() - n, lines.size());
                }
            } catch (NumberFormatException ignored) {
                // all lines
            }
        }
        StringBuilder sb = new StringBuilder();
        boolean timestamps = p.flag("timestamps");
        for (String line : lines) {
            sb.append(timestamps ? line : line.substring(line.indexOf(' ') + 1)).append('\n');
        }
        return Responses.text(200, sb.toString());
    }

    private static String waitingReason(Pod pod) {
        if (pod.getStatus() != null && pod.getStatus().getContainerStatuses() != null) {
            for (var cs : pod.getStatus().getContainerStatuses()) {
                if (cs.getState() != null && cs.getState().getWaiting() != null) {
                    return cs.getState().getWaiting().getReason();
                }
            }
        }
        return "ContainerCreating";
    }

    /** Lines with an RFC 3339 timestamp first, as kubectl logs --timestamps prints them. */
    private List<String> lines(Pod pod, Container container) {
        Instant start = pod.getStatus().getStartTime() == null ? clock.instant().minusSeconds(60) : Kube.parseTime(pod.getStatus().getStartTime());
        Instant now = clock.instant();
        String image = container.getImage();
        String version = Kubelet.tag(image);
        List<String> out = new ArrayList<>();
        out.add(start + " level=info msg=\"starting " + container.getName() + "\" version=" + version + " pod=" + pod.getMetadata().getName());
        out.add(start.plusMillis(40) + " level=info msg=\"configuration loaded\" env=" + pod.getMetadata().getNamespace());
        boolean crashing = kubelet.fault(image) == Kubelet.Fault.CRASH;
        if (crashing) {
            out.add(start.plusMillis(310) + " level=error msg=\"migration check failed\" error=\"schema version " + version
                    + " expects table orders.v2, found orders.v1\"");
            out.add(start.plusMillis(320) + " level=fatal msg=\"cannot start: refusing to serve with an incompatible schema\" exit=1");
            return out;
        }
        out.add(start.plusMillis(180) + " level=info msg=\"listening\" addr=:" + port(container));
        long seconds = Math.max(0, now.getEpochSecond() - start.getEpochSecond());
        int count = (int) Math.min(40, seconds / 15);
        long h = pod.getMetadata().getName().hashCode();
        for (int i = count; i > 0; i--) {
            Instant t = now.minusSeconds(i * 15L);
            long k = h * 31 + t.getEpochSecond() / 15;
            String path = PATHS[Math.floorMod(k, PATHS.length)];
            int status = Math.floorMod(k * 7, 50) == 0 ? 503 : 200;
            long millis = 3 + Math.floorMod(k * 13, 120);
            out.add(t + " level=" + (status == 200 ? "info" : "warn") + " msg=\"request\" method=GET path=" + path
                    + " status=" + status + " duration=" + millis + "ms");
        }
        return out;
    }

    private static int port(Container c) {
        return c.getPorts() == null || c.getPorts().isEmpty() ? 8080 : c.getPorts().getFirst().getContainerPort();
    }
}
