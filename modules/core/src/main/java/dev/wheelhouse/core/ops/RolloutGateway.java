package dev.wheelhouse.core.ops;

import java.util.List;

/**
 * Port: a Deployment's revisions, a rollback with kubectl's `rollout undo` semantics and its
 * rollout status with kubectl's `rollout status` logic. A null namespace means the context's
 * default one. Blocking network I/O: never call it on the FX thread.
 */
public interface RolloutGateway extends AutoCloseable {

    /** The revisions of the ReplicaSets the Deployment owns, oldest first. */
    List<Revision> revisions(String context, String namespace, String deployment);

    /**
     * Puts the target revision's pod template back into the Deployment and sets its change-cause.
     * revision 0 means the previous one (the newest below the current). Refuses (without
     * changing anything) when the Deployment is paused or the revision does not exist.
     *
     * @throws RolloutRefusedException when refused
     */
    RollbackResult rollback(String context, String namespace, String deployment, long revision, String changeCause);

    RolloutStatus status(String context, String namespace, String deployment);

    @Override
    void close();
}
