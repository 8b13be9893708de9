package dev.wheelhouse.core.cluster;

/**
 * Receives coalesced batches: at most one every ~150 ms per subscription, one at a time, on a
 * background thread (a view hops to the FX thread itself, once per batch). Must not block for
 * long: the next batch waits for it.
 */
@FunctionalInterface
public interface ClusterListener {
    void onBatch(ClusterBatch batch);
}
