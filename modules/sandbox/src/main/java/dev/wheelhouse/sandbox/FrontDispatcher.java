package dev.wheelhouse.sandbox;

import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The front of the sandbox's API server: what kubectl needs and the CRUD mock lacks is answered
 * here (discovery for any query string, /version, metrics.k8s.io, pod logs, the scale
 * subresource, plain-HTTP watches, server-side tables), everything else goes to the store.
 */
final class FrontDispatcher extends Dispatcher {
    private static final Logger LOG = LoggerFactory.getLogger(FrontDispatcher.class);
    static final String SERVER_VERSION = "v1.32.3";

    private final ApiStore store;
    private final Metrics metrics;
    private final PodLogs logs;
    private final Tables tables;
    private final Authorizer authorizer;
    private volatile boolean metricsApi;

    FrontDispatcher(ApiStore store, Metrics metrics, PodLogs logs, Tables tables, Authorizer authorizer, boolean metricsApi) {
        this.store = store;
        this.metrics = metrics;
        this.logs = logs;
        this.tables = tables;
        this.authorizer = authorizer;
        this.metricsApi = metricsApi;
    }

    /** Whether metrics.k8s.io is served; without it the API answers as a cluster with no metrics-server does. */
    void metricsApi(boolean served) {
        metricsApi = served;
    }

    boolean metricsApi() {
        return metricsApi;
    }

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        try {
            MockResponse r = route(request);
            if (LOG.isDebugEnabled()) {
                LOG.debug("{} {} -> {}", request.getMethod(), request.getPath(), r.code());
            }
            return r;
        } catch (RuntimeException e) {
            LOG.warn("sandbox API failed on {} {}", request.getMethod(), request.getPath(), e);
            return Responses.status(500, "InternalError", "the sandbox failed on " + request.getMethod() + " "
                    + request.getPath() + ": " + e.getMessage());
        }
    }

    @Override
    public void shutdown() {
        store.stopWatches();
        store.shutdown();
    }

    @Override
    public void releaseResources() {
        store.releaseResources();
    }

    private MockResponse route(RecordedRequest r) {
        String raw = r.getPath();
        int q = raw.indexOf('?');
        String path = q < 0 ? raw : raw.substring(0, q);
        if (path.length() > 1 && path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        String method = r.getMethod();
        switch (path) {
            case "/", "" -> {
                return Responses.json(200, rootPaths(metricsApi));
            }
            case "/version" -> {
                return Responses.json(200, version());
            }
            case "/healthz", "/livez", "/readyz" -> {
                return Responses.text(200, "ok");
            }
            case "/api" -> {
                return Responses.json(200, Json.write(Resources.apiVersions()));
            }
            case "/apis" -> {
                return Responses.json(200, Json.write(Resources.apiGroupList(metricsApi)));
            }
            default -> {
                // below
            }
        }
        if (path.startsWith("/openapi/")) {
            return Responses.status(404, "NotFound", "the Wheelhouse sandbox serves no OpenAPI documents"
                    + " (kubectl apply, create -f with validation and explain need them)");
        }
        String[] parts = path.substring(1).split("/");
        if (!metricsApi && parts.length >= 2 && parts[0].equals("apis") && parts[1].equals(Resources.METRICS_GROUP)) {
            return notFound();
        }
        if (parts.length == 2 && parts[0].equals("apis")) {
            String version = Resources.groups().get(parts[1]);
            return version == null ? notFound() : Responses.json(200, Json.write(Resources.apiGroup(parts[1], version)));
        }
        Optional<ApiPath> parsed = ApiPath.parse(raw);
        if (parsed.isEmpty()) {
            return notFound();
        }
        ApiPath p = parsed.get();
        if (p.isDiscovery()) {
            return Resources.apiResourceList(p.group(), p.version()).map(d -> Responses.json(200, Json.write(d))).orElseGet(FrontDispatcher::notFound);
        }
        if (p.group().equals(Authorizer.REVIEW_GROUP) && "selfsubjectaccessreviews".equals(p.plural()) && p.name() == null) {
            if (!method.equals("POST")) {
                return Responses.status(405, "MethodNotAllowed", "SelfSubjectAccessReviews can only be created");
            }
            byte[] body = r.getBody() == null ? new byte[0] : r.getBody().getBytes();
            try {
                return authorizer.review(ProtobufReview.isProtobuf(body) ? ProtobufReview.toJson(body) : r.getUtf8Body());
            } catch (IllegalArgumentException e) {
                return Responses.status(400, "BadRequest", e.getMessage());
            }
        }
        if (p.type().isEmpty()) {
            return notFound();
        }
        Authorizer.Attributes attributes = Authorizer.Attributes.of(p, method);
        if (authorizer.denying(attributes).isPresent()) {
            return Authorizer.forbidden(attributes);
        }
        if (p.group().equals(Resources.METRICS_GROUP)) {
            return metrics.handle(p, method);
        }
        String contentType = r.getHeader("Content-Type");
        if (contentType != null && contentType.toLowerCase(Locale.ROOT).contains("protobuf")) {
            return Responses.status(415, "UnsupportedMediaType",
                    "the Wheelhouse sandbox speaks JSON only (kubectl create deployment sends protobuf; use kubectl create -f with --validate=false)");
        }
        String sub = p.subresource();
        if ("scale".equals(sub)) {
            return store.scale(p, r);
        }
        if ("log".equals(sub) && p.type().get() == Resources.PODS) {
            return method.equals("GET") ? logs.handle(p) : Responses.status(405, "MethodNotAllowed", "logs are read-only");
        }
        if (sub != null && !sub.equals("status")) {
            return notFound();
        }
        if (method.equals("GET") && p.flag("watch")) {
            String upgrade = r.getHeader("Upgrade");
            if (upgrade != null && upgrade.toLowerCase(Locale.ROOT).contains("websocket")) {
                try {
                    return new MockResponse().withWebSocketUpgrade(new WebSocketWatch(store, ApiStore.WatchSpec.of(p)));
                } catch (IllegalArgumentException e) {
                    return Responses.status(400, "BadRequest", e.getMessage());
                }
            }
            return store.plainWatch(p);
        }
        if (method.equals("GET") && tables.wanted(r.getHeader("Accept"))) {
            return tables.render(p, store);
        }
        return Responses.typed(store.dispatch(r));
    }

    private static MockResponse notFound() {
        return Responses.status(404, "NotFound", "the server could not find the requested resource");
    }

    private static String rootPaths(boolean metricsApi) {
        ObjectNode root = Json.object();
        ArrayNode paths = root.putArray("paths");
        paths.add("/api");
        paths.add("/api/v1");
        paths.add("/apis");
        for (Map.Entry<String, String> g : Resources.groups().entrySet()) {
            if (!metricsApi && g.getKey().equals(Resources.METRICS_GROUP)) {
                continue;
            }
            paths.add("/apis/" + g.getKey());
            paths.add("/apis/" + g.getKey() + "/" + g.getValue());
        }
        paths.add("/healthz");
        paths.add("/livez");
        paths.add("/readyz");
        paths.add("/version");
        return Json.write(root);
    }

    private static String version() {
        ObjectNode v = Json.object();
        v.put("major", "1");
        v.put("minor", "32");
        v.put("gitVersion", SERVER_VERSION + "+wheelhouse-sandbox");
        v.put("gitCommit", "0000000000000000000000000000000000000000");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2025-03-11T00:00:00Z");
        v.put("goVersion", "go1.23.6");
        v.put("compiler", "gc");
        v.put("platform", "linux/amd64");
        return Json.write(v);
    }
}
