package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.ops.LockHeldException;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.LockKey;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Operation locks as coordination.k8s.io/v1 Leases in the practice sandbox. */
class Fabric8LeasesIT {
    static Sandbox sandbox;
    static Fabric8Leases leases;
    static String ns;

    @BeforeAll
    static void start(@TempDir Path dir) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0));
        leases = new Fabric8Leases(sandbox.writeKubeconfig(dir.resolve("kubeconfig")));
        ns = sandbox.seed().namespace("sandbox-staging").orElseThrow();
    }

    @AfterAll
    static void stop() {
        leases.close();
        sandbox.close();
    }

    Lease lease(String name) {
        return sandbox.client().leases().inNamespace(ns).withName(name).get();
    }

    @Test
    void takenRenewedAndReleasedByItsHolder() throws Exception {
        LockKey key = new LockKey(Sandbox.CONTEXT, ns, "wheelhouse-cycle");
        assertThat(leases.holder(key)).isEmpty();

        LockHolder held = leases.acquire(key, "ana@laptop", "rollback checkout (operation 1)", Duration.ofSeconds(30), false);
        assertThat(held.holder()).isEqualTo("ana@laptop");
        assertThat(held.operation()).isEqualTo("rollback checkout (operation 1)");
        assertThat(held.duration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(lease("wheelhouse-cycle").getSpec().getHolderIdentity()).isEqualTo("ana@laptop");
        assertThat(lease("wheelhouse-cycle").getSpec().getLeaseDurationSeconds()).isEqualTo(30);

        Thread.sleep(20);
        assertThat(leases.renew(key, "ana@laptop", Duration.ofSeconds(30))).isTrue();
        LockHolder renewed = leases.holder(key).orElseThrow();
        assertThat(renewed.renewed()).isAfter(held.renewed());
        assertThat(renewed.acquired()).isEqualTo(held.acquired());
        assertThat(leases.renew(key, "bob@desk", Duration.ofSeconds(30))).as("not bob's to renew").isFalse();

        leases.release(key, "bob@desk");
        assertThat(leases.holder(key)).as("not bob's to release").isPresent();
        leases.release(key, "ana@laptop");
        assertThat(leases.holder(key)).isEmpty();
        assertThat(lease("wheelhouse-cycle")).isNull();
    }

    @Test
    void aLockHeldBySomeoneElseSaysWhoAndSinceWhenAndBreakingItTakesItOver() {
        LockKey key = new LockKey(Sandbox.CONTEXT, ns, "wheelhouse-held");
        LockHolder bob = leases.acquire(key, "bob@desk", "deploy catalog (operation 7)", Duration.ofMinutes(5), false);

        assertThatThrownBy(() -> leases.acquire(key, "ana@laptop", "rollback catalog", Duration.ofSeconds(30), false))
                .isInstanceOf(LockHeldException.class)
                .hasMessageContaining("lease wheelhouse-held in " + ns + " (context " + Sandbox.CONTEXT + ") is held by bob@desk since "
                        + bob.acquired() + " (deploy catalog (operation 7))")
                .hasMessageContaining("--break-lock");
        assertThat(leases.holder(key).orElseThrow().holder()).isEqualTo("bob@desk");

        LockHolder ana = leases.acquire(key, "ana@laptop", "rollback catalog", Duration.ofSeconds(30), true);
        assertThat(ana.holder()).isEqualTo("ana@laptop");
        assertThat(ana.acquired()).isAfterOrEqualTo(bob.acquired());
        assertThat(lease("wheelhouse-held").getSpec().getLeaseTransitions()).isEqualTo(1);
        leases.release(key, "ana@laptop");
    }

    @Test
    void aLeaseWhoseHolderStoppedRenewingHasExpiredAndIsTaken() {
        // A holder whose process died: renewed long ago, for a short duration.
        ZonedDateTime old = Instant.now().minusSeconds(120).atZone(ZoneOffset.UTC);
        sandbox.client().leases().inNamespace(ns).resource(new io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder()
                .withNewMetadata().withName("wheelhouse-expired").withNamespace(ns).endMetadata()
                .withNewSpec().withHolderIdentity("carol@crashed").withLeaseDurationSeconds(15)
                .withAcquireTime(old).withRenewTime(old).endSpec().build()).create();
        LockKey key = new LockKey(Sandbox.CONTEXT, ns, "wheelhouse-expired");
        assertThat(leases.holder(key).orElseThrow().expired(Instant.now())).isTrue();

        LockHolder ana = leases.acquire(key, "ana@laptop", "restart", Duration.ofSeconds(30), false);
        assertThat(ana.holder()).isEqualTo("ana@laptop");
        assertThat(ana.expired(Instant.now())).isFalse();
        leases.release(key, "ana@laptop");
    }
}
