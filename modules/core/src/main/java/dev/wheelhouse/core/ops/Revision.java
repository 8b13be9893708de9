package dev.wheelhouse.core.ops;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a workload: a ReplicaSet a Deployment owns (numbered by its revision
 * annotation) or a ControllerRevision of a StatefulSet or DaemonSet.
 *
 * @param replicaSet the ReplicaSet's or ControllerRevision's name
 * @param images the pod template's container images, in order ("name=image")
 * @param current whether the workload's template is this revision's
 * @param template the revision's pod template, flattened for diffs (empty when unknown)
 */
public record Revision(long number, String replicaSet, List<String> images, String changeCause, Instant created,
                       int replicas, boolean current, TemplateFields template) {
    public Revision {
        images = images == null ? List.of() : List.copyOf(images);
        changeCause = changeCause == null ? "" : changeCause;
        template = template == null ? TemplateFields.EMPTY : template;
    }

    public Revision(long number, String replicaSet, List<String> images, String changeCause, Instant created,
                    int replicas, boolean current) {
        this(number, replicaSet, images, changeCause, created, replicas, current, TemplateFields.EMPTY);
    }

    /** The image of a container ("name=image" entries), or of the first container when name is null or unknown. */
    public String image(String container) {
        return Images.of(images, container);
    }
}
