package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.DaemonSetStatus;
import java.util.List;

/** DaemonSets as kubectl get daemonsets prints them. */
public final class DaemonSetRenderer implements Renderer<DaemonSet> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.number("DESIRED"), Column.number("CURRENT"), Column.number("READY"),
            Column.number("UP-TO-DATE"), Column.number("AVAILABLE"), Column.text("NODE SELECTOR"), Column.text("STATUS"),
            Column.age("AGE"), Column.wide("CONTAINERS"), Column.wide("IMAGES"));

    public record Counts(int desired, int current, int ready, int upToDate, int available, String status, Health health) {}

    @Override
    public ResourceRow render(DaemonSet d, Related related) {
        Counts c = counts(d);
        List<ContainerImage> images = Rows.images(d.getSpec() == null ? null : d.getSpec().getTemplate());
        String nodeSelector = d.getSpec() == null || d.getSpec().getTemplate() == null || d.getSpec().getTemplate().getSpec() == null
                ? "<none>" : Selectors.format(d.getSpec().getTemplate().getSpec().getNodeSelector());
        List<String> cells = List.of(
                d.getMetadata().getName(),
                Integer.toString(c.desired()),
                Integer.toString(c.current()),
                Integer.toString(c.ready()),
                Integer.toString(c.upToDate()),
                Integer.toString(c.available()),
                nodeSelector,
                c.status(),
                Rows.age(d),
                Rows.containerNames(d.getSpec() == null ? null : d.getSpec().getTemplate()),
                Rows.imageList(images));
        return Rows.row("DaemonSet", d, cells, c.health(), c.status(), images,
                Rows.mainVersion(images, d.getMetadata().getName()));
    }

    public static Counts counts(DaemonSet d) {
        DaemonSetStatus st = d.getStatus() == null ? new DaemonSetStatus() : d.getStatus();
        int desired = Rows.nz(st.getDesiredNumberScheduled());
        int current = Rows.nz(st.getCurrentNumberScheduled());
        int ready = Rows.nz(st.getNumberReady());
        int updated = Rows.nz(st.getUpdatedNumberScheduled());
        int available = Rows.nz(st.getNumberAvailable());
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        boolean rollingOut = (st.getObservedGeneration() != null && st.getObservedGeneration() < generation)
                || updated < desired || available < desired;
        if (desired == 0) {
            return new Counts(0, current, ready, updated, available, "No nodes", Health.HEALTHY);
        }
        String status = rollingOut ? "Rolling out" : "Available";
        Health health = available == 0 ? Health.FAILED : rollingOut || ready < desired ? Health.DEGRADED : Health.HEALTHY;
        return new Counts(desired, current, ready, updated, available, status, health);
    }
}
