package dev.wheelhouse.core.ops;

import dev.wheelhouse.core.ops.RolloutRefusedException.Reason;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/** Which revision a rollback goes to; shared by the adapter (at patch time) and the plan (shown before). */
public final class RollbackTarget {
    private RollbackTarget() {}

    /**
     * The asked revision, or for 0 the previous one: the newest below the current (kubectl's
     * second-newest, since the controller gives the current template the highest number).
     *
     * @throws RolloutRefusedException when there is no such revision
     */
    public static Revision choose(List<Revision> revisions, long revision, String deployment) {
        String known = revisions.stream().map(r -> Long.toString(r.number())).collect(Collectors.joining(", "));
        if (revision > 0) {
            return revisions.stream().filter(r -> r.number() == revision).findFirst()
                    .orElseThrow(() -> new RolloutRefusedException(Reason.NO_SUCH_REVISION, "deployment \"" + deployment
                            + "\" has no revision " + revision + (known.isEmpty() ? "" : " (it has: " + known + ")")));
        }
        long current = revisions.stream().filter(Revision::current).mapToLong(Revision::number).max()
                .orElse(revisions.stream().mapToLong(Revision::number).max().orElse(0));
        return revisions.stream().filter(r -> r.number() < current).max(Comparator.comparingLong(Revision::number))
                .orElseThrow(() -> new RolloutRefusedException(Reason.NO_PREVIOUS_REVISION, "deployment \"" + deployment
                        + "\" has no revision before " + current + (known.isEmpty() ? "" : " (it has: " + known + ")")));
    }
}
