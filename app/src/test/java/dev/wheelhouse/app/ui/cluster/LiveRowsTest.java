package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javafx.collections.ListChangeListener;
import javafx.collections.transformation.FilteredList;
import javafx.collections.transformation.SortedList;
import org.junit.jupiter.api.Test;

/** Rows applied as deltas end exactly where a full replace would, in as few list changes as steps. */
class LiveRowsTest {
    private static ResourceRow pod(String name, String status, int restarts) {
        return new ResourceRow("ctx", "Pod", "shop", name, List.of(name, status, Integer.toString(restarts)),
                status.equals("Running") ? Health.HEALTHY : Health.FAILED, status, null, Map.of(), List.of(), "");
    }

    /** The model's rows of a kind: a LinkedHashMap, so a replaced row keeps its place and a new one goes last. */
    private static List<ResourceRow> model(Map<String, ResourceRow> byName) {
        return List.copyOf(byName.values());
    }

    private static Map<String, ResourceRow> running(int pods) {
        Map<String, ResourceRow> model = new LinkedHashMap<>();
        for (int i = 0; i < pods; i++) {
            model.put("pod-" + i, pod("pod-" + i, "Running", 0));
        }
        return model;
    }

    /** So many random changes to the model: a pod removed, a new one, or one's status and restarts changed. */
    private static void churn(Map<String, ResourceRow> model, Random random, int changes) {
        for (int n = 0; n < changes; n++) {
            List<String> names = new ArrayList<>(model.keySet());
            String name = names.get(random.nextInt(names.size()));
            switch (random.nextInt(4)) {
                case 0 -> model.remove(name);
                case 1 -> {
                    String added = "new-" + random.nextInt(1_000_000_000);
                    model.put(added, pod(added, "Pending", 0));
                }
                default -> model.put(name, pod(name, random.nextBoolean() ? "Running" : "CrashLoopBackOff",
                        random.nextInt(9)));
            }
        }
    }

    @Test
    void randomBatchesOfChangesGiveTheRowsOfAFullReplace() {
        Random random = new Random(42);
        Map<String, ResourceRow> model = running(300);
        LiveRows rows = new LiveRows();
        SortedList<ResourceRow> byRestarts = new SortedList<>(new FilteredList<>(rows),
                Comparator.comparing((ResourceRow r) -> Integer.parseInt(r.cell(2))).thenComparing(ResourceRow::name));
        List<Integer> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<ResourceRow>) c -> changes.add(1));

        assertThat(rows.catchUp(model(model), Integer.MAX_VALUE)).isZero();
        assertThat(rows).containsExactlyElementsOf(model(model));

        for (int batch = 0; batch < 50; batch++) {
            churn(model, random, 20);
            changes.clear();
            assertThat(rows.catchUp(model(model), Integer.MAX_VALUE)).isZero();

            assertThat(rows).containsExactlyElementsOf(model(model));
            assertThat(changes).hasSize(1);
            List<ResourceRow> sortedAfresh = new ArrayList<>(model(model));
            sortedAfresh.sort(byRestarts.getComparator());
            assertThat(byRestarts).containsExactlyElementsOf(sortedAfresh);
        }
    }

    @Test
    void unchangedRowsAreNotTouched() {
        List<ResourceRow> first = List.of(pod("a", "Running", 0), pod("b", "Running", 0));
        LiveRows rows = new LiveRows();
        rows.catchUp(first, Integer.MAX_VALUE);
        List<Integer> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<ResourceRow>) c -> changes.add(1));

        // Rendered again with the same content: equal rows, new instances.
        assertThat(rows.catchUp(List.of(pod("a", "Running", 0), pod("b", "Running", 0)), Integer.MAX_VALUE)).isZero();

        assertThat(changes).isEmpty();
        assertThat(rows.get(0)).isSameAs(first.get(0));
    }

    @Test
    void aLimitSpreadsRemovalsAndReplacementsAndNewRowsGoInAtOnce() {
        List<ResourceRow> all = new ArrayList<>();
        for (int i = 0; i < 1_234; i++) {
            all.add(pod("pod-" + i, "Running", 0));
        }
        LiveRows rows = new LiveRows();
        List<Integer> changes = new ArrayList<>();
        rows.addListener((ListChangeListener<ResourceRow>) c -> changes.add(1));

        assertThat(rows.catchUp(all, 500)).isZero();
        assertThat(rows).containsExactlyElementsOf(all);
        assertThat(changes).hasSize(1);

        // Removals and replacements within a limit: the rest stays for the next call.
        List<ResourceRow> later = new ArrayList<>(all.subList(10, all.size()));
        later.set(0, pod("pod-10", "CrashLoopBackOff", 3));
        assertThat(rows.catchUp(later, 5)).isEqualTo(6);
        assertThat(rows).hasSize(1_229);
        assertThat(rows.catchUp(later, 5)).isEqualTo(1);
        assertThat(rows.catchUp(later, 5)).isZero();
        assertThat(rows).containsExactlyElementsOf(later);
        assertThat(rows.row(later.getFirst().key())).isEqualTo(later.getFirst());
    }

    /**
     * The walk takes an unchanged row at the position after the last one found by reference;
     * with a small limit, removals and replacements are left over between calls, so the two
     * lists are out of step, and every row must still end where the model has it.
     */
    @Test
    void randomBatchesCaughtUpWithinASmallLimitEndEqualToTheModel() {
        Random random = new Random(7);
        Map<String, ResourceRow> model = running(200);
        LiveRows rows = new LiveRows();
        rows.catchUp(model(model), Integer.MAX_VALUE);
        for (int batch = 0; batch < 40; batch++) {
            churn(model, random, 15);
            List<ResourceRow> latest = model(model);
            int calls = 0;
            while (rows.catchUp(latest, 3) > 0) {
                calls++;
                assertThat(calls).as("catching up ends").isLessThan(100);
            }
            assertThat(rows).containsExactlyElementsOf(latest);
            for (ResourceRow row : latest) {
                assertThat(rows.row(row.key())).isEqualTo(row);
            }
        }
    }
}
