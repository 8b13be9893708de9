package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.ops.LockHolder;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.TemplateDiff;
import dev.wheelhouse.core.ops.WorkloadState;
import java.util.List;
import java.util.Optional;

/**
 * What a deploy, promote, restart or scale would do, before the user confirms.
 *
 * @param kind DEPLOY, PROMOTE, RESTART or SCALE
 * @param current the revision running now, null when unknown
 * @param image the image a deploy or promote sets (validated), else null
 * @param promotedFrom the environment a promote takes the image from, else null
 * @param replicas the replicas a scale sets, else null
 * @param diff the pod template changes (a scale or restart has none that matter)
 */
public record ChangeProposal(OperationKind kind, OpsTarget target, WorkloadState state, RolloutStatus status, RevisionRow current,
                             String image, String promotedFrom, Integer replicas, List<TemplateDiff.Line> diff,
                             List<Finding> findings, Optional<LockHolder> lock) {
    public ChangeProposal {
        diff = List.copyOf(diff);
        findings = List.copyOf(findings);
    }

    public List<Finding> blockers() {
        return findings.stream().filter(Finding::blocks).toList();
    }
}
