package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.PodLogRequest;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.ContainerResource;
import io.fabric8.kubernetes.client.dsl.LogWatch;
import io.fabric8.kubernetes.client.dsl.Loggable;
import io.fabric8.kubernetes.client.dsl.PodResource;
import io.fabric8.kubernetes.client.dsl.TimeTailPrettyLoggable;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.Set;

/**
 * {@code kubectl logs -f}, kept going: the log is read with timestamps, and when the stream ends
 * (a container restart, a dropped connection, an API server that does not stream) it is asked
 * for again since the last line, each line delivered once. A previous container's log is read
 * once. Runs on its own virtual thread; {@link #close()} stops it.
 */
final class PodLogFollow implements Subscription {
    private static final Duration MAX_RETRY = Duration.ofSeconds(10);

    private final KubeClients clients;
    private final PodLogRequest request;
    private final LogListener listener;
    private final Duration retry;
    private volatile boolean closed;
    private volatile LogWatch open;
    private Thread thread;

    // The follow thread's own: the newest line's time, and the lines seen at that time.
    private Instant lastAt;
    private final Set<String> seenAtLast = new HashSet<>();

    PodLogFollow(KubeClients clients, PodLogRequest request, LogListener listener, Duration retry) {
        this.clients = clients;
        this.request = request;
        this.listener = listener;
        this.retry = retry;
    }

    PodLogFollow start() {
        thread = Thread.ofVirtual().name("wheelhouse-log-" + request.pod().name()).start(this::run);
        return this;
    }

    private void run() {
        Duration delay = retry;
        String what = request.describe() + " in " + request.pod().namespace();
        while (!closed) {
            boolean delivered;
            try {
                KubernetesClient client = clients.client(request.pod().context()).client();
                PodResource pod = client.pods().inNamespace(request.pod().namespace()).withName(request.pod().name());
                ContainerResource container = request.container().isEmpty() ? pod : pod.inContainer(request.container());
                TimeTailPrettyLoggable timed = request.previous()
                        ? container.usingTimestamps().terminated() : container.usingTimestamps();
                Loggable log = lastAt == null ? timed.tailingLines(request.tailLines())
                        : timed.sinceTime(lastAt.truncatedTo(ChronoUnit.SECONDS).toString());
                if (request.previous()) {
                    deliver(log.getLog());
                    listener.interrupted("end of the previous container's log");
                    return;
                }
                delivered = stream(log);
            } catch (KubeconfigException e) {
                listener.interrupted(e.getMessage());
                return;
            } catch (KubernetesClientException e) {
                if (closed) {
                    return;
                }
                if (e.getCode() == 404) {
                    listener.interrupted("pod " + request.pod().name() + " no longer exists");
                    return;
                }
                String why = e.getStatus() != null && e.getStatus().getMessage() != null && !e.getStatus().getMessage().isBlank()
                        ? FeedErrors.oneLine(e.getStatus().getMessage())
                        : e.getCode() > 0 ? "the API server answered " + e.getCode() : FeedErrors.networkReason(e);
                listener.interrupted("cannot read the log of " + what + ": " + why);
                if (request.previous()) {
                    return;
                }
                delivered = false;
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    return;
                }
                listener.interrupted("the log of " + what + " stopped: " + FeedErrors.rootMessage(e));
                delivered = false;
            }
            // Lines came: ask again soon. None, or an error: back off, up to a limit.
            delay = delivered ? retry : min(delay.multipliedBy(2), MAX_RETRY);
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    /** Reads the stream until it ends; true when it brought new lines. */
    private boolean stream(Loggable log) throws IOException {
        boolean any = false;
        try (LogWatch watch = log.watchLog();
             BufferedReader reader = new BufferedReader(new InputStreamReader(watch.getOutput(), StandardCharsets.UTF_8))) {
            open = watch;
            if (closed) {
                return false;
            }
            String line;
            boolean first = true;
            while (!closed && (line = reader.readLine()) != null) {
                if (first) {
                    refused(line);
                    first = false;
                }
                any |= offer(line);
            }
            // A refused request (400: the container is waiting) ends the stream quietly; its error comes here.
            Throwable failure = ended(watch);
            if (failure instanceof KubernetesClientException k && !closed) {
                throw k;
            }
        } finally {
            open = null;
        }
        return any;
    }

    /**
     * Fabric8's watchLog hands a refused request's body on as if it were the log (a 400 while the
     * container is waiting, for one): a Status of failure in place of the first line is an error.
     */
    private void refused(String firstLine) {
        if (firstLine.startsWith("{") && firstLine.contains("\"kind\":\"Status\"") && firstLine.contains("\"status\":\"Failure\"")) {
            Status status;
            try {
                status = clients.client(request.pod().context()).client().getKubernetesSerialization().unmarshal(firstLine, Status.class);
            } catch (RuntimeException | KubeconfigException e) {
                return;
            }
            throw new KubernetesClientException(status);
        }
    }

    private static Throwable ended(LogWatch watch) {
        try {
            return watch.onClose().toCompletableFuture().get(2, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            return e.getCause();
        }
    }

    private void deliver(String text) {
        if (text == null) {
            return;
        }
        for (String line : text.split("\n")) {
            if (!line.isEmpty()) {
                offer(line);
            }
        }
    }

    /** One timestamped line: delivered, its time apart from its message, unless already delivered. */
    private boolean offer(String raw) {
        int space = raw.indexOf(' ');
        Instant at = null;
        if (space > 0) {
            try {
                at = Instant.parse(raw.substring(0, space));
            } catch (DateTimeParseException e) {
                at = null;
            }
        }
        if (at == null) {
            listener.line(raw);
            return true;
        }
        if (lastAt != null && (at.isBefore(lastAt) || (at.equals(lastAt) && seenAtLast.contains(raw)))) {
            return false;
        }
        if (lastAt == null || at.isAfter(lastAt)) {
            lastAt = at;
            seenAtLast.clear();
        }
        seenAtLast.add(raw);
        listener.line(at, raw.substring(space + 1));
        return true;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public void close() {
        closed = true;
        LogWatch watch = open;
        if (watch != null) {
            watch.close();
        }
        if (thread != null) {
            thread.interrupt();
        }
    }
}
