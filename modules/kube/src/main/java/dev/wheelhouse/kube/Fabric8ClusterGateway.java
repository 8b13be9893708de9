package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.ClusterListener;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.PodLogRequest;
import dev.wheelhouse.core.cluster.WorkloadDetails;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.workspace.Environment;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The {@link ClusterGateway} over Fabric8: one client per kubeconfig context (shared by all
 * subscriptions), a live model per watched environment, SelfSubjectAccessReview for "may I",
 * one workload in detail and pod log follows.
 */
public final class Fabric8ClusterGateway implements ClusterGateway {
    private final KubeClients clients;
    private final KubeOptions options;
    private final Clock clock;
    private final AccessReviews access;
    private final WorkloadReader workloads;
    private final Set<EnvironmentWatch> watches = ConcurrentHashMap.newKeySet();
    private final Map<Environment, EnvironmentWatch> shared = new HashMap<>();

    /**
     * Starts {@link KubeClients#warmUp()} on a thread of its own, so the first environment the
     * window opens connects sooner: the console calls this once its first frame is drawn, as
     * the workspace is being read.
     */
    public static java.util.concurrent.CompletableFuture<Void> warmUpInBackground() {
        return java.util.concurrent.CompletableFuture.runAsync(KubeClients::warmUp,
                r -> Thread.ofPlatform().daemon().name("wheelhouse-kube-warm-up").start(r));
    }

    public Fabric8ClusterGateway(Path kubeconfig) {
        this(kubeconfig, KubeOptions.DEFAULTS, Clock.systemUTC());
    }

    public Fabric8ClusterGateway(Path kubeconfig, KubeOptions options, Clock clock) {
        this.clients = new KubeClients(kubeconfig, options);
        this.options = options;
        this.clock = clock;
        this.access = new AccessReviews(clients, options, clock);
        this.workloads = new WorkloadReader(clients);
    }

    /** The clients per context (for other adapters in this module, e.g. rollouts). */
    public KubeClients clients() {
        return clients;
    }

    @Override
    public List<KindInfo> kinds() {
        return ResourceKinds.infos();
    }

    /**
     * One live model per environment, shared by every view that watches it: a second view of
     * the same environment costs no informers. The model stops when its last view closes.
     */
    @Override
    public ClusterSubscription watch(Environment environment, ClusterListener listener) {
        EnvironmentWatch model;
        synchronized (shared) {
            model = shared.get(environment);
            if (model == null) {
                EnvironmentWatch created = new EnvironmentWatch(environment, clients, options, clock, w -> {
                    watches.remove(w);
                    synchronized (shared) {
                        shared.remove(environment, w);
                    }
                });
                watches.add(created);
                shared.put(environment, created);
                model = created.start();
            }
            model.addListener(listener);
        }
        return new View(model, listener);
    }

    /** One view's hold on a shared model. */
    private final class View implements ClusterSubscription {
        private final EnvironmentWatch model;
        private final ClusterListener listener;
        private volatile boolean closed;

        View(EnvironmentWatch model, ClusterListener listener) {
            this.model = model;
            this.listener = listener;
        }

        @Override
        public ClusterSnapshot snapshot() {
            return model.snapshot();
        }

        @Override
        public Inventory inventory() {
            return model.inventory();
        }

        @Override
        public List<Usage> series(RowKey key) {
            return model.series(key);
        }

        @Override
        public void close() {
            if (closed) {
                return;
            }
            closed = true;
            boolean last;
            synchronized (shared) {
                last = model.removeListener(listener) == 0;
                if (last) {
                    shared.remove(model.environment(), model);
                }
            }
            if (last) {
                model.close();
            }
        }
    }

    @Override
    public AccessDecision canI(String context, String verb, String resource, String namespace) {
        return access.canI(context, verb, resource, namespace);
    }

    @Override
    public WorkloadDetails details(RowKey key) {
        return workloads.read(key);
    }

    @Override
    public Subscription followLog(PodLogRequest request, LogListener listener) {
        return new PodLogFollow(clients, request, listener, options.watchRetry()).start();
    }

    @Override
    public Inventory inventory(Environment environment, Duration timeout) {
        EnvironmentWatch watch = new EnvironmentWatch(environment, clients, options, clock, watches::remove);
        watches.add(watch);
        try {
            watch.start();
            watch.awaitSettled(timeout);
            return watch.inventory();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while taking the inventory of " + environment.name(), e);
        } finally {
            watch.close();
            watch.awaitClosed(Duration.ofSeconds(5));
        }
    }

    @Override
    public void close() {
        List<EnvironmentWatch> open = List.copyOf(watches);
        open.forEach(EnvironmentWatch::close);
        open.forEach(w -> w.awaitClosed(Duration.ofSeconds(5)));
        clients.close();
    }
}
