package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.zjsonpatch.JsonPatch;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Fabric8's CRUD store with indexes. The mock keeps every object in one map and scans all of it
 * for each request (15 ms a lookup at 25,000 objects here); this subclass keeps an index by kind,
 * namespace and name beside that map, so lookups, updates and deletes are O(1) and lists read
 * only their kind. The mock still does the writes (metadata, generation, resource versions,
 * conflicts, JSON patch) and the WebSocket watches Fabric8 clients use.
 *
 * <p>It adds what the mock lacks: lists typed as {@code <Kind>List} and sorted by namespace and
 * name, label selectors with set operators and field selectors on any field, RFC 7386 merge
 * patch, a simplified strategic merge patch, status preserved on main-path writes (as the real
 * API server does for kinds with a status subresource), and a ring of recent changes for
 * plain-HTTP watches. Listeners see every change, in resource-version order, under the write lock.
 */
final class ApiStore extends KubernetesCrudDispatcher {
    static final int RING_CAPACITY = 8192;
    static final Duration QUIET_WATCH_DELAY = Duration.ofMillis(500);

    enum ChangeType { ADDED, MODIFIED, DELETED }

    /** One object as the index holds it. */
    record Stored(AttributeSet key, String json, String namespace, String name, Map<String, String> labels) {}

    /**
     * A change of one object. For DELETED, json and tree are the last state. typed is the
     * model object when the change came from the seed, else null.
     */
    record Change(ChangeType type, String typeKey, String namespace, String name, long resourceVersion,
                  String json, JsonNode tree, Object typed, Map<String, String> labels) {}

    interface Listener {
        void changed(Change change);
    }

    /** The outcome of an internal write: the HTTP code and the stored object (or a Status). */
    record Result(int code, String body) {
        boolean ok() {
            return code >= 200 && code < 300;
        }
    }

    private record RingEvent(long rv, String typeKey, String namespace, String name, ChangeType type, String json,
                             Map<String, String> labels) {}

    private final KubernetesAttributesExtractor extractor;
    private final Map<String, ConcurrentSkipListMap<String, Stored>> byType = new ConcurrentHashMap<>();
    private final ArrayDeque<RingEvent> ring = new ArrayDeque<>();
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final AtomicLong currentRv = new AtomicLong();
    private final AtomicLong writes = new AtomicLong();
    private long ringDropped;
    private Lock readLock;
    private Lock writeLock;

    ApiStore() {
        this.extractor = (KubernetesAttributesExtractor) getAttributeExtractor();
        // The mock guards its map with a private lock and hands it to locked(Lock) once held;
        // two harmless requests on the empty store give us both halves, so our own reads and
        // deletes exclude the mock's writers exactly as its own requests do.
        super.handleGet("/api/v1/namespaces/wheelhouse-probe/configmaps/probe");
        super.handleDelete("/api/v1/namespaces/wheelhouse-probe/configmaps/probe");
        if (readLock == null || writeLock == null) {
            throw new IllegalStateException("this Fabric8 mock version does not expose its store lock; the sandbox needs 8.0.x");
        }
    }

    @Override
    protected void locked(Lock lock) {
        if (lock instanceof ReentrantReadWriteLock.WriteLock) {
            writeLock = lock;
        } else if (lock instanceof ReentrantReadWriteLock.ReadLock) {
            readLock = lock;
        }
    }

    void addListener(Listener listener) {
        listeners.add(listener);
    }

    /** Writes applied since start (seeding excluded). */
    long writes() {
        return writes.get();
    }

    int size() {
        int n = 0;
        for (var m : byType.values()) {
            n += m.size();
        }
        return n;
    }

    @Override
    public long requestResourceVersion() {
        long rv = super.requestResourceVersion();
        currentRv.accumulateAndGet(rv, Math::max);
        return rv;
    }

    // ---- index --------------------------------------------------------------------------

    private static String attr(AttributeSet set, String key) {
        Attribute a = set.getAttribute(key);
        if (a == null || a.getValues().isEmpty()) {
            return null;
        }
        return a.getValues().getFirst().toString();
    }

    private static String typeKeyOf(AttributeSet set) {
        String plural = attr(set, KubernetesAttributesExtractor.PLURAL);
        if (plural == null) {
            return null;
        }
        String api = attr(set, KubernetesAttributesExtractor.API);
        return (api == null ? "" : api) + "/" + plural;
    }

    private static String nsName(String namespace, String name) {
        return (namespace == null ? "" : namespace) + "/" + name;
    }

    private ConcurrentSkipListMap<String, Stored> type(String typeKey) {
        return byType.computeIfAbsent(typeKey, k -> new ConcurrentSkipListMap<>());
    }

    Stored stored(String typeKey, String namespace, String name) {
        var m = byType.get(typeKey);
        return m == null ? null : m.get(nsName(namespace, name));
    }

    /** The objects of a kind, in one namespace (or all when null), sorted by namespace and name. */
    Collection<Stored> list(String typeKey, String namespace) {
        var m = byType.get(typeKey);
        if (m == null) {
            return List.of();
        }
        if (namespace == null) {
            return m.values();
        }
        return m.subMap(namespace + "/", namespace + "/\uffff").values();
    }

    String json(ResourceType type, String namespace, String name) {
        Stored s = stored(type.typeKey(), namespace, name);
        return s == null ? null : s.json();
    }

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet attributes) {
        String typeKey = typeKeyOf(attributes);
        String name = attr(attributes, KubernetesAttributesExtractor.NAME);
        if (typeKey == null || name == null) {
            return super.findResource(attributes);
        }
        Stored s = stored(typeKey, attr(attributes, KubernetesAttributesExtractor.NAMESPACE), name);
        if (s == null || !s.key().matches(attributes)) {
            return null;
        }
        return Map.entry(s.key(), s.json());
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldAttributes,
                             GenericKubernetesResource resource, String newState) {
        super.processEvent(path, pathAttributes, oldAttributes, resource, newState);
        writes.incrementAndGet();
        Stored old = null;
        if (oldAttributes != null) {
            String typeKey = typeKeyOf(oldAttributes);
            if (typeKey != null) {
                old = type(typeKey).remove(nsName(attr(oldAttributes, KubernetesAttributesExtractor.NAMESPACE),
                        attr(oldAttributes, KubernetesAttributesExtractor.NAME)));
            }
        }
        if (newState != null) {
            // The same key the mock has just filed the object under (see its processEvent).
            AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(newState);
            if (!key.containsKey(KubernetesAttributesExtractor.PLURAL)) {
                key = AttributeSet.merge(pathAttributes, key);
            }
            String typeKey = typeKeyOf(key);
            if (typeKey == null) {
                return;
            }
            if (old != null && old.json().equals(newState)) {
                type(typeKey).put(nsName(old.namespace(), old.name()), old);
                return;
            }
            JsonNode tree = Json.parse(newState);
            String namespace = attr(key, KubernetesAttributesExtractor.NAMESPACE);
            String name = attr(key, KubernetesAttributesExtractor.NAME);
            Stored s = new Stored(key, newState, namespace, name, Json.labels(tree));
            type(typeKey).put(nsName(namespace, name), s);
            long rv = tree.path("metadata").path("resourceVersion").asLong(currentRv.get());
            emit(new Change(old == null ? ChangeType.ADDED : ChangeType.MODIFIED, typeKey, namespace, name, rv, newState, tree, null,
                    s.labels()));
        } else if (old != null) {
            long rv = requestResourceVersion();
            ObjectNode tree = Json.parseObject(old.json());
            ((ObjectNode) tree.path("metadata")).put("resourceVersion", String.valueOf(rv));
            String json = Json.write(tree);
            emit(new Change(ChangeType.DELETED, typeKeyOf(oldAttributes), old.namespace(), old.name(), rv, json, tree, null,
                    old.labels()));
        }
    }

    private void emit(Change change) {
        synchronized (ring) {
            ring.addLast(new RingEvent(change.resourceVersion(), change.typeKey(), change.namespace(), change.name(),
                    change.type(), change.json(), change.labels()));
            while (ring.size() > RING_CAPACITY) {
                ring.removeFirst();
                ringDropped++;
            }
        }
        for (Listener l : listeners) {
            l.changed(change);
        }
    }

    /**
     * Files an object straight into the store, before the server opens: no request, no scan.
     * Sets its resource version; uid, creation time and generation are the caller's.
     */
    void seed(ResourceType type, HasMetadata object) {
        writeLock.lock();
        try {
            long rv = requestResourceVersion();
            object.getMetadata().setResourceVersion(String.valueOf(rv));
            // The mock's writes copy uid, creationTimestamp and generation from the stored object.
            if (object.getMetadata().getGeneration() == null) {
                object.getMetadata().setGeneration(1L);
            }
            if (object.getMetadata().getUid() == null) {
                object.getMetadata().setUid(UUID.randomUUID().toString());
            }
            if (object.getMetadata().getCreationTimestamp() == null) {
                object.getMetadata().setCreationTimestamp(Kube.time(Instant.now()));
            }
            String json = Json.write(object);
            String namespace = type.namespaced() ? object.getMetadata().getNamespace() : null;
            String name = object.getMetadata().getName();
            // The path's attributes win, as in the mock's own processEvent (the plural comes from the URL).
            AttributeSet key = AttributeSet.merge(extractor.extract(object), pathKey(type, namespace, name));
            getMap().put(key, json);
            Map<String, String> labels = object.getMetadata().getLabels() == null ? Map.of() : Map.copyOf(object.getMetadata().getLabels());
            type(type.typeKey()).put(nsName(namespace, name), new Stored(key, json, namespace, name, labels));
            Change change = new Change(ChangeType.ADDED, type.typeKey(), namespace, name, rv, json, null, object, labels);
            for (Listener l : listeners) {
                l.changed(change);
            }
        } finally {
            writeLock.unlock();
        }
    }

    /** What the mock's getKey(path) gives for an object's path, without parsing a URL. */
    private static AttributeSet pathKey(ResourceType type, String namespace, String name) {
        List<Attribute> attributes = new ArrayList<>(5);
        if (!type.group().isEmpty()) {
            attributes.add(new Attribute(KubernetesAttributesExtractor.API, type.group()));
        }
        attributes.add(new Attribute(KubernetesAttributesExtractor.VERSION, type.version()));
        attributes.add(new Attribute(KubernetesAttributesExtractor.PLURAL, type.plural()));
        if (namespace != null) {
            attributes.add(new Attribute(KubernetesAttributesExtractor.NAMESPACE, namespace));
        }
        attributes.add(new Attribute(KubernetesAttributesExtractor.NAME, name));
        return new AttributeSet(attributes);
    }

    // ---- reads --------------------------------------------------------------------------

    @Override
    public MockResponse handleGet(String path) {
        ApiPath p = ApiPath.parse(path).orElse(null);
        if (p == null || p.isDiscovery()) {
            return super.handleGet(path);
        }
        if (p.flag("watch")) {
            return plainWatch(p); // WebSocket watches never get here: FrontDispatcher serves them
        }
        readLock.lock();
        try {
            if (p.name() != null) {
                Stored s = stored(p.typeKey(), p.namespace(), p.name());
                return s == null ? Responses.notFound(p) : Responses.json(200, s.json());
            }
            return list(p);
        } finally {
            readLock.unlock();
        }
    }

    /** The objects a GET of the path would return, and the resource version they were read at. */
    record Selection(List<Stored> objects, long resourceVersion) {}

    /** Selects under the read lock; throws IllegalArgumentException for a malformed selector. */
    Selection select(ApiPath p) {
        Selector labels = Selector.parse(p.param("labelSelector"));
        Selector fields = Selector.parse(p.param("fieldSelector"));
        readLock.lock();
        try {
            List<Stored> out = new ArrayList<>();
            if (p.name() != null) {
                Stored s = stored(p.typeKey(), p.namespace(), p.name());
                if (s != null) {
                    out.add(s);
                }
            } else {
                for (Stored s : list(p.typeKey(), p.namespace())) {
                    if (matches(s, labels, fields)) {
                        out.add(s);
                    }
                }
            }
            return new Selection(out, currentRv.get());
        } finally {
            readLock.unlock();
        }
    }

    private MockResponse list(ApiPath p) {
        Selection selection;
        try {
            selection = select(p);
        } catch (IllegalArgumentException e) {
            return Responses.status(400, "BadRequest", e.getMessage());
        }
        ResourceType type = p.type().orElse(null);
        StringBuilder sb = new StringBuilder(4096);
        sb.append("{\"apiVersion\":").append(Json.quote(type == null ? "v1" : type.apiVersion()))
                .append(",\"kind\":").append(Json.quote(type == null ? "List" : type.kind() + "List"))
                .append(",\"metadata\":{\"resourceVersion\":\"").append(selection.resourceVersion()).append("\"},\"items\":[");
        boolean first = true;
        for (Stored s : selection.objects()) {
            if (!first) {
                sb.append(',');
            }
            sb.append(s.json());
            first = false;
        }
        sb.append("]}");
        return Responses.json(200, sb.toString());
    }

    static boolean matches(Stored s, Selector labels, Selector fields) {
        if (!labels.isEmpty() && !labels.matches(s.labels())) {
            return false;
        }
        if (fields.isEmpty()) {
            return true;
        }
        JsonNode[] tree = new JsonNode[1];
        return fields.matches((Function<String, String>) field -> switch (field) {
            case "metadata.name" -> s.name();
            case "metadata.namespace" -> s.namespace() == null ? "" : s.namespace();
            default -> {
                if (tree[0] == null) {
                    tree[0] = Json.parse(s.json());
                }
                JsonNode n = tree[0];
                for (String part : field.split("\\.")) {
                    n = n.path(part);
                }
                yield n.isMissingNode() || n.isNull() ? "" : n.asString("");
            }
        });
    }

    /** What a watch asks for: kind, namespace, name, selectors and where to start. */
    record WatchSpec(ApiPath path, Selector labels, Selector fields, String kind, String apiVersion) {
        /** Parses the query; throws IllegalArgumentException for a malformed selector. */
        static WatchSpec of(ApiPath p) {
            ResourceType type = p.type().orElse(null);
            return new WatchSpec(p, Selector.parse(p.param("labelSelector")), Selector.parse(p.param("fieldSelector")),
                    type == null ? "List" : type.kind(), type == null ? "v1" : type.apiVersion());
        }

        boolean matches(String typeKey, String namespace, String name, String json, Map<String, String> labels) {
            return typeKey.equals(path.typeKey())
                    && (path.namespace() == null || path.namespace().equals(namespace))
                    && (path.name() == null || path.name().equals(name))
                    && ApiStore.matches(new Stored(null, json, namespace, name, labels), this.labels, fields);
        }
    }

    /** The start of a watch: its first events, the version they bring it to, or an Expired error. */
    record WatchStart(List<String> events, long resourceVersion, boolean expired) {}

    /**
     * The first events of a watch, read under the lock so that a listener registered with them
     * (pass one) misses nothing and sees nothing twice: with no resourceVersion (or "0", or
     * sendInitialEvents) every matching object as ADDED; with one, the changes since then, or
     * Expired when the ring no longer reaches back that far.
     */
    WatchStart startWatch(WatchSpec w, Listener register) {
        ApiPath p = w.path();
        String rvParam = p.param("resourceVersion");
        List<String> events = new ArrayList<>();
        readLock.lock();
        try {
            long now = currentRv.get();
            if (p.flag("sendInitialEvents") || rvParam == null || rvParam.isEmpty() || rvParam.equals("0")) {
                for (Stored s : list(p.typeKey(), p.namespace())) {
                    if ((p.name() == null || p.name().equals(s.name())) && matches(s, w.labels(), w.fields())) {
                        events.add("{\"type\":\"ADDED\",\"object\":" + s.json() + "}");
                    }
                }
                if (p.flag("sendInitialEvents")) {
                    events.add(bookmark(w.apiVersion(), w.kind(), now, true));
                }
            } else {
                long since;
                try {
                    since = Long.parseLong(rvParam);
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("invalid resourceVersion " + rvParam);
                }
                synchronized (ring) {
                    long oldest = ring.isEmpty() ? now + 1 : ring.getFirst().rv();
                    if (ringDropped > 0 && since < oldest - 1) {
                        String msg = "too old resource version: " + since + " (" + (oldest - 1) + ")";
                        return new WatchStart(List.of("{\"type\":\"ERROR\",\"object\":{\"kind\":\"Status\",\"apiVersion\":\"v1\","
                                + "\"metadata\":{},\"status\":\"Failure\",\"message\":" + Json.quote(msg)
                                + ",\"reason\":\"Expired\",\"code\":410}}"), now, true);
                    }
                    for (RingEvent e : ring) {
                        if (e.rv() > since && w.matches(e.typeKey(), e.namespace(), e.name(), e.json(), e.labels())) {
                            events.add(event(e.type(), e.json()));
                        }
                    }
                }
                now = Math.max(now, since);
            }
            if (register != null) {
                listeners.add(register);
            }
            return new WatchStart(events, now, false);
        } finally {
            readLock.unlock();
        }
    }

    void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Ends, cleanly, the open WebSocket watches that match (their clients watch again). */
    void endWatches(java.util.function.Predicate<WatchSpec> which) {
        for (Listener l : listeners) {
            if (l instanceof WebSocketWatch w && which.test(w.spec())) {
                w.end();
            }
        }
    }

    /** Ends every open WebSocket watch (the server is stopping). */
    void stopWatches() {
        for (Listener l : listeners) {
            if (l instanceof WebSocketWatch w) {
                w.stop();
            }
        }
    }

    static String event(ChangeType type, String json) {
        return "{\"type\":\"" + type.name() + "\",\"object\":" + json + "}";
    }

    /**
     * A watch over plain HTTP (kubectl's): the changes since the given resource version, then the
     * end of the response; with none yet, a bookmark after a short pause, so the client comes
     * back from there without spinning and without a "very short watch" warning.
     */
    MockResponse plainWatch(ApiPath p) {
        WatchSpec w;
        WatchStart start;
        try {
            w = WatchSpec.of(p);
            start = startWatch(w, null);
        } catch (IllegalArgumentException e) {
            return Responses.status(400, "BadRequest", e.getMessage());
        }
        if (!start.events().isEmpty()) {
            return Responses.json(200, String.join("\n", start.events()) + "\n");
        }
        if (!p.flag("allowWatchBookmarks")) {
            return Responses.json(200, "");
        }
        return Responses.json(200, bookmark(w.apiVersion(), w.kind(), start.resourceVersion(), false) + "\n")
                .setBodyDelay(QUIET_WATCH_DELAY);
    }

    static String bookmark(String apiVersion, String kind, long rv, boolean initialEventsEnd) {
        String annotations = initialEventsEnd ? ",\"annotations\":{\"k8s.io/initial-events-end\":\"true\"}" : "";
        return "{\"type\":\"BOOKMARK\",\"object\":{\"kind\":" + Json.quote(kind) + ",\"apiVersion\":" + Json.quote(apiVersion)
                + ",\"metadata\":{\"resourceVersion\":\"" + rv + "\"" + annotations + "}}}";
    }

    // ---- writes from clients ------------------------------------------------------------

    @Override
    public MockResponse handleCreate(RecordedRequest request) {
        ApiPath p = ApiPath.parse(request.getPath()).orElse(null);
        ResourceType type = p == null ? null : p.type().orElse(null);
        if (type == null || !type.hasStatus() || type == Resources.NODES) {
            return Responses.typed(super.handleCreate(request));
        }
        ObjectNode body;
        try {
            body = Json.parseObject(request.getUtf8Body());
        } catch (RuntimeException e) {
            return Responses.status(400, "BadRequest", "the request body is not a JSON object: " + e.getMessage());
        }
        // The real API server ignores status on create for kinds with a status subresource.
        body.remove("status");
        Defaults.apply(type, body);
        return Responses.typed(super.handleCreate(withBody(request, HttpMethod.POST, request.getPath(), body)));
    }

    @Override
    public MockResponse handleUpdate(RecordedRequest request) {
        ApiPath p = ApiPath.parse(request.getPath()).orElse(null);
        ResourceType type = p == null ? null : p.type().orElse(null);
        if (type == null || p.name() == null || !type.hasStatus() || "status".equals(p.subresource())) {
            return Responses.typed(super.handleUpdate(request));
        }
        writeLock.lock();
        try {
            Stored current = stored(p.typeKey(), p.namespace(), p.name());
            if (current == null) {
                return Responses.notFound(p);
            }
            ObjectNode body;
            try {
                body = Json.parseObject(request.getUtf8Body());
            } catch (RuntimeException e) {
                return Responses.status(400, "BadRequest", "the request body is not a JSON object: " + e.getMessage());
            }
            keepStatus(body, Json.parse(current.json()));
            Defaults.apply(type, body);
            return Responses.typed(super.handleUpdate(withBody(request, HttpMethod.PUT, request.getPath(), body)));
        } finally {
            writeLock.unlock();
        }
    }

    @Override
    public MockResponse handlePatch(RecordedRequest request) {
        String contentType = request.getHeader("Content-Type");
        String subtype = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        boolean merge = subtype.contains("merge-patch+json") && !subtype.contains("strategic");
        boolean strategic = subtype.contains("strategic-merge-patch+json");
        ApiPath p = ApiPath.parse(request.getPath()).orElse(null);
        if (p == null || p.name() == null) {
            return Responses.status(405, "MethodNotAllowed", "PATCH needs an object path");
        }
        if (subtype.contains("apply-patch")) {
            return Responses.status(415, "UnsupportedMediaType",
                    "the Wheelhouse sandbox does not support server-side apply; use kubectl patch --type=merge or --type=json");
        }
        if (!merge && !strategic) {
            return Responses.typed(super.handlePatch(request)); // JSON patch: the mock applies it
        }
        ResourceType type = p.type().orElse(null);
        boolean statusPath = "status".equals(p.subresource());
        writeLock.lock();
        try {
            Stored current = stored(p.typeKey(), p.namespace(), p.name());
            if (current == null) {
                return Responses.notFound(p);
            }
            JsonNode patch;
            try {
                patch = Json.parse(request.getUtf8Body());
            } catch (RuntimeException e) {
                return Responses.status(400, "BadRequest", "the patch is not JSON: " + e.getMessage());
            }
            JsonNode currentTree = Json.parse(current.json());
            JsonNode patched = merge ? Patches.mergePatch(currentTree, patch) : Patches.strategicMerge(currentTree, patch);
            if (!(patched instanceof ObjectNode body)) {
                return Responses.status(422, "Invalid", "the patched object is not a JSON object");
            }
            if (type != null && type.hasStatus() && !statusPath) {
                keepStatus(body, currentTree);
            }
            if (type != null && !statusPath) {
                Defaults.apply(type, body);
            }
            MockResponse r = super.handleUpdate(withBody(request, HttpMethod.PUT, request.getPath(), body));
            return Responses.typed(r);
        } finally {
            writeLock.unlock();
        }
    }

    private static void keepStatus(ObjectNode body, JsonNode current) {
        JsonNode status = current.get("status");
        if (status == null) {
            body.remove("status");
        } else {
            body.set("status", status.deepCopy());
        }
    }

    @Override
    public MockResponse handleDelete(String path) {
        ApiPath p = ApiPath.parse(path).orElse(null);
        if (p == null || p.name() == null) {
            return super.handleDelete(path);
        }
        writeLock.lock();
        try {
            Stored s = stored(p.typeKey(), p.namespace(), p.name());
            if (s == null) {
                return Responses.notFound(p);
            }
            ObjectNode tree = Json.parseObject(s.json());
            JsonNode finalizers = tree.path("metadata").path("finalizers");
            if (finalizers.isArray() && !finalizers.isEmpty()) {
                ObjectNode metadata = (ObjectNode) tree.get("metadata");
                if (!metadata.has("deletionTimestamp")) {
                    metadata.put("deletionTimestamp", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
                    metadata.put("resourceVersion", String.valueOf(requestResourceVersion()));
                    String updated = Json.write(tree);
                    processEvent(path, getKey(p.objectPath()), s.key(), null, updated);
                    return Responses.json(200, updated);
                }
                return Responses.json(200, s.json());
            }
            processEvent(path, getKey(p.objectPath()), s.key(), null, null);
            return Responses.json(200, s.json());
        } finally {
            writeLock.unlock();
        }
    }

    // ---- the scale subresource ----------------------------------------------------------

    /** {@code .../scale} as an autoscaling/v1 Scale: read, replaced or patched. */
    MockResponse scale(ApiPath p, RecordedRequest request) {
        ResourceType type = p.type().orElse(null);
        if (type == null || !type.hasScale() || p.name() == null) {
            return Responses.notFound(p);
        }
        String method = request.getMethod();
        if (method.equals("GET")) {
            Stored s = stored(p.typeKey(), p.namespace(), p.name());
            return s == null ? Responses.notFound(p) : Responses.json(200, Json.write(toScale(Json.parse(s.json()))));
        }
        if (!method.equals("PUT") && !method.equals("PATCH")) {
            return Responses.status(405, "MethodNotAllowed", method + " is not allowed on the scale subresource");
        }
        writeLock.lock();
        try {
            Stored s = stored(p.typeKey(), p.namespace(), p.name());
            if (s == null) {
                return Responses.notFound(p);
            }
            ObjectNode object = Json.parseObject(s.json());
            ObjectNode scale = toScale(object);
            JsonNode body;
            try {
                body = Json.parse(request.getUtf8Body());
            } catch (RuntimeException e) {
                return Responses.status(400, "BadRequest", "the request body is not JSON: " + e.getMessage());
            }
            JsonNode wanted;
            if (method.equals("PUT")) {
                String rv = body.path("metadata").path("resourceVersion").asString("");
                if (!rv.isEmpty() && !rv.equals(object.path("metadata").path("resourceVersion").asString(""))) {
                    return Responses.status(409, "Conflict", "Operation cannot be fulfilled on " + type.plural() + "." + type.group()
                            + " \"" + p.name() + "\": the object has been modified; please apply your changes to the latest version and try again");
                }
                wanted = body;
            } else {
                String contentType = request.getHeader("Content-Type") == null ? "" : request.getHeader("Content-Type");
                try {
                    wanted = contentType.contains("json-patch") ? JsonPatch.apply(body, scale)
                            : contentType.contains("strategic") ? Patches.strategicMerge(scale, body) : Patches.mergePatch(scale, body);
                } catch (RuntimeException e) {
                    return Responses.status(422, "Invalid", "the patch cannot be applied to the Scale: " + e.getMessage());
                }
            }
            JsonNode replicas = wanted.path("spec").path("replicas");
            if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
                return Responses.status(422, "Invalid", "Scale.autoscaling \"" + p.name() + "\" is invalid: spec.replicas: must be a non-negative integer");
            }
            ((ObjectNode) object.get("spec")).put("replicas", replicas.asInt());
            MockResponse r = super.handleUpdate(request(HttpMethod.PUT, p.objectPath(), Json.write(object)));
            if (r.code() >= 300) {
                return Responses.typed(r);
            }
            return Responses.json(200, Json.write(toScale(Json.parse(r.getBody().readUtf8()))));
        } finally {
            writeLock.unlock();
        }
    }

    private static ObjectNode toScale(JsonNode object) {
        ObjectNode scale = Json.object();
        scale.put("kind", "Scale");
        scale.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = scale.putObject("metadata");
        JsonNode m = object.path("metadata");
        for (String field : new String[] {"name", "namespace", "uid", "resourceVersion", "creationTimestamp"}) {
            if (m.hasNonNull(field)) {
                meta.set(field, m.get(field).deepCopy());
            }
        }
        scale.putObject("spec").put("replicas", object.path("spec").path("replicas").asInt(0));
        ObjectNode status = scale.putObject("status");
        status.put("replicas", object.path("status").path("replicas").asInt(0));
        List<String> selector = new ArrayList<>();
        object.path("spec").path("selector").path("matchLabels").forEachEntry((k, v) -> selector.add(k + "=" + v.asString("")));
        status.put("selector", String.join(",", selector));
        return scale;
    }

    // ---- writes from the controllers ----------------------------------------------------

    /** Creates an object in a namespace (null for cluster-scoped kinds). */
    Result create(ResourceType type, String namespace, Object object) {
        String json = object instanceof String s ? s : Json.write(object);
        return result(super.handleCreate(request(HttpMethod.POST, type.path(namespace, null), json)));
    }

    /** Replaces an object, status included; fails with 409 when its resourceVersion is stale. */
    Result update(ResourceType type, String namespace, String name, Object object) {
        String json = object instanceof String s ? s : Json.write(object);
        return result(super.handleUpdate(request(HttpMethod.PUT, type.path(namespace, name), json)));
    }

    /** Replaces an object's status only (never conflicts: the status is the controller's). */
    Result updateStatus(ResourceType type, String namespace, String name, Object object) {
        String json = object instanceof String s ? s : Json.write(object);
        return result(super.handleUpdate(request(HttpMethod.PUT, type.path(namespace, name) + "/status", json)));
    }

    Result delete(ResourceType type, String namespace, String name) {
        return result(handleDelete(type.path(namespace, name)));
    }

    private static Result result(MockResponse r) {
        return new Result(r.code(), r.getBody() == null ? "" : r.getBody().readUtf8());
    }

    private static RecordedRequest request(HttpMethod method, String path, String json) {
        return new RecordedRequest("HTTP/1.1", method, path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer(json.getBytes(StandardCharsets.UTF_8)));
    }

    private static RecordedRequest withBody(RecordedRequest original, HttpMethod method, String path, JsonNode body) {
        return new RecordedRequest(original.getHttpVersion(), method, path,
                Headers.builder().add("Content-Type", "application/json").build(),
                new Buffer(Json.write(body).getBytes(StandardCharsets.UTF_8)));
    }

    /** Checks that the index and the mock's map hold the same objects (for tests). */
    List<String> indexProblems() {
        List<String> problems = new ArrayList<>();
        readLock.lock();
        try {
            int indexed = size();
            if (indexed != getMap().size()) {
                problems.add("index holds " + indexed + " objects, the mock's map " + getMap().size());
            }
            for (var e : byType.entrySet()) {
                for (Stored s : e.getValue().values()) {
                    String inMap = getMap().get(s.key());
                    if (!s.json().equals(inMap)) {
                        problems.add(e.getKey() + " " + s.namespace() + "/" + s.name() + " differs from the mock's map");
                    }
                }
            }
        } finally {
            readLock.unlock();
        }
        return problems;
    }
}
