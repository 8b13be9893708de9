package dev.wheelhouse.sandbox;

import io.fabric8.mockwebserver.http.Response;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A watch over a WebSocket (Fabric8 clients'), in place of the mock's: its WatchEventsListener
 * waits, on the Vert.x event loop, for its sender to finish when a watch closes, while the sender
 * waits for that same event loop to write, which stalls every connection on that loop for 30 s
 * whenever an informer closes during a burst of changes. Here a virtual thread sends, and
 * closing never waits. It also honours resourceVersion (changes since then, not every object
 * again) as the API server does.
 */
final class WebSocketWatch extends WebSocketListener implements ApiStore.Listener {
    private static final Logger LOG = LoggerFactory.getLogger(WebSocketWatch.class);
    /** Queued after the last message when the watch must end (real messages are never empty). */
    private static final String CLOSED = "";

    private final ApiStore store;
    private final ApiStore.WatchSpec spec;
    private final LinkedBlockingQueue<String> outbox = new LinkedBlockingQueue<>();
    private volatile boolean closed;

    WebSocketWatch(ApiStore store, ApiStore.WatchSpec spec) {
        this.store = store;
        this.spec = spec;
    }

    @Override
    public void onOpen(WebSocket webSocket, Response response) {
        ApiStore.WatchStart start;
        try {
            start = store.startWatch(spec, this);
        } catch (IllegalArgumentException e) {
            webSocket.close(1008, e.getMessage());
            return;
        }
        outbox.addAll(start.events());
        if (start.expired()) {
            store.removeListener(this);
            outbox.add(CLOSED);
        }
        Thread.ofVirtual().name("wheelhouse-sandbox-watch").start(() -> send(webSocket));
    }

    /** Called under the store's write lock: only queue. */
    @Override
    public void changed(ApiStore.Change change) {
        if (!closed && spec.matches(change.typeKey(), change.namespace(), change.name(), change.json(), change.labels())) {
            outbox.add(ApiStore.event(change.type(), change.json()));
        }
    }

    private void send(WebSocket webSocket) {
        try {
            while (!closed) {
                String message = outbox.poll(1, TimeUnit.SECONDS);
                if (message != null && message.isEmpty()) {
                    webSocket.close(1000, "");
                    close();
                } else if (message != null && !webSocket.send(message)) {
                    close();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.debug("sandbox watch stopped sending", e);
            close();
        }
    }

    @Override
    public void onClosing(WebSocket webSocket, int code, String reason) {
        close();
        webSocket.close(code, reason);
    }

    @Override
    public void onClosed(WebSocket webSocket, int code, String reason) {
        close();
    }

    @Override
    public void onFailure(WebSocket webSocket, Throwable error, Response response) {
        close();
    }

    ApiStore.WatchSpec spec() {
        return spec;
    }

    /** Closes the socket normally after what is queued, as a watch that timed out. */
    void end() {
        outbox.add(CLOSED);
    }

    /** Stops sending (the server is shutting down and closes the socket itself). */
    void stop() {
        close();
    }

    private void close() {
        closed = true;
        store.removeListener(this);
    }
}
