package dev.wheelhouse.core.cluster;

import dev.wheelhouse.core.ops.Revision;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One workload (Deployment, StatefulSet, DaemonSet) or pod as read once, for its detail pane.
 *
 * @param selector the selector that picks its pods (the workload's spec.selector, matchLabels and
 *     matchExpressions); {@link LabelSelector#NOTHING} for a pod
 * @param revisions its revisions, oldest first: a Deployment's ReplicaSets, a StatefulSet's or
 *     DaemonSet's ControllerRevisions (their name in {@link Revision#replicaSet()}); empty for a pod
 * @param containers the containers of its pod template (of the pod itself for a pod), in order
 * @param yaml the object as {@code kubectl get -o yaml} shows it, without managedFields
 */
public record WorkloadDetails(RowKey key, LabelSelector selector, List<Revision> revisions, List<String> containers,
                              String yaml) {
    public WorkloadDetails {
        Objects.requireNonNull(key);
        selector = selector == null ? LabelSelector.NOTHING : selector;
        revisions = revisions == null ? List.of() : List.copyOf(revisions);
        containers = containers == null ? List.of() : List.copyOf(containers);
        yaml = yaml == null ? "" : yaml;
    }

    /** Whether a pod's labels are picked by the selector (the rules are {@link LabelSelector}'s). */
    public boolean selects(Map<String, String> labels) {
        return selector.matches(labels);
    }
}
