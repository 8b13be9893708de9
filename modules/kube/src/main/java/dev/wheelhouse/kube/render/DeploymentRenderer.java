package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentCondition;
import io.fabric8.kubernetes.api.model.apps.DeploymentStatus;
import java.util.List;

/**
 * Deployments as kubectl get deployments prints them; the status word follows kubectl rollout
 * status (rollout_status.go): ProgressDeadlineExceeded, Rolling out, Available, Scaled to 0, Paused.
 */
public final class DeploymentRenderer implements Renderer<Deployment> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("READY"), Column.number("UP-TO-DATE"), Column.number("AVAILABLE"),
            Column.text("STATUS"), Column.age("AGE"), Column.wide("CONTAINERS"), Column.wide("IMAGES"),
            Column.wide("SELECTOR"));

    /** The figures of a rollout: desired (spec, defaulted to 1), then status counts. */
    public record Counts(int desired, int current, int ready, int upToDate, int available, String status, Health health) {}

    @Override
    public ResourceRow render(Deployment d, Related related) {
        Counts c = counts(d);
        List<ContainerImage> images = Rows.images(d.getSpec() == null ? null : d.getSpec().getTemplate());
        List<String> cells = List.of(
                d.getMetadata().getName(),
                c.ready() + "/" + c.desired(),
                Integer.toString(c.upToDate()),
                Integer.toString(c.available()),
                c.status(),
                Rows.age(d),
                Rows.containerNames(d.getSpec() == null ? null : d.getSpec().getTemplate()),
                Rows.imageList(images),
                d.getSpec() == null ? "<none>" : Selectors.format(d.getSpec().getSelector()));
        return Rows.row("Deployment", d, cells, c.health(), c.status(), images,
                Rows.mainVersion(images, d.getMetadata().getName()));
    }

    public static Counts counts(Deployment d) {
        int desired = d.getSpec() == null || d.getSpec().getReplicas() == null ? 1 : d.getSpec().getReplicas();
        DeploymentStatus st = d.getStatus() == null ? new DeploymentStatus() : d.getStatus();
        int current = Rows.nz(st.getReplicas());
        int ready = Rows.nz(st.getReadyReplicas());
        int updated = Rows.nz(st.getUpdatedReplicas());
        int available = Rows.nz(st.getAvailableReplicas());
        long generation = d.getMetadata().getGeneration() == null ? 0 : d.getMetadata().getGeneration();
        Long observed = st.getObservedGeneration();
        boolean paused = d.getSpec() != null && Boolean.TRUE.equals(d.getSpec().getPaused());

        DeploymentCondition progressing = condition(st, "Progressing");
        String status;
        Health health;
        if (progressing != null && "ProgressDeadlineExceeded".equals(progressing.getReason())) {
            status = "ProgressDeadlineExceeded";
            health = Health.FAILED;
        } else if (desired == 0 && current == 0) {
            status = "Scaled to 0";
            health = Health.HEALTHY;
        } else {
            boolean rollingOut = (observed != null && observed < generation)
                    || updated < desired || current > updated || available < updated;
            if (paused) {
                status = "Paused";
            } else if (rollingOut) {
                status = "Rolling out";
            } else {
                status = "Available";
            }
            if (desired > 0 && available == 0) {
                health = Health.FAILED;
            } else if (rollingOut || available < desired || ready < desired) {
                health = Health.DEGRADED;
            } else {
                health = Health.HEALTHY;
            }
        }
        return new Counts(desired, current, ready, updated, available, status, health);
    }

    public static DeploymentCondition condition(DeploymentStatus st, String type) {
        if (st == null || st.getConditions() == null) {
            return null;
        }
        return st.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
