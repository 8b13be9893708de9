package dev.wheelhouse.core.ops;

import java.time.Duration;
import java.util.Optional;

/**
 * Port: one operation at a time per application per environment, across operators and machines,
 * as a lease in the cluster (coordination.k8s.io Lease). A holder renews it while its operation
 * runs; if its process dies the lease expires after its duration. Blocking network I/O.
 */
public interface LockGateway extends AutoCloseable {

    /** The current holder, expired or not; empty when nobody ever took it or it was released. */
    Optional<LockHolder> holder(LockKey key);

    /**
     * Takes the lock for {@code holder}. Free, expired or already ours: taken. Held by someone
     * else: {@link LockHeldException}, unless {@code breakHeld}, which takes it over.
     *
     * @param operation what the holder runs, shown to whoever finds the lock held
     * @return the lock as now held
     * @throws LockHeldException when held by someone else and not broken
     * @throws RolloutRefusedException when the cluster refuses (403 names verb, resource, namespace)
     */
    LockHolder acquire(LockKey key, String holder, String operation, Duration duration, boolean breakHeld);

    /** Renews our lock; false when it is no longer ours (someone broke it). */
    boolean renew(LockKey key, String holder, Duration duration);

    /** Releases our lock; does nothing when it is not ours any more. */
    void release(LockKey key, String holder);

    @Override
    default void close() {}
}
