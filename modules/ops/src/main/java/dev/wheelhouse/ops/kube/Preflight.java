package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadState;
import dev.wheelhouse.ops.Guardrails;
import dev.wheelhouse.ops.kube.Finding.Code;
import dev.wheelhouse.ops.kube.Finding.Severity;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The preflight's findings about a workload, from what was read: the one place each rule lives. */
final class Preflight {
    static final String ARGO_PREFIX = "argocd.argoproj.io/";
    static final String FLUX_MARK = ".toolkit.fluxcd.io/";

    private Preflight() {}

    static List<Finding> findings(OpsTarget target, WorkloadState state, RolloutStatus status, Optional<LockHolder> lock,
                                  AccessDecision access, String operator, Instant now, boolean rollback) {
        List<Finding> out = new ArrayList<>();
        String ns = target.workload().namespace() == null ? "the default namespace" : target.workload().namespace();
        if (target.environment().readOnly()) {
            out.add(new Finding(Severity.BLOCKER, Code.READ_ONLY, "environment '" + target.environment().name()
                    + "' is read-only", "change it in the workspace if this is wrong"));
        }
        if (state.paused()) {
            out.add(new Finding(Severity.BLOCKER, Code.PAUSED, target.workload().kubectlName() + " is paused: a "
                    + (rollback ? "rollback" : "change") + " would not roll out", "resume it first (kubectl rollout resume "
                    + target.workload().kubectlName() + " -n " + ns + ")"));
        }
        gitOps(state).ifPresent(tool -> out.add(new Finding(Severity.WARNING, Code.GITOPS, target.workload().kubectlName()
                + " is managed by " + tool + ", which will revert this change at its next sync",
                "suspend its sync first, or make the change in Git")));
        if (state.revisionHistoryLimit() != null && state.revisionHistoryLimit() == 0) {
            out.add(new Finding(rollback ? Severity.BLOCKER : Severity.WARNING, Code.NO_HISTORY, target.workload().kubectlName()
                    + " keeps no old revisions (revisionHistoryLimit 0)", rollback ? "there is nothing to roll back to"
                    : "a failed deploy cannot be rolled back by revision"));
        }
        if (access != null) {
            switch (access.verdict()) {
                case DENIED -> out.add(new Finding(Severity.BLOCKER, Code.RBAC, "RBAC: you may not patch "
                        + target.workload().resource() + " in " + ns + (access.reason().isEmpty() ? "" : " (" + access.reason() + ")"),
                        "ask for the patch permission on " + target.workload().resource()));
                case UNKNOWN -> out.add(new Finding(Severity.INFO, Code.RBAC, "could not check whether you may patch "
                        + target.workload().resource() + ": " + access.reason(), ""));
                case ALLOWED -> { }
            }
        }
        lock.filter(h -> !h.holder().equals(operator) && !h.expired(now)).ifPresent(h -> out.add(new Finding(Severity.BLOCKER,
                Code.LOCK_HELD, "another operation holds the lock of " + target.application() + " in "
                + target.environment().name() + ": " + h.describe(), "wait, or break the lock (--break-lock) if it is abandoned")));
        if (status.state() == RolloutStatus.State.FAILED) {
            out.add(new Finding(Severity.INFO, Code.ROLLOUT, "the current rollout has failed: " + status.message(), ""));
        } else if (status.state() == RolloutStatus.State.IN_PROGRESS) {
            out.add(new Finding(Severity.WARNING, Code.ROLLOUT, "a rollout is in progress: " + status.message(), ""));
        }
        if (Guardrails.needsConfirmation(target.environment())) {
            out.add(new Finding(Severity.INFO, Code.CONFIRM, "'" + target.environment().name() + "' is production",
                    "type its name to confirm"));
        }
        return out;
    }

    /** "Argo CD" or "Flux" when either marks the workload as theirs in its labels or annotations. */
    static Optional<String> gitOps(WorkloadState state) {
        List<String> keys = Stream.concat(state.labels().keySet().stream(), state.annotations().keySet().stream()).toList();
        if (keys.stream().anyMatch(k -> k.startsWith(ARGO_PREFIX))) {
            return Optional.of("Argo CD");
        }
        if (keys.stream().anyMatch(k -> k.contains(FLUX_MARK))) {
            return Optional.of("Flux");
        }
        return Optional.empty();
    }
}
