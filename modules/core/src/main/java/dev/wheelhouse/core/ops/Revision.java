package dev.wheelhouse.core.ops;

import java.time.Instant;
import java.util.List;

/**
 * One revision of a Deployment: a ReplicaSet it owns, numbered by its revision annotation.
 *
 * @param images the pod template's container images, in order ("name=image")
 * @param current whether the Deployment's template is this revision's
 */
public record Revision(long number, String replicaSet, List<String> images, String changeCause, Instant created,
                       int replicas, boolean current) {
    public Revision {
        images = images == null ? List.of() : List.copyOf(images);
        changeCause = changeCause == null ? "" : changeCause;
    }
}
