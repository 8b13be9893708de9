package dev.wheelhouse.kube;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SubjectAccessReviewStatus;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.ContainerMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.NodeMetricsList;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetricsList;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMixedDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.ServerRequest;
import io.fabric8.mockwebserver.ServerResponse;
import io.fabric8.mockwebserver.http.Dispatcher;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A Kubernetes API over real HTTP for the integration tests: Fabric8's mock server in CRUD mode
 * behind a front dispatcher that can answer 403 for chosen lists, serve or refuse metrics.k8s.io,
 * and answer SelfSubjectAccessReviews. It can be stopped and started again on the same port
 * (with a fresh store) to drop every watch. To be replaced by the practice sandbox.
 */
final class MockCluster implements AutoCloseable {
    // The mock web server logs every request at INFO through java.util.logging (a thousand lines
    // per CI run); held here because java.util.logging keeps only weak references to loggers.
    private static final java.util.logging.Logger MOCK_LOG =
            java.util.logging.Logger.getLogger(io.fabric8.mockwebserver.MockWebServer.class.getName());

    static {
        MOCK_LOG.setLevel(java.util.logging.Level.WARNING);
    }

    private final Front front = new Front();
    private KubernetesMockServer server;
    private KubernetesClient client;
    private int port;

    static MockCluster start() {
        MockCluster cluster = new MockCluster();
        cluster.startServer(0);
        return cluster;
    }

    private void startServer(int onPort) {
        Map<ServerRequest, Queue<ServerResponse>> responses = new HashMap<>();
        front.delegate = new KubernetesMixedDispatcher(responses);
        server = new KubernetesMockServer(new Context(), new MockWebServer(), responses, front, false);
        server.start(onPort);
        port = server.getPort();
        client = server.createClient();
    }

    int port() {
        return port;
    }

    String url() {
        return "http://localhost:" + port;
    }

    /** A client straight to the server, for arranging objects (not the client under test). */
    KubernetesClient client() {
        return client;
    }

    /** Stops the server: every watch drops, every request is refused. */
    void stop() {
        client.close();
        server.shutdown();
    }

    /** Starts a new, empty server on the same port. */
    void startAgain() {
        startServer(port);
    }

    /** Lists (and watches) under this path answer 403. */
    void forbid(String pathPrefix) {
        front.forbidden.add(pathPrefix);
    }

    /** Lists (and watches) under this path answer only after this delay: a slow API server (the server's threads are not held). */
    void slow(String pathPrefix, Duration delay) {
        front.slow.put(pathPrefix, delay);
    }

    /** How many requests under this path have come in. */
    int requests(String pathPrefix) {
        return (int) front.paths.stream().filter(p -> p.startsWith(pathPrefix)).count();
    }

    void metricsAbsent(boolean absent) {
        front.metricsAbsent = absent;
    }

    void nodeMetrics(List<NodeMetrics> metrics) {
        front.nodeMetrics = List.copyOf(metrics);
    }

    void podMetrics(List<PodMetrics> metrics) {
        front.podMetrics = List.copyOf(metrics);
    }

    /** Which access reviews are allowed (default: all). */
    void allow(Predicate<ResourceAttributes> rule) {
        front.access = rule;
    }

    /** Watch requests served so far (each informer opens one, and one more per reconnect). */
    int watchRequests() {
        return front.watches.get();
    }

    int accessReviews() {
        return front.accessReviews.get();
    }

    Path writeKubeconfig(Path dir, String context) throws IOException {
        return writeKubeconfig(dir, context, url());
    }

    static Path writeKubeconfig(Path dir, String context, String server) throws IOException {
        Path file = dir.resolve("kubeconfig-" + context);
        Files.writeString(file, """
                apiVersion: v1
                kind: Config
                clusters:
                - name: %1$s-cluster
                  cluster:
                    server: %2$s
                contexts:
                - name: %1$s
                  context:
                    cluster: %1$s-cluster
                    user: %1$s-user
                    namespace: dev
                current-context: %1$s
                users:
                - name: %1$s-user
                  user:
                    token: not-a-real-token
                """.formatted(context, server));
        return file;
    }

    <T extends HasMetadata> T create(T object) {
        return client.resource(object).create();
    }

    static NodeMetrics nodeMetrics(String node, String cpu, String memory) {
        NodeMetrics m = new NodeMetrics();
        m.setMetadata(new ObjectMetaBuilder().withName(node).build());
        m.setUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)));
        m.setTimestamp("2026-01-01T00:00:00Z");
        return m;
    }

    static PodMetrics podMetrics(String namespace, String pod, String cpu, String memory) {
        PodMetrics m = new PodMetrics();
        m.setMetadata(new ObjectMetaBuilder().withName(pod).withNamespace(namespace).build());
        ContainerMetrics c = new ContainerMetrics();
        c.setName("app");
        c.setUsage(Map.of("cpu", new Quantity(cpu), "memory", new Quantity(memory)));
        m.setContainers(List.of(c));
        m.setTimestamp("2026-01-01T00:00:00Z");
        return m;
    }

    @Override
    public void close() {
        try {
            client.close();
        } finally {
            try {
                server.shutdown();
            } catch (IllegalStateException e) {
                // Fabric8's mock (8.0.0) can stall its event loop for up to 30 s when a client closes a
                // watch while events are being sent to it (WatchEventsListener.onClosed waits for its
                // sender, which waits for the event loop); the server is dropped with the test anyway.
            }
        }
    }

    private static final class Front extends Dispatcher {
        volatile Dispatcher delegate;
        final Set<String> forbidden = ConcurrentHashMap.newKeySet();
        final Map<String, Duration> slow = new ConcurrentHashMap<>();
        final List<String> paths = new java.util.concurrent.CopyOnWriteArrayList<>();
        volatile boolean metricsAbsent;
        volatile List<NodeMetrics> nodeMetrics = List.of();
        volatile List<PodMetrics> podMetrics = List.of();
        volatile Predicate<ResourceAttributes> access = a -> true;
        final AtomicInteger accessReviews = new AtomicInteger();
        final AtomicInteger watches = new AtomicInteger();

        @Override
        public MockResponse dispatch(RecordedRequest request) {
            String path = request.getPath();
            String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
            paths.add(bare);
            for (String prefix : forbidden) {
                if (bare.startsWith(prefix)) {
                    return json(403, """
                            {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                             "message":"forbidden: User \\"tester\\" cannot list resource at %s","reason":"Forbidden","code":403}
                            """.formatted(bare));
                }
            }
            if (path.contains("watch=true")) {
                watches.incrementAndGet();
            }
            if (bare.startsWith("/apis/metrics.k8s.io")) {
                return metrics(bare);
            }
            if (bare.equals("/apis/authorization.k8s.io/v1/selfsubjectaccessreviews") && "POST".equals(request.getMethod())) {
                accessReviews.incrementAndGet();
                SelfSubjectAccessReview review = Serialization.unmarshal(request.getUtf8Body(), SelfSubjectAccessReview.class);
                boolean allowed = access.test(review.getSpec().getResourceAttributes());
                SubjectAccessReviewStatus status = new SubjectAccessReviewStatus();
                status.setAllowed(allowed);
                status.setReason(allowed ? "RBAC: allowed by RoleBinding \"dev-edit/dev\"" : "");
                review.setStatus(status);
                return json(201, Serialization.asJson(review));
            }
            MockResponse response = delegate.dispatch(request);
            slow.forEach((prefix, delay) -> {
                if (bare.startsWith(prefix) && !path.contains("watch=true")) {
                    response.setBodyDelay(delay);
                }
            });
            return response;
        }

        private MockResponse metrics(String path) {
            if (metricsAbsent) {
                return json(404, """
                        {"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure",
                         "message":"the server could not find the requested resource","reason":"NotFound","code":404}
                        """);
            }
            if (path.equals("/apis/metrics.k8s.io/v1beta1/nodes")) {
                NodeMetricsList list = new NodeMetricsList();
                list.setItems(nodeMetrics);
                return json(200, Serialization.asJson(list));
            }
            if (path.startsWith("/apis/metrics.k8s.io/v1beta1/namespaces/") && path.endsWith("/pods")) {
                String ns = path.substring("/apis/metrics.k8s.io/v1beta1/namespaces/".length(), path.length() - "/pods".length());
                PodMetricsList list = new PodMetricsList();
                list.setItems(podMetrics.stream().filter(m -> ns.equals(m.getMetadata().getNamespace())).toList());
                return json(200, Serialization.asJson(list));
            }
            return json(404, "{\"kind\":\"Status\",\"apiVersion\":\"v1\",\"status\":\"Failure\",\"code\":404}");
        }

        private static MockResponse json(int code, String body) {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json").setBody(body);
        }

        @Override
        public void shutdown() {
            if (delegate != null) {
                delegate.shutdown();
            }
        }
    }
}
