package dev.wheelhouse.core.ops;

import java.util.List;

/**
 * A workload's rollout as kubectl's `rollout status` judges it: generation against
 * observedGeneration, updated/ready/available against desired, ProgressDeadlineExceeded = failed.
 *
 * @param progressUpdated when a Deployment's Progressing condition last changed (null when it has
 *        none, and for the other kinds): a deadline exceeded before a change was made is the
 *        previous rollout's, not this one's
 */
public record RolloutStatus(State state, String message, boolean paused, long generation, long observedGeneration,
                            int desired, int updated, int ready, int available, List<String> images,
                            java.time.Instant progressUpdated) {

    public enum State { IN_PROGRESS, COMPLETE, FAILED }

    public RolloutStatus {
        images = images == null ? List.of() : List.copyOf(images);
    }

    public RolloutStatus(State state, String message, boolean paused, long generation, long observedGeneration, int desired,
                         int updated, int ready, int available, List<String> images) {
        this(state, message, paused, generation, observedGeneration, desired, updated, ready, available, images, null);
    }

    /** Every desired replica runs the current template and is available. */
    public boolean allAvailable() {
        return state == State.COMPLETE && updated >= desired && available >= desired && ready >= desired;
    }

    /** "2 desired, 2 updated, 2 ready, 2 available": where things stand, for messages. */
    public String counts() {
        return desired + " desired, " + updated + " updated, " + ready + " ready, " + available + " available";
    }
}
