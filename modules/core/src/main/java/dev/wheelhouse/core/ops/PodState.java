package dev.wheelhouse.core.ops;

import java.time.Instant;
import java.util.List;

/**
 * A pod of a workload as a rollout watch shows it.
 *
 * @param revision the pod's template hash (pod-template-hash or controller-revision-hash)
 * @param waitingReason why a container waits (CrashLoopBackOff, ImagePullBackOff ...), or ""
 * @param restarts the sum of its containers' restart counts
 */
public record PodState(String name, String phase, boolean ready, int restarts, String waitingReason, String revision,
                       List<String> images, Instant created) {
    public PodState {
        waitingReason = waitingReason == null ? "" : waitingReason;
        revision = revision == null ? "" : revision;
        images = images == null ? List.of() : List.copyOf(images);
    }

    public boolean crashLooping() {
        return "CrashLoopBackOff".equals(waitingReason);
    }

    /** "checkout-7d9f-x2 Running ready, 0 restarts" for progress lines. */
    public String describe() {
        return name + " " + phase + (ready ? " ready" : " not ready") + (waitingReason.isEmpty() ? "" : " (" + waitingReason + ")")
                + ", " + restarts + (restarts == 1 ? " restart" : " restarts");
    }
}
