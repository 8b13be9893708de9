package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code pods/log}: a believable log for each container, made up from what the pod runs, with
 * {@code tailLines}, {@code sinceTime}, {@code timestamps} and {@code previous} (the last
 * terminated instance). A follow ({@code follow=true}) gets what there is and the end of the
 * response: the mock web server cannot stream, so clients follow by asking again since the last
 * line, as they do after a dropped connection.
 */
final class PodLogs {
    private static final Duration REQUEST_EVERY = Duration.ofSeconds(5);
    private static final int MAX_REQUEST_LINES = 100;
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
        ContainerStatus status = status(pod, container.getName());
        List<String> lines;
        if (p.flag("previous")) {
            ContainerStateTerminated last = status == null || status.getLastState() == null ? null : status.getLastState().getTerminated();
            if (last == null) {
                return Responses.status(400, "BadRequest", "previous terminated container \"" + container.getName() + "\" in pod \""
                        + p.name() + "\" not found");
            }
            lines = previousLines(pod, container, last);
        } else {
            if (pod.getStatus() == null || !"Running".equals(pod.getStatus().getPhase())
                    || (status != null && status.getState() != null && status.getState().getWaiting() != null)) {
                return Responses.status(400, "BadRequest", "container \"" + container.getName() + "\" in pod \"" + p.name()
                        + "\" is waiting to start: " + waitingReason(pod));
            }
            Instant started = status != null && status.getState() != null && status.getState().getRunning() != null
                    ? Kube.parseTime(status.getState().getRunning().getStartedAt()) : null;
            lines = lines(pod, container, started);
        }
        String since = p.param("sinceTime");
        if (since != null && !since.isEmpty()) {
            Instant from;
            try {
                from = Instant.parse(since);
            } catch (DateTimeParseException e) {
                return Responses.status(400, "BadRequest", "sinceTime " + since + " is not an RFC 3339 time");
            }
            // As the kubelet: lines at or after the time (it has second precision, so a client may see a line again).
            lines = lines.stream().filter(l -> !Instant.parse(l.substring(0, l.indexOf(' '))).isBefore(from)).toList();
        }
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

    private static ContainerStatus status(Pod pod, String container) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return null;
        }
        return pod.getStatus().getContainerStatuses().stream().filter(cs -> container.equals(cs.getName())).findFirst().orElse(null);
    }

    /** The last terminated instance: what it said until it stopped, and why it stopped. */
    private List<String> previousLines(Pod pod, Container container, ContainerStateTerminated last) {
        Instant start = Kube.parseTime(last.getStartedAt());
        Instant end = last.getFinishedAt() == null ? clock.instant() : Kube.parseTime(last.getFinishedAt());
        List<String> out = new ArrayList<>(lines(pod, container, start, end));
        if (kubelet.fault(container.getImage()) != Kubelet.Fault.CRASH) {
            boolean oom = "OOMKilled".equals(last.getReason());
            out.add(end + (oom ? " level=error msg=\"out of memory\" heap=" + container.getName() : " level=error msg=\"liveness probe failed\" path=/healthz")
                    + " exit=" + (last.getExitCode() == null ? 1 : last.getExitCode()));
        }
        return out;
    }

    private List<String> lines(Pod pod, Container container, Instant startedAt) {
        Instant podStart = pod.getStatus().getStartTime() == null ? clock.instant().minusSeconds(60) : Kube.parseTime(pod.getStatus().getStartTime());
        return lines(pod, container, startedAt == null || startedAt.equals(Instant.EPOCH) ? podStart : startedAt, clock.instant());
    }

    /** Lines with an RFC 3339 timestamp first, as kubectl logs --timestamps prints them; a request every 15 s. */
    private List<String> lines(Pod pod, Container container, Instant start, Instant now) {
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
        // A request every few seconds at fixed times from the start, so asking again since a line finds the same lines.
        long steps = Math.max(0, Duration.between(start, now).toMillis() / REQUEST_EVERY.toMillis());
        long h = pod.getMetadata().getName().hashCode();
        for (long i = Math.max(1, steps - MAX_REQUEST_LINES + 1); i <= steps; i++) {
            Instant t = start.plus(REQUEST_EVERY.multipliedBy(i));
            long k = h * 31 + t.getEpochSecond() / 5;
            String path = PATHS[(int) Math.floorMod(k, (long) PATHS.length)];
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
