package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.ClusterBatch;
import dev.wheelhouse.core.cluster.ClusterListener;
import dev.wheelhouse.core.cluster.ClusterSnapshot;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records the batches a subscription delivers, with when they came (System.nanoTime) and on which thread. */
final class Batches implements ClusterListener {
    record Delivery(long nanos, String thread, ClusterBatch batch) {}

    final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private volatile ClusterSnapshot latest;

    @Override
    public void onBatch(ClusterBatch batch) {
        deliveries.add(new Delivery(System.nanoTime(), Thread.currentThread().getName(), batch));
        latest = batch.snapshot();
    }

    ClusterSnapshot latest() {
        return latest;
    }

    int count() {
        return deliveries.size();
    }
}
