package dev.wheelhouse.core.ops;

import java.util.List;
import java.util.Map;

/**
 * A workload's spec as the preflight reads it.
 *
 * @param revisionHistoryLimit null when the workload leaves it to the default (10)
 * @param replicas desired replicas; for a DaemonSet the number of nodes it should run on
 * @param labels the workload's own labels (GitOps tools mark what they manage here)
 * @param annotations the workload's own annotations
 * @param images "container=image", in order
 */
public record WorkloadState(WorkloadRef ref, boolean paused, Integer revisionHistoryLimit, int replicas,
                            Map<String, String> labels, Map<String, String> annotations, TemplateFields template,
                            List<String> images, String resourceVersion) {
    public WorkloadState {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
        template = template == null ? TemplateFields.EMPTY : template;
        images = images == null ? List.of() : List.copyOf(images);
    }
}
