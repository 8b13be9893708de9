package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * The simulated control plane: the Deployment, ReplicaSet, StatefulSet, DaemonSet and Endpoints
 * controllers, the garbage collector, the scheduler and the kubelets, all run by one
 * {@link Simulation} thread from the store's changes.
 */
final class Controllers {
    /** Events kept, as the API server's TTL would; older ones are deleted. */
    static final int MAX_EVENTS = 3000;

    private final ApiStore store;
    private final Cluster cluster;
    private final Simulation sim;
    private final SandboxOptions options;
    private final RandomGenerator random;
    private final Scheduler scheduler;
    private final Recorder recorder;
    private final Kubelet kubelet;
    private final DeploymentController deployments;
    private final ReplicaSetController replicaSets;
    private final StatefulSetController statefulSets;
    private final DaemonSetController daemonSets;
    private final EndpointsController endpoints;

    Controllers(ApiStore store, Cluster cluster, Simulation sim, SandboxOptions options, RandomGenerator random) {
        this.store = store;
        this.cluster = cluster;
        this.sim = sim;
        this.options = options;
        this.random = random;
        this.scheduler = new Scheduler(cluster);
        this.recorder = new Recorder(store, sim, MAX_EVENTS);
        this.kubelet = new Kubelet(this);
        this.deployments = new DeploymentController(this);
        this.replicaSets = new ReplicaSetController(this);
        this.statefulSets = new StatefulSetController(this);
        this.daemonSets = new DaemonSetController(this);
        this.endpoints = new EndpointsController(this);
        store.addListener(cluster);
        store.addListener(scheduler);
        cluster.onWork(sim::enqueue);
        sim.handler(this::handle);
    }

    ApiStore store() {
        return store;
    }

    Cluster cluster() {
        return cluster;
    }

    Simulation sim() {
        return sim;
    }

    SandboxOptions options() {
        return options;
    }

    RandomGenerator random() {
        return random;
    }

    Scheduler scheduler() {
        return scheduler;
    }

    Recorder recorder() {
        return recorder;
    }

    Kubelet kubelet() {
        return kubelet;
    }

    EndpointsController endpoints() {
        return endpoints;
    }

    DeploymentController deployments() {
        return deployments;
    }

    /** How long a pod takes to start, and so each rollout step. */
    Duration step() {
        return Duration.ofMillis(options.rolloutStepMillis());
    }

    void handle(Cluster.Work w) {
        switch (w.kind()) {
            case "Deployment" -> deployments.reconcile(w.namespace(), w.name());
            case "ReplicaSet" -> replicaSets.reconcile(w.namespace(), w.name());
            case "StatefulSet" -> statefulSets.reconcile(w.namespace(), w.name());
            case "DaemonSet" -> daemonSets.reconcile(w.namespace(), w.name());
            case "Pod" -> {
                kubelet.reconcile(w.namespace(), w.name());
                Pod pod = cluster.get(Resources.PODS, w.namespace(), w.name());
                endpoints.podChanged(w.namespace(), w.name(), pod);
            }
            case "Service" -> endpoints.reconcile(w.namespace(), w.name());
            case "Node" -> {
                for (DaemonSet ds : cluster.<DaemonSet>all(Resources.DAEMONSETS)) {
                    sim.enqueue(Cluster.Work.of(ds));
                }
            }
            case "gc" -> collectGarbage(w.name());
            default -> {
                // other kinds have no controller
            }
        }
    }

    /** Background cascading deletion: the dependents of a deleted owner go too. */
    private void collectGarbage(String ownerUid) {
        kubelet.forget(ownerUid);
        for (String[] dep : cluster.dependentsOf(ownerUid)) {
            Resources.byTypeKey(dep[0]).ifPresent(type -> store.delete(type, dep[1].isEmpty() ? null : dep[1], dep[2]));
        }
        cluster.forgetOwner(ownerUid);
    }

    /** The InternalIP the seed gives a node: 10.0.&lt;index / 250&gt;.&lt;10 + index % 240&gt;. */
    static String nodeIp(String nodeName) {
        if (nodeName == null) {
            return null;
        }
        int index = Scheduler.nodeIndex(nodeName);
        return "10.0." + (index / 240) + "." + (10 + index % 240);
    }
}
