package dev.wheelhouse.app.ui.cluster;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.MetricsSnapshot;
import dev.wheelhouse.core.cluster.ResourceRow;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The generic table: what it says in place of rows it may not list, and over rows that are stale. */
@ExtendWith(ApplicationExtension.class)
class ResourceTableViewFxTest {
    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");
    private static final KindInfo PODS = new KindInfo("Pod", "pods", "", true,
            List.of(Column.text("NAME"), Column.text("STATUS"), Column.number("RESTARTS"), Column.age("AGE")));

    private ResourceTableView pods;

    @Start
    void start(Stage stage) {
        pods = new ResourceTableView(PODS, false, true);
        stage.setScene(new Scene(pods, 800, 400));
        stage.show();
    }

    private static ResourceRow pod(String ns, String name, String restarts, Instant created, Health health) {
        return new ResourceRow("ctx", "Pod", ns, name, List.of(name, "Running", restarts, created.toString()), health,
                "Running", created, Map.of(), List.of(), "");
    }

    private static FeedState feed(String ns, FeedStatus status, String detail, Instant synced) {
        return new FeedState(new FeedKey("ctx", ns, "Pod"), status, detail, NOW, synced);
    }

    private static ClusterSnapshot snapshot(List<FeedState> feeds, List<ResourceRow> rows) {
        return new ClusterSnapshot("e", 1, NOW, feeds, List.of(), Map.of("Pod", rows), MetricsSnapshot.NONE);
    }

    @Test
    void aForbiddenListSaysSoInPlace() {
        onFx(() -> {
            pods.show(snapshot(List.of(feed("shop-prod", FeedStatus.FORBIDDEN, "403", null)), List.of()), true);
            return null;
        });
        assertThat(onFx(() -> pods.placeholder().getText())).isEqualTo("no permission to list pods in shop-prod");
        assertThat(onFx(() -> pods.banner().isVisible())).isFalse();
    }

    @Test
    void staleRowsAreMarkedAndFilterAndSortWork() {
        List<ResourceRow> rows = List.of(
                pod("a", "web-1", "0", NOW.minusSeconds(3600), Health.HEALTHY),
                pod("a", "web-2", "12", NOW.minusSeconds(90), Health.FAILED),
                pod("b", "api-1", "3", NOW.minusSeconds(86_400 * 3), Health.HEALTHY));
        onFx(() -> {
            pods.show(snapshot(List.of(feed("a", FeedStatus.RECONNECTING, "", NOW), feed("b", FeedStatus.LIVE, "", NOW)), rows), true);
            return null;
        });
        assertThat(onFx(() -> pods.banner().isVisible())).isTrue();
        assertThat(onFx(() -> pods.banner().getText())).contains("reconnecting — data may be stale");

        onFx(() -> {
            var restarts = pods.table().getColumns().stream().filter(c -> c.getText().equals("RESTARTS")).findFirst().orElseThrow();
            restarts.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            pods.table().getSortOrder().setAll(restarts);
            return null;
        });
        assertThat(onFx(() -> pods.table().getItems().stream().map(ResourceRow::name).toList()))
                .containsExactly("web-2", "api-1", "web-1");
        onFx(() -> {
            var age = pods.table().getColumns().stream().filter(c -> c.getText().equals("AGE")).findFirst().orElseThrow();
            age.setSortType(javafx.scene.control.TableColumn.SortType.ASCENDING);
            pods.table().getSortOrder().setAll(age);
            return null;
        });
        assertThat(onFx(() -> pods.table().getItems().stream().map(ResourceRow::name).toList()))
                .containsExactly("web-2", "web-1", "api-1");

        onFx(() -> {
            pods.filter().setText("web");
            return null;
        });
        assertThat(onFx(() -> pods.table().getItems().size())).isEqualTo(2);
    }

    @Test
    void aHiddenTableTakesNoRowsButSaysWhatTheFeedsSayAndCatchesUpWhenShown() {
        javafx.beans.property.BooleanProperty shown = new javafx.beans.property.SimpleBooleanProperty(false);
        List<ResourceRow> first = List.of(pod("a", "web-1", "0", NOW, Health.HEALTHY), pod("a", "web-2", "0", NOW, Health.HEALTHY));
        List<ResourceRow> second = List.of(pod("a", "web-2", "4", NOW, Health.DEGRADED), pod("a", "web-3", "0", NOW, Health.HEALTHY));
        long before = onFx(() -> {
            pods.rowsOnlyWhile(shown);
            pods.show(snapshot(List.of(feed("a", FeedStatus.LIVE, "", NOW)), first), true);
            pods.show(snapshot(List.of(feed("a", FeedStatus.RECONNECTING, "", NOW)), second), true);
            return pods.rowUpdatesProperty().get();
        });
        assertThat(onFx(() -> pods.table().getItems())).isEmpty();
        assertThat(onFx(() -> pods.caughtUp())).isFalse();
        assertThat(onFx(() -> pods.banner().getText())).as("the feeds are followed while hidden")
                .contains("reconnecting — data may be stale");

        onFx(() -> {
            shown.set(true);
            return null;
        });
        // Only the latest rows go in, at once: the batches missed while hidden are not replayed.
        assertThat(onFx(() -> pods.table().getItems())).containsExactlyInAnyOrderElementsOf(second);
        assertThat(onFx(() -> pods.rowUpdatesProperty().get() - before)).isEqualTo(1);

        onFx(() -> {
            shown.set(false);
            pods.show(snapshot(List.of(feed("a", FeedStatus.LIVE, "", NOW)), first), true);
            return null;
        });
        assertThat(onFx(() -> pods.table().getItems())).as("hidden again: the rows stay as they were")
                .containsExactlyInAnyOrderElementsOf(second);
        onFx(() -> {
            shown.set(true);
            return null;
        });
        assertThat(onFx(() -> pods.table().getItems())).containsExactlyInAnyOrderElementsOf(first);
    }

    @Test
    void aLargeListingGoesInAndUpdatesKeepTheSortAndTheSelection() {
        List<ResourceRow> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 5_000; i++) {
            rows.add(pod("a", "web-" + i, Integer.toString(i % 7), NOW.minusSeconds(i), Health.HEALTHY));
        }
        List<FeedState> live = List.of(feed("a", FeedStatus.LIVE, "", NOW));
        long before = onFx(() -> pods.rowUpdatesProperty().get());
        boolean inAtOnce = onFx(() -> {
            var restarts = pods.table().getColumns().stream().filter(c -> c.getText().equals("RESTARTS")).findFirst().orElseThrow();
            restarts.setSortType(javafx.scene.control.TableColumn.SortType.DESCENDING);
            pods.table().getSortOrder().setAll(restarts);
            pods.show(snapshot(live, rows), true);
            return pods.caughtUp();
        });
        // The first listing goes into the empty table as one step, not 500 rows a pulse.
        assertThat(inAtOnce).isTrue();
        assertThat(onFx(() -> pods.table().getItems().size())).isEqualTo(5_000);
        assertThat(onFx(() -> pods.rowUpdatesProperty().get() - before)).isEqualTo(1);
        onFx(() -> {
            pods.table().getSelectionModel().select(rows.get(42));
            return null;
        });

        // One batch: web-42 restarts (it moves in the sort), web-7 goes, web-new comes.
        List<ResourceRow> next = new java.util.ArrayList<>(rows);
        ResourceRow restarted = pod("a", "web-42", "99", NOW.minusSeconds(42), Health.FAILED);
        next.set(42, restarted);
        next.remove(7);
        next.add(pod("a", "web-new", "3", NOW, Health.HEALTHY));
        onFx(() -> {
            pods.show(snapshot(live, next), true);
            return null;
        });
        dev.wheelhouse.app.ui.FxWait.until("the batch is in", () -> onFx(() -> pods.caughtUp()));

        List<ResourceRow> shown = onFx(() -> List.copyOf(pods.table().getItems()));
        List<ResourceRow> expected = new java.util.ArrayList<>(next);
        expected.sort(java.util.Comparator.comparingInt((ResourceRow r) -> Integer.parseInt(r.cell(2))).reversed());
        assertThat(shown.stream().map(r -> r.cell(2)).toList()).isEqualTo(expected.stream().map(r -> r.cell(2)).toList());
        assertThat(shown).containsExactlyInAnyOrderElementsOf(next);
        assertThat(shown.getFirst().name()).isEqualTo("web-42");
        assertThat(onFx(() -> pods.table().getSelectionModel().getSelectedItem())).isSameAs(restarted);
        assertThat(onFx(() -> pods.table().getSelectionModel().getSelectedItems())).hasSize(1);
    }
}
