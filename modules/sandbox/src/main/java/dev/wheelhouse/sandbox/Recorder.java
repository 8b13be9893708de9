package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.EventBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Records Events the way the kubelet and controllers do: a repeat of the same reason and message
 * for the same object bumps the count of the existing Event; the oldest are deleted beyond a cap,
 * as the API server's TTL would. Runs on the controller thread only.
 */
final class Recorder {
    private record Aggregate(String namespace, String name, int count) {}

    private final ApiStore store;
    private final Simulation sim;
    private final int cap;
    private final ArrayDeque<String[]> order = new ArrayDeque<>();
    private final Map<String, Aggregate> aggregates = new HashMap<>();
    private final AtomicLong recorded = new AtomicLong();

    Recorder(ApiStore store, Simulation sim, int cap) {
        this.store = store;
        this.sim = sim;
        this.cap = cap;
    }

    long recorded() {
        return recorded.get();
    }

    void normal(HasMetadata about, String component, String reason, String message) {
        record(about, component, "Normal", reason, message, null);
    }

    void warning(HasMetadata about, String component, String reason, String message) {
        record(about, component, "Warning", reason, message, null);
    }

    void record(HasMetadata about, String component, String type, String reason, String message, String host) {
        String namespace = about.getMetadata().getNamespace() == null ? "default" : about.getMetadata().getNamespace();
        Instant now = sim.now();
        String aggregateKey = about.getMetadata().getUid() + "|" + reason + "|" + message;
        Aggregate existing = aggregates.get(aggregateKey);
        if (existing != null) {
            String json = store.json(Resources.EVENTS, existing.namespace(), existing.name());
            if (json != null) {
                Event e = Json.convert(Json.parse(json), Event.class);
                e.setCount(existing.count() + 1);
                e.setLastTimestamp(Kube.time(now));
                if (store.update(Resources.EVENTS, existing.namespace(), existing.name(), e).ok()) {
                    aggregates.put(aggregateKey, new Aggregate(existing.namespace(), existing.name(), existing.count() + 1));
                    recorded.incrementAndGet();
                    return;
                }
            }
            aggregates.remove(aggregateKey);
        }
        String name = about.getMetadata().getName() + "." + Long.toHexString(now.toEpochMilli() * 1_000_000L + recorded.get() % 1_000_000L);
        Event event = new EventBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).endMetadata()
                .withNewInvolvedObject()
                    .withApiVersion(about.getApiVersion())
                    .withKind(about.getKind())
                    .withName(about.getMetadata().getName())
                    .withNamespace(about.getMetadata().getNamespace())
                    .withUid(about.getMetadata().getUid())
                    .withResourceVersion(about.getMetadata().getResourceVersion())
                .endInvolvedObject()
                .withType(type)
                .withReason(reason)
                .withMessage(message)
                .withNewSource().withComponent(component).withHost(host).endSource()
                .withReportingComponent(component)
                .withReportingInstance(host == null ? "" : host)
                .withFirstTimestamp(Kube.time(now))
                .withLastTimestamp(Kube.time(now))
                .withCount(1)
                .build();
        if (store.create(Resources.EVENTS, namespace, event).ok()) {
            recorded.incrementAndGet();
            aggregates.put(aggregateKey, new Aggregate(namespace, name, 1));
            order.addLast(new String[] {namespace, name, aggregateKey});
            while (order.size() > cap) {
                String[] old = order.removeFirst();
                store.delete(Resources.EVENTS, old[0], old[1]);
                aggregates.remove(old[2]);
            }
        }
    }

    /** Seeded events count towards the cap too, oldest first. */
    void adopt(String namespace, String name) {
        order.addLast(new String[] {namespace, name, "seed|" + name});
    }
}
