package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javafx.collections.ObservableListBase;

/**
 * The rows of one table as an observable list that follows the live model by deltas: each call
 * of {@link #catchUp} compares the latest rows of the kind with what the list holds and removes,
 * replaces and appends only the rows that differ, as one list change. A table of 10,000 pods
 * then costs the FX thread in proportion to what changed, not to its size, and the sort, the
 * filter, the selection and the scroll position survive (a full {@code setAll} resorts and
 * redraws everything, and drops the selection). The order is the model's: rows replaced in
 * place, new rows at the end, so the list ends equal to the rows it caught up with.
 *
 * <p>{@code limit} bounds the work of one call; the rest is found again by the next call, so
 * the caller can spread a large first listing over several pulses. FX thread only.
 */
final class LiveRows extends ObservableListBase<ResourceRow> {
    private final List<ResourceRow> rows = new ArrayList<>();
    /** Where each key's row is; the slot is changed in place when rows move, so a removal allocates nothing. */
    private final Map<RowKey, Slot> index = new HashMap<>();
    /** Each row's slot, in the rows' order: renumbering after a removal needs no lookups by key. */
    private final List<Slot> slots = new ArrayList<>();
    /** Reused between calls: which shown rows the latest rows still have. */
    private final BitSet seen = new BitSet();

    private static final class Slot {
        int at;

        Slot(int at) {
            this.at = at;
        }
    }

    /**
     * Applies the differences between this list and {@code latest}: at most {@code limit}
     * removals and replacements (removals first, each in the order of {@code latest}), then
     * every new row, appended. Returns how many removals and replacements are left after this
     * call. New rows are not limited: appending them is one change at the end of the list, and
     * a table fills in one step instead of a few hundred rows a pulse. A batch of the churn of
     * a large cluster changes a few rows of thousands, so the scan allocates only for what
     * differs (the garbage of a per-batch copy was a GC pause every second or two at 10,000 pods).
     */
    int catchUp(List<ResourceRow> latest, int limit) {
        List<ResourceRow> replace = new ArrayList<>();
        List<ResourceRow> add = new ArrayList<>();
        seen.clear();
        // Both lists are in the model's order and an unchanged row is the very same object, so
        // the walk expects each latest row where the previous one was found, plus one: a
        // reference compare, where a lookup by key hashed and compared four strings (a quarter
        // of the FX thread's time at 10,000 pods). The index is for the rows that moved or changed.
        int expected = 0;
        for (ResourceRow row : latest) {
            if (expected < rows.size() && rows.get(expected) == row) {
                seen.set(expected++);
                continue;
            }
            Slot slot = index.get(row.key());
            if (slot == null) {
                add.add(row);
            } else {
                seen.set(slot.at);
                expected = slot.at + 1;
                ResourceRow shown = rows.get(slot.at);
                if (shown != row && !shown.equals(row)) {
                    replace.add(row);
                }
            }
        }
        int removals = rows.size() - seen.cardinality();
        int limited = removals + replace.size();
        if (limited + add.size() == 0) {
            return 0;
        }
        int budget = limit;
        beginChange();
        try {
            int removing = Math.min(budget, removals);
            if (removing > 0) {
                removeUnseen(removing);
                budget -= removing;
            }
            for (int i = 0; i < replace.size() && budget > 0; i++, budget--) {
                ResourceRow row = replace.get(i);
                int at = index.get(row.key()).at;
                nextSet(at, rows.set(at, row));
            }
            int from = rows.size();
            for (ResourceRow row : add) {
                Slot slot = new Slot(rows.size());
                index.put(row.key(), slot);
                slots.add(slot);
                rows.add(row);
            }
            if (rows.size() > from) {
                nextAdd(from, rows.size());
            }
        } finally {
            endChange();
        }
        return Math.max(0, limited - limit);
    }

    /** Removes the first {@code count} rows not seen in the latest rows, then moves the slots of the rows after them. */
    private void removeUnseen(int count) {
        int[] chosen = new int[count];
        int n = 0;
        for (int i = seen.nextClearBit(0); i < rows.size() && n < count; i = seen.nextClearBit(i + 1)) {
            chosen[n++] = i;
        }
        // From the end, so the indices still to remove stay valid.
        for (int i = n - 1; i >= 0; i--) {
            ResourceRow gone = rows.remove(chosen[i]);
            slots.remove(chosen[i]);
            index.remove(gone.key());
            nextRemove(chosen[i], gone);
        }
        for (int i = chosen[0]; i < slots.size(); i++) {
            slots.get(i).at = i;
        }
    }

    /** The row shown for this key, or null. */
    ResourceRow row(RowKey key) {
        Slot slot = index.get(key);
        return slot == null ? null : rows.get(slot.at);
    }

    @Override
    public ResourceRow get(int i) {
        return rows.get(i);
    }

    @Override
    public int size() {
        return rows.size();
    }
}
