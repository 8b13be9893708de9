package dev.wheelhouse.core.cluster;

import java.util.List;

/**
 * One view's hold on the live model of an environment. Views of the same environment share the
 * model; closing the last one stops its watches. Closing does not block (the watches stop in the
 * background) and closing twice is harmless.
 */
public interface ClusterSubscription extends AutoCloseable {

    /** The snapshot of the latest batch (an empty one before the first). Does not block. */
    ClusterSnapshot snapshot();

    /**
     * The inventory of the environment as the subscription sees it now (nodes with allocation,
     * workloads with versions, storage, network, latest usage). Blocking for a few milliseconds
     * to a second on large clusters: not on the FX thread.
     */
    Inventory inventory();

    /**
     * The usage history of one node or pod (a RowKey of kind Node or Pod), oldest first, for
     * the last ~10 minutes. Empty when there is none. Does not block.
     */
    List<Usage> series(RowKey key);

    @Override
    void close();
}
