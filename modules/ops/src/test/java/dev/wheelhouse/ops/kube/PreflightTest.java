package dev.wheelhouse.ops.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.ops.WorkloadState;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkloadKind;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The preflight's rules on workload facts as read (the adapters are tested against the sandbox). */
class PreflightTest {
    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");
    static final WorkloadRef REF = new WorkloadRef("ctx", "shop", WorkloadKind.DEPLOYMENT, "web");
    static final OpsTarget TARGET = new OpsTarget(new Environment("shop-staging", Tier.STAGING, null, false, List.of(), List.of()),
            "web", REF, "web");
    static final RolloutStatus DONE = new RolloutStatus(RolloutStatus.State.COMPLETE, "ok", false, 2, 2, 1, 1, 1, 1, List.of());

    static WorkloadState state(Map<String, String> labels, Map<String, String> annotations) {
        return new WorkloadState(REF, false, null, 1, labels, annotations, null, List.of("web=web:1"), "1");
    }

    static List<Finding> findings(WorkloadState state, Optional<LockHolder> lock, AccessDecision access) {
        return Preflight.findings(TARGET, state, DONE, lock, access, "ana@laptop", NOW, true);
    }

    @Test
    void argoCdAndFluxMarksAreWarnedAbout() {
        assertThat(findings(state(Map.of("argocd.argoproj.io/instance", "shop"), Map.of()), Optional.empty(), null))
                .singleElement().satisfies(f -> assertThat(f.message()).contains("managed by Argo CD"));
        assertThat(findings(state(Map.of(), Map.of("kustomize.toolkit.fluxcd.io/name", "apps")), Optional.empty(), null))
                .singleElement().satisfies(f -> {
                    assertThat(f.code()).isEqualTo(Finding.Code.GITOPS);
                    assertThat(f.message()).contains("managed by Flux");
                    assertThat(f.remedy()).contains("suspend its sync");
                });
        assertThat(findings(state(Map.of("app.kubernetes.io/managed-by", "Helm"), Map.of()), Optional.empty(), null)).isEmpty();
    }

    @Test
    void aLockIsHeldOnlyBySomeoneElseAndOnlyUntilItExpires() {
        LockHolder bob = new LockHolder("bob@desk", "deploy web", NOW.minusSeconds(600), NOW.minusSeconds(5), Duration.ofSeconds(30));
        assertThat(findings(state(Map.of(), Map.of()), Optional.of(bob), null)).singleElement().satisfies(f -> {
            assertThat(f.code()).isEqualTo(Finding.Code.LOCK_HELD);
            assertThat(f.blocks()).isTrue();
            assertThat(f.message()).endsWith("bob@desk since 2026-11-27T11:50:00Z (deploy web)");
        });
        LockHolder gone = new LockHolder("bob@desk", "", NOW.minusSeconds(600), NOW.minusSeconds(31), Duration.ofSeconds(30));
        assertThat(findings(state(Map.of(), Map.of()), Optional.of(gone), null)).isEmpty();
        LockHolder mine = new LockHolder("ana@laptop", "", NOW.minusSeconds(60), NOW, Duration.ofSeconds(30));
        assertThat(findings(state(Map.of(), Map.of()), Optional.of(mine), null)).isEmpty();
    }

    @Test
    void rbacDeniedBlocksAndUnknownOnlyInforms() {
        assertThat(findings(state(Map.of(), Map.of()), Optional.empty(),
                new AccessDecision(AccessDecision.Verdict.DENIED, "no RBAC policy matched"))).singleElement().satisfies(f -> {
                    assertThat(f.blocks()).isTrue();
                    assertThat(f.message()).isEqualTo("RBAC: you may not patch deployments.apps in shop (no RBAC policy matched)");
                });
        assertThat(findings(state(Map.of(), Map.of()), Optional.empty(),
                new AccessDecision(AccessDecision.Verdict.UNKNOWN, "the API server answered 404"))).singleElement()
                .satisfies(f -> assertThat(f.severity()).isEqualTo(Finding.Severity.INFO));
    }
}
