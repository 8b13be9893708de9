package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetStatus;
import java.util.List;

/** StatefulSets as kubectl get statefulsets prints them (READY = ready/spec replicas). */
public final class StatefulSetRenderer implements Renderer<StatefulSet> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("READY"), Column.number("UP-TO-DATE"), Column.text("STATUS"),
            Column.age("AGE"), Column.wide("CONTAINERS"), Column.wide("IMAGES"));

    public record Counts(int desired, int current, int ready, int upToDate, int available, String status, Health health) {}

    @Override
    public ResourceRow render(StatefulSet s, Related related) {
        Counts c = counts(s);
        List<ContainerImage> images = Rows.images(s.getSpec() == null ? null : s.getSpec().getTemplate());
        List<String> cells = List.of(
                s.getMetadata().getName(),
                c.ready() + "/" + c.desired(),
                Integer.toString(c.upToDate()),
                c.status(),
                Rows.age(s),
                Rows.containerNames(s.getSpec() == null ? null : s.getSpec().getTemplate()),
                Rows.imageList(images));
        return Rows.row("StatefulSet", s, cells, c.health(), c.status(), images,
                Rows.mainVersion(images, s.getMetadata().getName()));
    }

    public static Counts counts(StatefulSet s) {
        int desired = s.getSpec() == null || s.getSpec().getReplicas() == null ? 1 : s.getSpec().getReplicas();
        StatefulSetStatus st = s.getStatus() == null ? new StatefulSetStatus() : s.getStatus();
        int current = Rows.nz(st.getReplicas());
        int ready = Rows.nz(st.getReadyReplicas());
        int updated = Rows.nz(st.getUpdatedReplicas());
        int available = st.getAvailableReplicas() == null ? ready : st.getAvailableReplicas();
        long generation = s.getMetadata().getGeneration() == null ? 0 : s.getMetadata().getGeneration();
        boolean newRevision = st.getUpdateRevision() != null && st.getCurrentRevision() != null
                && !st.getUpdateRevision().equals(st.getCurrentRevision());
        boolean rollingOut = (st.getObservedGeneration() != null && st.getObservedGeneration() < generation)
                || newRevision || ready < desired;
        if (desired == 0 && current == 0) {
            return new Counts(0, 0, ready, updated, available, "Scaled to 0", Health.HEALTHY);
        }
        String status = rollingOut ? "Rolling out" : "Ready";
        Health health = ready == 0 ? Health.FAILED : rollingOut ? Health.DEGRADED : Health.HEALTHY;
        return new Counts(desired, current, ready, updated, available, status, health);
    }
}
