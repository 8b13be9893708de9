package dev.wheelhouse.core.cluster;

import java.util.Objects;

/**
 * Which log to follow: {@code kubectl logs -f POD -c CONTAINER [--previous] --tail=N}.
 *
 * @param pod a RowKey of kind Pod
 * @param container the container, or "" for the pod's only one
 * @param previous the last terminated instance of the container (a crash loop's last words),
 *     which ends instead of being followed
 * @param tailLines how many lines of history to start with
 */
public record PodLogRequest(RowKey pod, String container, boolean previous, int tailLines) {
    public PodLogRequest {
        Objects.requireNonNull(pod);
        if (!pod.kind().equals("Pod")) {
            throw new IllegalArgumentException("logs are read from pods, not from a " + pod.kind());
        }
        container = container == null ? "" : container;
        if (tailLines < 0) {
            throw new IllegalArgumentException("tail lines " + tailLines + " is negative");
        }
    }

    /** "pod/web-1 -c app (previous)", as kubectl's arguments read. */
    public String describe() {
        return "pod/" + pod.name() + (container.isEmpty() ? "" : " -c " + container) + (previous ? " (previous)" : "");
    }
}
