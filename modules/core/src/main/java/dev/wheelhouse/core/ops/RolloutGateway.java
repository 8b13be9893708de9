package dev.wheelhouse.core.ops;

import dev.wheelhouse.core.cluster.AccessDecision;
import java.time.Instant;
import java.util.List;

/**
 * Port: a workload's revisions, spec, pods and rollout status, and the writes of the operations
 * (rollback with kubectl's `rollout undo` semantics, image, restart, scale, resume). Status follows
 * kubectl's `rollout status` logic for each kind. Writes read the object and send it back with its
 * resourceVersion: a 409 re-reads and retries once, then throws {@link RolloutRefusedException}
 * (CONFLICT); a 403 throws it (FORBIDDEN) naming verb, resource and namespace. A null namespace
 * means the context's default one. Blocking network I/O: never call it on the FX thread.
 */
public interface RolloutGateway extends AutoCloseable {

    /** The workload's revisions (ReplicaSets it owns, or its ControllerRevisions), oldest first. */
    List<Revision> revisions(WorkloadRef workload);

    /** The spec facts a preflight reads (paused, history limit, labels, template ...). */
    WorkloadState state(WorkloadRef workload);

    RolloutStatus status(WorkloadRef workload);

    /** The workload's pods, by name. */
    List<PodState> pods(WorkloadRef workload);

    /**
     * Puts the target revision's pod template back and sets the change-cause. revision 0 means the
     * previous one (the newest below the current). Refuses (changing nothing) when the workload is
     * paused or the revision does not exist.
     *
     * @throws RolloutRefusedException when refused
     */
    RollbackResult rollback(WorkloadRef workload, long revision, String changeCause);

    /** Sets one container's image (a merge patch of the container list) and the change-cause. */
    ChangeResult setImage(WorkloadRef workload, String container, String image, String changeCause);

    /** kubectl's `rollout restart`: the pod template's kubectl.kubernetes.io/restartedAt annotation, RFC 3339. */
    ChangeResult restart(WorkloadRef workload, Instant at, String changeCause);

    /** Sets spec.replicas (not for DaemonSets). */
    ChangeResult scale(WorkloadRef workload, int replicas);

    /** kubectl's `rollout resume`: spec.paused false (Deployments only). */
    ChangeResult resume(WorkloadRef workload);

    /**
     * May the kubeconfig user do {@code verb} on {@code resource} ("deployments.apps") in
     * {@code namespace}? A SelfSubjectAccessReview; UNKNOWN when it cannot be asked.
     */
    AccessDecision canI(String context, String verb, String resource, String namespace);

    @Override
    void close();

    // ---- Deployment shorthands, kept for the callers written before the other kinds ----

    default List<Revision> revisions(String context, String namespace, String deployment) {
        return revisions(WorkloadRef.deployment(context, namespace, deployment));
    }

    default RollbackResult rollback(String context, String namespace, String deployment, long revision, String changeCause) {
        return rollback(WorkloadRef.deployment(context, namespace, deployment), revision, changeCause);
    }

    default RolloutStatus status(String context, String namespace, String deployment) {
        return status(WorkloadRef.deployment(context, namespace, deployment));
    }
}
