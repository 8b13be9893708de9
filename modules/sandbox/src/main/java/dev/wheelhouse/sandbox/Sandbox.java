package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The practice sandbox: a Kubernetes API over real HTTP on 127.0.0.1 (Fabric8's CRUD mock behind
 * a front that makes kubectl at home), seeded with three environments and their applications,
 * with simulated controllers for rollouts, rollbacks, failures and metrics.
 *
 * <pre>{@code
 * try (Sandbox sandbox = Sandbox.start(SandboxOptions.defaults())) {
 *     sandbox.writeKubeconfig(Path.of("kubeconfig"));   // kubectl --kubeconfig kubeconfig get pods -A
 *     sandbox.client().apps().deployments().inNamespace("shop-dev").list();
 * }
 * }</pre>
 *
 * The API has no authentication, so it only ever listens on the loopback address.
 */
public final class Sandbox implements AutoCloseable {
    /** The kubeconfig context (and cluster and user) name of the sandbox. */
    public static final String CONTEXT = "wheelhouse-sandbox";
    static final String KUBECONFIG_MARKER = "# Wheelhouse sandbox kubeconfig";

    private static final Logger LOG = LoggerFactory.getLogger(Sandbox.class);
    // The mock web server logs every request at INFO through java.util.logging; keep it quiet
    // (held here because java.util.logging only keeps weak references to its loggers).
    private static final java.util.logging.Logger MOCK_LOG = java.util.logging.Logger.getLogger(MockWebServer.class.getName());

    static {
        MOCK_LOG.setLevel(Level.WARNING);
    }

    /**
     * Figures about a running sandbox, for benchmarks.
     *
     * @param startup from {@link #start} being called to the port accepting requests
     * @param churnEvents background restarts applied since start (see {@link SandboxOptions#churnPerSecond()})
     * @param writes objects written since start, by clients and controllers
     */
    public record Stats(Duration startup, Duration uptime, int nodes, int pods, int deployments, int objects,
                        long churnEvents, long writes) {
        /** Churn events per second since start. */
        public double churnPerSecond() {
            double seconds = uptime.toNanos() / 1e9;
            return seconds <= 0 ? 0 : churnEvents / seconds;
        }
    }

    /** The answer of a request made in process (see {@link #call}). */
    public record Reply(int code, String body) {}

    private final SandboxOptions options;
    private final FrontDispatcher front;
    private final Authorizer authorizer;
    private final int port;
    private MockWebServer web;
    private KubernetesMockServer server;
    private final ApiStore store;
    private final Cluster cluster;
    private final Simulation sim;
    private final Churn churn;
    private final SandboxSeed seed;
    private final URI url;
    private final Duration startup;
    private final Instant started;
    private KubernetesClient client;
    private volatile boolean closed;

    private Sandbox(SandboxOptions options, FrontDispatcher front, Authorizer authorizer, MockWebServer web,
                    KubernetesMockServer server, ApiStore store, Cluster cluster,
                    Simulation sim, Churn churn, SandboxSeed seed, URI url, Duration startup) {
        this.options = options;
        this.front = front;
        this.authorizer = authorizer;
        this.port = url.getPort();
        this.web = web;
        this.server = server;
        this.store = store;
        this.cluster = cluster;
        this.sim = sim;
        this.churn = churn;
        this.seed = seed;
        this.url = url;
        this.startup = startup;
        this.started = Instant.now();
    }

    /**
     * Seeds the store, opens the port and starts the controllers.
     *
     * @throws BindException when the port is in use
     * @throws IOException when the server cannot start for another reason
     */
    public static Sandbox start(SandboxOptions options) throws IOException {
        long t0 = System.nanoTime();
        // Vert.x takes a second to start: let it while the store is seeded.
        CompletableFuture<MockWebServer> webStarting = CompletableFuture.supplyAsync(() -> {
            MockWebServer w = new MockWebServer();
            w.setHttp2ClearTextEnabled(false);
            return w;
        });
        ApiStore store = new ApiStore();
        Cluster cluster = new Cluster();
        Simulation sim = new Simulation(Clock.systemUTC());
        Controllers controllers = new Controllers(store, cluster, sim, options, new Random(options.randomSeed()));
        SandboxSeed seed;
        try {
            seed = new Seeder(controllers, options).seed();
        } catch (RuntimeException e) {
            release(webStarting.join());
            throw e;
        }

        Metrics metrics = new Metrics(cluster, controllers.kubelet(), sim.clock(), options.metricsIntervalMillis(), options.randomSeed());
        Authorizer authorizer = new Authorizer(options.denied());
        FrontDispatcher front = new FrontDispatcher(store, metrics, new PodLogs(cluster, controllers.kubelet(), sim.clock()),
                new Tables(sim.clock()), authorizer, options.metricsApi());
        MockWebServer web = webStarting.join();
        KubernetesMockServer server = listen(web, front, options.port());
        Duration startup = Duration.ofNanos(System.nanoTime() - t0);
        URI url = URI.create("http://127.0.0.1:" + web.getPort());
        Churn churn = new Churn(controllers, options.churnPerSecond());
        sim.start();
        churn.start();
        Sandbox sandbox = new Sandbox(options, front, authorizer, web, server, store, cluster, sim, churn, seed, url, startup);
        sim.after(Duration.ofSeconds(30), new Runnable() {
            @Override
            public void run() {
                // MockWebServer keeps every request it served for takeRequest(); drop them.
                sandbox.forgetRequests();
                sim.after(Duration.ofSeconds(30), this);
            }
        });
        LOG.info("sandbox serving {} with {} pods and {} deployments, started in {} ms", url,
                cluster.count(Resources.PODS), cluster.count(Resources.DEPLOYMENTS), startup.toMillis());
        return sandbox;
    }

    /** Opens the port with the front dispatcher behind it. */
    private static KubernetesMockServer listen(MockWebServer web, FrontDispatcher front, int port) throws IOException {
        KubernetesMockServer server = new KubernetesMockServer(new Context(Json.MAPPER), web, new HashMap<>(), front, false);
        try {
            server.init(InetAddress.getLoopbackAddress(), port);
            return server;
        } catch (RuntimeException e) {
            try {
                server.destroy();
            } catch (RuntimeException ignored) {
                // the server never started
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new BindException("port " + port + " on 127.0.0.1 is already in use");
                }
            }
            throw new IOException("the sandbox API server did not start: " + e.getMessage(), e);
        }
    }

    private synchronized void forgetRequests() {
        if (web != null) {
            web.reset();
        }
    }

    /**
     * Stops serving, as an API server that went away: the port closes, every watch and
     * connection drops and new ones are refused. The store, the controllers and the metrics go
     * on, so {@link #resumeServing()} brings back the same cluster, changes made meanwhile
     * included. Does nothing when not serving.
     */
    public synchronized void pauseServing() {
        requireOpen();
        if (server == null) {
            return;
        }
        try {
            server.destroy();
        } catch (RuntimeException e) {
            LOG.warn("stopping the sandbox API server", e);
        }
        server = null;
        web = null;
        LOG.info("sandbox at {} stopped serving (paused)", url);
    }

    /**
     * Serves again on the same port, with the same state. Does nothing when serving.
     *
     * @throws BindException when another process took the port meanwhile
     */
    public synchronized void resumeServing() throws IOException {
        requireOpen();
        if (server != null) {
            return;
        }
        MockWebServer w = new MockWebServer();
        w.setHttp2ClearTextEnabled(false);
        server = listen(w, front, port);
        web = w;
        LOG.info("sandbox serving {} again", url);
    }

    /** Whether the port is open (false between {@link #pauseServing()} and {@link #resumeServing()}). */
    public synchronized boolean serving() {
        return server != null;
    }

    /** What the practice user may not do now. */
    public List<Denial> denied() {
        return authorizer.denials();
    }

    /**
     * Replaces what the practice user may not do, at once for new requests. Open watches that a
     * new rule covers are ended, as the API server ends watches when they time out, so clients
     * meet the rule when they watch again.
     */
    public void denied(List<Denial> rules) {
        requireOpen();
        authorizer.denials(rules);
        store.endWatches(spec -> authorizer.denying(Authorizer.Attributes.of(spec.path(), "GET")).isPresent());
    }

    /** Serves or withdraws metrics.k8s.io, as installing or removing metrics-server would. */
    public void metricsApi(boolean served) {
        requireOpen();
        front.metricsApi(served);
    }

    /**
     * Sends one API request in process, past the port (which may be closed), through the same
     * front as HTTP requests: for changing the cluster while it is not serving. {@code path} is
     * the request URI ("/apis/apps/v1/namespaces/shop-dev/deployments/storefront/scale").
     */
    public Reply call(String method, String path, String contentType, String body) {
        requireOpen();
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        RecordedRequest request = new RecordedRequest("HTTP/1.1", HttpMethod.valueOf(method.toUpperCase(Locale.ROOT)), path,
                headers.build(), new Buffer(body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
        MockResponse r = front.dispatch(request);
        return new Reply(r.code(), r.getBody() == null ? "" : new String(r.getBody().getBytes(), StandardCharsets.UTF_8));
    }

    private void requireOpen() {
        if (closed) {
            throw new IllegalStateException("the sandbox is closed");
        }
    }

    /** Vert.x threads outlive an unstarted server: start it on any port and stop it at once. */
    private static void release(MockWebServer web) {
        try {
            web.start(InetAddress.getLoopbackAddress(), 0);
        } finally {
            web.shutdown();
        }
    }

    /** The API server's address: {@code http://127.0.0.1:<port>}. */
    public URI url() {
        return url;
    }

    public SandboxOptions options() {
        return options;
    }

    /** What was seeded: environments, applications and versions, ready for a workspace. */
    public SandboxSeed seed() {
        return seed;
    }

    /** A Fabric8 client for the sandbox (default namespace shop-dev); closed with the sandbox. */
    public synchronized KubernetesClient client() {
        if (closed) {
            throw new IllegalStateException("the sandbox is closed");
        }
        if (client == null) {
            Config config = new ConfigBuilder(Config.empty())
                    .withMasterUrl(url.toString())
                    .withNamespace(seed.namespace("sandbox-dev").orElse("default"))
                    .withHttp2Disable(true)
                    .build();
            client = new KubernetesClientBuilder().withConfig(config).build();
        }
        return client;
    }

    /**
     * Writes a kubeconfig for the sandbox: context, cluster and user {@value #CONTEXT}, the plain
     * http URL, namespace shop-dev. Creates missing directories; the file is readable by its owner
     * only. Replaces a kubeconfig an earlier sandbox wrote, never any other file.
     *
     * @throws FileAlreadyExistsException when the file exists and is not a sandbox kubeconfig
     */
    public Path writeKubeconfig(Path file) throws IOException {
        Path target = file.toAbsolutePath();
        if (Files.isDirectory(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "is a directory");
        }
        if (Files.exists(target)) {
            String existing;
            try {
                existing = Files.readString(target, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new IOException(target + ": cannot read the existing file: " + e.getMessage(), e);
            }
            if (!existing.startsWith(KUBECONFIG_MARKER)) {
                throw new FileAlreadyExistsException(target.toString(), null,
                        "exists and is not a kubeconfig written by the sandbox; not overwriting it");
            }
        }
        Path dir = target.getParent();
        Files.createDirectories(dir);
        String text = KUBECONFIG_MARKER + ": the practice cluster at " + url + " (safe to delete)\n"
                + "apiVersion: v1\n"
                + "kind: Config\n"
                + "clusters:\n"
                + "- name: " + CONTEXT + "\n"
                + "  cluster:\n"
                + "    server: " + url + "\n"
                + "contexts:\n"
                + "- name: " + CONTEXT + "\n"
                + "  context:\n"
                + "    cluster: " + CONTEXT + "\n"
                + "    user: " + CONTEXT + "\n"
                + "    namespace: " + seed.namespace("sandbox-dev").orElse("default") + "\n"
                + "current-context: " + CONTEXT + "\n"
                + "users:\n"
                + "- name: " + CONTEXT + "\n"
                + "  user: {}\n"
                + "preferences: {}\n";
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp");
        try {
            try {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // keep the default permissions
            }
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
        return target;
    }

    /** Counts and rates of the running sandbox. */
    public Stats stats() {
        return new Stats(startup, Duration.between(started, Instant.now()), cluster.count(Resources.NODES),
                cluster.count(Resources.PODS), cluster.count(Resources.DEPLOYMENTS), store.size(), churn.applied(), store.writes());
    }

    /** Stops the churn, the controllers and the server; the client, if one was made, is closed. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        churn.stop();
        if (client != null) {
            try {
                client.close();
            } catch (RuntimeException e) {
                LOG.debug("closing the sandbox client", e);
            }
        }
        sim.close();
        if (server != null) {
            try {
                server.destroy();
            } catch (RuntimeException e) {
                LOG.warn("stopping the sandbox API server", e);
            }
            server = null;
            web = null;
        }
        LOG.info("sandbox at {} stopped", url);
    }

    /** For tests in this package. */
    ApiStore store() {
        return store;
    }
}
