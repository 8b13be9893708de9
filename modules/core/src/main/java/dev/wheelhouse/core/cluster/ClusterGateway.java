package dev.wheelhouse.core.cluster;

import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Duration;
import java.util.List;

/**
 * Port: the Kubernetes part of the environments, live (watches) and one-shot. One client per
 * kubeconfig context, shared by every subscription. Blocking calls are marked: never call them
 * on the FX thread.
 */
public interface ClusterGateway extends AutoCloseable {

    /** The resource kinds every subscription watches, with their table columns. Does not block. */
    List<KindInfo> kinds();

    /**
     * Starts watching every kind in every target of the environment (contexts x namespaces;
     * cluster-scoped kinds once per context) and sampling its metrics. Does not block: the first
     * batch arrives once something is known (CONNECTING states at once, rows as lists complete).
     * A context that cannot be used (bad kubeconfig, unreachable, 403) shows in the feed states;
     * the other feeds go on.
     */
    ClusterSubscription watch(Environment environment, ClusterListener listener);

    /**
     * Blocking: may the kubeconfig user of {@code context} do {@code verb} on {@code resource}
     * in {@code namespace} (null or "" for cluster-wide)? {@code resource} is a plural as RBAC
     * spells it, optionally with group and subresource: "pods", "deployments.apps",
     * "deployments/scale", "pods/log". Answers are cached for a short while.
     */
    AccessDecision canI(String context, String verb, String resource, String namespace);

    /**
     * Blocking, one-shot: watches the environment until every feed has settled (or the
     * timeout passes) and a first metrics sample is in, then returns its inventory.
     */
    Inventory inventory(Environment environment, Duration timeout);

    /**
     * Blocking: one Deployment, StatefulSet, DaemonSet or Pod in detail (its revisions, the
     * selector of its pods, its containers, its YAML), read now.
     *
     * @throws IllegalArgumentException for another kind
     * @throws IllegalStateException naming the object when it cannot be read (gone, 403,
     *     unreachable)
     */
    WorkloadDetails details(RowKey key);

    /**
     * Follows a pod container's log. Does not block: lines (without kubectl's timestamps) come
     * on the follow's own thread, in order, each once; when the log ends (the container
     * restarts, the connection drops) the follow says why through {@link LogListener#interrupted}
     * and resumes where it left off. A previous container's log is sent once and ends. Closing
     * stops it.
     */
    Subscription followLog(PodLogRequest request, LogListener listener);

    /** Closes every subscription and client. */
    @Override
    void close();
}
