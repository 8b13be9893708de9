package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.ops.WorkloadState;
import java.util.List;
import java.util.Optional;

/**
 * What the rollback wizard shows before the user confirms: the workload now, its revisions
 * (newest first), the one it runs, the suggested target (the newest revision not known to have
 * failed, older than the current one), and the preflight's findings.
 *
 * @param current the revision running now, null when none matches the template
 * @param suggested the default target, null when there is nothing to go back to
 * @param lock who holds the application's lock, if anyone does (expired or not)
 */
public record RollbackProposal(OpsTarget target, WorkloadState state, RolloutStatus status, List<RevisionRow> revisions,
                               RevisionRow current, RevisionRow suggested, List<Finding> findings, Optional<LockHolder> lock) {
    public RollbackProposal {
        revisions = List.copyOf(revisions);
        findings = List.copyOf(findings);
    }

    /** The pod template changes from now to a revision: images, env, resources, probes, other. */
    public List<TemplateDiff.Line> diffTo(RevisionRow to) {
        return TemplateDiff.between(state.template(), to.revision().template());
    }

    public Optional<RevisionRow> revision(long number) {
        return revisions.stream().filter(r -> r.number() == number).findFirst();
    }

    public List<Finding> blockers() {
        return findings.stream().filter(Finding::blocks).toList();
    }
}
