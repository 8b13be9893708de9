package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.FeedStatus;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.ExceptionHandler;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/** Turns what Fabric8 throws into a status and one line a person can act on. */
final class FeedErrors {
    private FeedErrors() {}

    /**
     * @param retry whether trying again can help (a response we cannot read will not change)
     */
    record Verdict(FeedStatus status, String detail, boolean retry) {}

    /**
     * @param what the list in words, "pods in shop-dev (context prod)"
     * @param server the API server URL
     */
    static Verdict classify(Throwable t, String context, String plural, String what, String server) {
        KubernetesClientException k = find(t, KubernetesClientException.class);
        int code = k == null ? 0 : k.getCode();
        if (code == 403) {
            return new Verdict(FeedStatus.FORBIDDEN, "no permission to list " + what, true);
        }
        if (code == 401) {
            return new Verdict(FeedStatus.UNREACHABLE, "the API server " + server + " rejected the credentials of context '"
                    + context + "' (401 Unauthorized)", true);
        }
        if (code == 404) {
            return new Verdict(FeedStatus.UNSUPPORTED, "the API server " + server + " does not serve " + plural
                    + " (404; context '" + context + "')", true);
        }
        if (ExceptionHandler.isDeserializationException(t)) {
            return new Verdict(FeedStatus.UNREACHABLE, "cannot read " + what + " from " + server + ": " + rootMessage(t), false);
        }
        if (code > 0) {
            return new Verdict(FeedStatus.UNREACHABLE, "the API server " + server + " answered " + code + " listing " + what
                    + statusMessage(k), true);
        }
        return new Verdict(FeedStatus.UNREACHABLE, unreachable(t, context, server), true);
    }

    /** "cannot reach context 'prod' at https://10.0.0.1:6443: connection refused". */
    static String unreachable(Throwable t, String context, String server) {
        return "cannot reach context '" + context + "' at " + server + ": " + networkReason(t);
    }

    static String networkReason(Throwable t) {
        if (find(t, ConnectException.class) != null) {
            return "connection refused";
        }
        if (find(t, UnknownHostException.class) != null) {
            return "unknown host " + find(t, UnknownHostException.class).getMessage();
        }
        if (find(t, NoRouteToHostException.class) != null) {
            return "no route to host";
        }
        if (find(t, SocketTimeoutException.class) != null || find(t, TimeoutException.class) != null
                || find(t, InterruptedIOException.class) != null) {
            return "timed out";
        }
        SSLException ssl = find(t, SSLException.class);
        if (ssl != null) {
            return "TLS failed: " + oneLine(ssl.getMessage());
        }
        String message = rootMessage(t);
        return message.toLowerCase(java.util.Locale.ROOT).contains("connection refused") ? "connection refused" : message;
    }

    private static String statusMessage(KubernetesClientException k) {
        if (k.getStatus() != null && k.getStatus().getMessage() != null && !k.getStatus().getMessage().isBlank()) {
            return ": " + oneLine(k.getStatus().getMessage());
        }
        return "";
    }

    /** The message of the innermost cause that has one, on one line. */
    static String rootMessage(Throwable t) {
        String message = null;
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (c.getMessage() != null && !c.getMessage().isBlank()) {
                message = c.getMessage();
            }
        }
        return message == null ? t.getClass().getSimpleName() : oneLine(message);
    }

    static String oneLine(String s) {
        if (s == null) {
            return "";
        }
        String line = s.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.length() > 300 ? line.substring(0, 297) + "..." : line;
    }

    static <E extends Throwable> E find(Throwable t, Class<E> type) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            if (type.isInstance(c)) {
                return type.cast(c);
            }
        }
        return null;
    }
}
