package dev.wheelhouse.kube;

import dev.wheelhouse.core.ops.LockGateway;
import dev.wheelhouse.core.ops.LockHeldException;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.LockKey;
import dev.wheelhouse.core.ops.RolloutRefusedException;
import dev.wheelhouse.core.ops.RolloutRefusedException.Reason;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.Optional;

/**
 * Operation locks as coordination.k8s.io/v1 Leases (the object Kubernetes' own leader election
 * uses): holderIdentity user@host, acquireTime, renewTime, leaseDurationSeconds; what the holder
 * runs in an annotation. Every change is a replace carrying the read resourceVersion, so two
 * operators racing for a free lock cannot both win: the loser gets a 409 and reads the winner.
 */
public final class Fabric8Leases implements LockGateway {
    static final String OPERATION = "wheelhouse.dev/operation";

    private final KubeClients clients;
    private final boolean ownsClients;
    private final Clock clock;

    public Fabric8Leases(KubeClients clients) {
        this(clients, false, Clock.systemUTC());
    }

    public Fabric8Leases(Path kubeconfig) {
        this(new KubeClients(kubeconfig, KubeOptions.DEFAULTS), true, Clock.systemUTC());
    }

    Fabric8Leases(KubeClients clients, boolean ownsClients, Clock clock) {
        this.clients = Objects.requireNonNull(clients);
        this.ownsClients = ownsClients;
        this.clock = clock;
    }

    @Override
    public Optional<LockHolder> holder(LockKey key) {
        Lease lease = read(key);
        return lease == null ? Optional.empty() : holderOf(lease);
    }

    @Override
    public LockHolder acquire(LockKey key, String holder, String operation, Duration duration, boolean breakHeld) {
        Instant now = clock.instant();
        for (int attempt = 1; ; attempt++) {
            Lease lease = read(key);
            Optional<LockHolder> current = lease == null ? Optional.empty() : holderOf(lease);
            if (current.isPresent() && !current.get().holder().equals(holder) && !current.get().expired(now) && !breakHeld) {
                throw new LockHeldException(key, current.get());
            }
            try {
                if (lease == null) {
                    Lease fresh = new LeaseBuilder().withNewMetadata().withName(key.name()).withNamespace(ns(key))
                            .addToLabels("app.kubernetes.io/managed-by", "wheelhouse")
                            .addToAnnotations(OPERATION, operation == null ? "" : operation).endMetadata()
                            .withNewSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds(duration))
                            .withAcquireTime(micro(now)).withRenewTime(micro(now)).withLeaseTransitions(0).endSpec().build();
                    return holderOf(client(key).leases().inNamespace(ns(key)).resource(fresh).create()).orElseThrow();
                } else {
                    boolean ours = current.isPresent() && current.get().holder().equals(holder) && !current.get().expired(now);
                    Lease taken = new LeaseBuilder(lease).editMetadata().addToAnnotations(OPERATION, operation == null ? "" : operation)
                            .endMetadata().editSpec().withHolderIdentity(holder).withLeaseDurationSeconds(seconds(duration))
                            .withAcquireTime(ours ? lease.getSpec().getAcquireTime() : micro(now)).withRenewTime(micro(now))
                            .withLeaseTransitions((lease.getSpec().getLeaseTransitions() == null ? 0 : lease.getSpec().getLeaseTransitions())
                                    + (ours ? 0 : 1)).endSpec().build();
                    return holderOf(client(key).leases().inNamespace(ns(key)).resource(taken).update()).orElseThrow();
                }
            } catch (KubernetesClientException e) {
                if ((e.getCode() == 409) && attempt == 1) {
                    continue; // someone took or renewed it in between: look again
                }
                throw failure(e, key, lease == null ? "create" : "update");
            }
        }
    }

    @Override
    public boolean renew(LockKey key, String holder, Duration duration) {
        Lease lease = read(key);
        if (lease == null || lease.getSpec() == null || !holder.equals(lease.getSpec().getHolderIdentity())) {
            return false;
        }
        Lease renewed = new LeaseBuilder(lease).editSpec().withRenewTime(micro(clock.instant()))
                .withLeaseDurationSeconds(seconds(duration)).endSpec().build();
        try {
            client(key).leases().inNamespace(ns(key)).resource(renewed).update();
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == 409) {
                return holderOf(read(key)).map(h -> h.holder().equals(holder)).orElse(false);
            }
            throw failure(e, key, "update");
        }
    }

    @Override
    public void release(LockKey key, String holder) {
        Lease lease = read(key);
        if (lease == null || lease.getSpec() == null || !holder.equals(lease.getSpec().getHolderIdentity())) {
            return;
        }
        try {
            // Deleted only if unchanged since read: a lock someone broke and took is theirs now.
            client(key).leases().inNamespace(ns(key)).resource(lease).lockResourceVersion(lease.getMetadata().getResourceVersion()).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404 && e.getCode() != 409) {
                throw failure(e, key, "delete");
            }
        }
    }

    private Lease read(LockKey key) {
        try {
            return client(key).leases().inNamespace(ns(key)).withName(key.name()).get();
        } catch (KubernetesClientException e) {
            throw failure(e, key, "get");
        }
    }

    private static Optional<LockHolder> holderOf(Lease lease) {
        if (lease == null || lease.getSpec() == null || lease.getSpec().getHolderIdentity() == null
                || lease.getSpec().getHolderIdentity().isBlank()) {
            return Optional.empty();
        }
        var spec = lease.getSpec();
        Instant acquired = instant(spec.getAcquireTime());
        Instant renewed = instant(spec.getRenewTime());
        Duration duration = spec.getLeaseDurationSeconds() == null ? null : Duration.ofSeconds(spec.getLeaseDurationSeconds());
        String operation = lease.getMetadata().getAnnotations() == null ? "" : lease.getMetadata().getAnnotations().getOrDefault(OPERATION, "");
        return Optional.of(new LockHolder(spec.getHolderIdentity(), operation, acquired, renewed == null ? acquired : renewed, duration));
    }

    private static Instant instant(ZonedDateTime t) {
        return t == null ? null : t.toInstant();
    }

    // The API server keeps MicroTime: six fraction digits.
    private static ZonedDateTime micro(Instant t) {
        return t.truncatedTo(ChronoUnit.MICROS).atZone(ZoneOffset.UTC);
    }

    private static int seconds(Duration d) {
        return (int) Math.max(1, d.toSeconds());
    }

    private KubernetesClient client(LockKey key) {
        try {
            return clients.client(key.context()).client();
        } catch (KubeconfigException e) {
            throw new RolloutRefusedException(Reason.MISCONFIGURED, e.getMessage());
        }
    }

    private String ns(LockKey key) {
        if (key.namespace() != null) {
            return key.namespace();
        }
        try {
            return clients.client(key.context()).namespace();
        } catch (KubeconfigException e) {
            throw new RolloutRefusedException(Reason.MISCONFIGURED, e.getMessage());
        }
    }

    private RuntimeException failure(KubernetesClientException e, LockKey key, String verb) {
        String where = "in namespace " + ns(key) + " (context " + key.context() + ")";
        if (e.getCode() == 403) {
            return new RolloutRefusedException(Reason.FORBIDDEN, "forbidden: you may not " + verb + " leases.coordination.k8s.io "
                    + where + ", which holds the operation lock " + key.name());
        }
        String why = e.getCode() > 0 ? "the API server answered " + e.getCode() + ": "
                + (e.getStatus() != null && e.getStatus().getMessage() != null ? e.getStatus().getMessage() : FeedErrors.rootMessage(e))
                : FeedErrors.networkReason(e);
        return new IllegalStateException("cannot " + verb + " the operation lock " + key.name() + " " + where + ": " + why, e);
    }

    @Override
    public void close() {
        if (ownsClients) {
            clients.close();
        }
    }
}
