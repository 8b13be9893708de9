package dev.wheelhouse.ops.kube;

import dev.wheelhouse.core.history.HistoryQuery;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.history.OperationRecord;
import dev.wheelhouse.core.history.Outcome;
import dev.wheelhouse.core.ops.Images;
import dev.wheelhouse.core.ops.Revision;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Revisions joined with the history: who put each there and why, and whether it is known to have failed. */
final class RevisionRows {
    private RevisionRows() {}

    /** The journaled operations of the application in the environment, newest first. */
    static List<OperationRecord> journal(OpsTarget target, HistoryStore history) {
        return history == null ? List.of() : history.list(new HistoryQuery(target.environment().name(), target.application(), 500));
    }

    /** Newest first; ops is {@link #journal}. */
    static List<RevisionRow> of(List<Revision> revisions, OpsTarget target, List<OperationRecord> ops, Instant now) {
        List<RevisionRow> rows = new ArrayList<>();
        for (Revision r : revisions) {
            String version = Images.version(r.image(target.container()));
            // Newest first: the last operation that put this version in place says who and why.
            OperationRecord by = ops.stream().filter(o -> changesVersion(o) && Objects.equals(o.toVersion(), version))
                    .findFirst().orElse(null);
            boolean failed = by != null && (by.outcome() == Outcome.FAILED || by.outcome() == Outcome.ROLLED_BACK);
            String who = by != null ? by.operator() : fromChangeCause(r.changeCause(), true);
            String why = by != null ? by.reason() : fromChangeCause(r.changeCause(), false);
            Duration age = r.created() == null ? null : Duration.between(r.created(), now);
            rows.add(new RevisionRow(r, version, age, who, why, failed, by == null ? 0 : by.id()));
        }
        rows.sort(Comparator.comparingLong(RevisionRow::number).reversed());
        return rows;
    }

    /**
     * The default rollback target: the newest revision older than the current one that no
     * journaled operation saw fail; kubectl's choice (the previous one) when all did.
     */
    static RevisionRow suggested(List<RevisionRow> newestFirst, RevisionRow current) {
        long below = current == null ? Long.MAX_VALUE : current.number();
        List<RevisionRow> older = newestFirst.stream().filter(r -> r.number() < below).toList();
        return older.stream().filter(r -> !r.failed()).findFirst().orElse(older.isEmpty() ? null : older.getFirst());
    }

    private static boolean changesVersion(OperationRecord o) {
        return o.kind() == OperationKind.DEPLOY || o.kind() == OperationKind.ROLLBACK || o.kind() == OperationKind.PROMOTE;
    }

    /** Wheelhouse writes "user@host: reason" as the change-cause; other tools write free text (all of it is the why). */
    private static String fromChangeCause(String cause, boolean who) {
        int colon = cause.indexOf(": ");
        boolean ours = colon > 0 && cause.substring(0, colon).contains("@") && !cause.substring(0, colon).contains(" ");
        if (who) {
            return ours ? cause.substring(0, colon) : "";
        }
        return ours ? cause.substring(colon + 2) : cause;
    }
}
