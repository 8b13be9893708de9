package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
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

    private final SandboxOptions options;
    private final MockWebServer web;
    private final KubernetesMockServer server;
    private final ApiStore store;
    private final Cluster cluster;
    private final Simulation sim;
    private final Churn churn;
    private final SandboxSeed seed;
    private final URI url;
    private final Duration startup;
    private final Instant started;
    private KubernetesClient client;
    private boolean closed;

    private Sandbox(SandboxOptions options, MockWebServer web, KubernetesMockServer server, ApiStore store, Cluster cluster,
                    Simulation sim, Churn churn, SandboxSeed seed, URI url, Duration startup) {
        this.options = options;
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
        FrontDispatcher front = new FrontDispatcher(store, metrics, new PodLogs(cluster, controllers.kubelet(), sim.clock()), new Tables(sim.clock()));
        MockWebServer web = webStarting.join();
        KubernetesMockServer server = new KubernetesMockServer(new Context(Json.MAPPER), web, new HashMap<>(), front, false);
        try {
            server.init(InetAddress.getLoopbackAddress(), options.port());
        } catch (RuntimeException e) {
            try {
                server.destroy();
            } catch (RuntimeException ignored) {
                // the server never started
            }
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof BindException) {
                    throw new BindException("port " + options.port() + " on 127.0.0.1 is already in use");
                }
            }
            throw new IOException("the sandbox API server did not start: " + e.getMessage(), e);
        }
        Duration startup = Duration.ofNanos(System.nanoTime() - t0);
        URI url = URI.create("http://127.0.0.1:" + web.getPort());
        Churn churn = new Churn(controllers, options.churnPerSecond());
        sim.start();
        churn.start();
        sim.after(Duration.ofSeconds(30), new Runnable() {
            @Override
            public void run() {
                // MockWebServer keeps every request it served for takeRequest(); drop them.
                web.reset();
                sim.after(Duration.ofSeconds(30), this);
            }
        });
        LOG.info("sandbox serving {} with {} pods and {} deployments, started in {} ms", url,
                cluster.count(Resources.PODS), cluster.count(Resources.DEPLOYMENTS), startup.toMillis());
        return new Sandbox(options, web, server, store, cluster, sim, churn, seed, url, startup);
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
        try {
            server.destroy();
        } catch (RuntimeException e) {
            LOG.warn("stopping the sandbox API server", e);
        }
        LOG.info("sandbox at {} stopped", url);
    }

    /** For tests in this package. */
    ApiStore store() {
        return store;
    }
}
