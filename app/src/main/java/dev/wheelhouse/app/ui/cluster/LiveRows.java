package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowKey;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    private final Map<RowKey, Integer> index = new HashMap<>();

    /**
     * Applies at most {@code limit} of the differences between this list and {@code latest}
     * (removals first, then replacements, then additions, each in the order of {@code latest}).
     * Returns how many differences are left after this call.
     */
    int catchUp(List<ResourceRow> latest, int limit) {
        List<ResourceRow> replace = new ArrayList<>();
        List<ResourceRow> add = new ArrayList<>();
        int present = 0;
        for (ResourceRow row : latest) {
            Integer at = index.get(row.key());
            if (at == null) {
                add.add(row);
            } else {
                present++;
                ResourceRow shown = rows.get(at);
                if (shown != row && !shown.equals(row)) {
                    replace.add(row);
                }
            }
        }
        List<Integer> remove = List.of();
        if (present < rows.size()) {
            Set<RowKey> keep = new HashSet<>(latest.size() * 2);
            latest.forEach(r -> keep.add(r.key()));
            remove = new ArrayList<>();
            for (int i = 0; i < rows.size(); i++) {
                if (!keep.contains(rows.get(i).key())) {
                    remove.add(i);
                }
            }
        }
        int total = remove.size() + replace.size() + add.size();
        if (total == 0) {
            return 0;
        }
        int budget = limit;
        beginChange();
        try {
            int removing = Math.min(budget, remove.size());
            if (removing > 0) {
                // From the end, so the indices still to remove stay valid.
                List<Integer> chosen = remove.subList(0, removing);
                for (int i = chosen.size() - 1; i >= 0; i--) {
                    int at = chosen.get(i);
                    nextRemove(at, rows.remove(at));
                }
                reindex();
                budget -= removing;
            }
            for (int i = 0; i < replace.size() && budget > 0; i++, budget--) {
                ResourceRow row = replace.get(i);
                Integer at = index.get(row.key());
                nextSet(at, rows.set(at, row));
            }
            int from = rows.size();
            for (int i = 0; i < add.size() && budget > 0; i++, budget--) {
                ResourceRow row = add.get(i);
                index.put(row.key(), rows.size());
                rows.add(row);
            }
            if (rows.size() > from) {
                nextAdd(from, rows.size());
            }
        } finally {
            endChange();
        }
        return Math.max(0, total - limit);
    }

    /** The row shown for this key, or null. */
    ResourceRow row(RowKey key) {
        Integer at = index.get(key);
        return at == null ? null : rows.get(at);
    }

    private void reindex() {
        index.clear();
        for (int i = 0; i < rows.size(); i++) {
            index.put(rows.get(i).key(), i);
        }
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
