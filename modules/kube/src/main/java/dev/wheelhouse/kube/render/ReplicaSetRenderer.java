package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.ContainerImage;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import java.util.List;

/** ReplicaSets as kubectl get replicasets prints them; old ones scaled to 0 are healthy. */
public final class ReplicaSetRenderer implements Renderer<ReplicaSet> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.number("DESIRED"), Column.number("CURRENT"), Column.number("READY"),
            Column.text("REVISION"), Column.age("AGE"), Column.wide("CONTAINERS"), Column.wide("IMAGES"),
            Column.wide("SELECTOR"));

    @Override
    public ResourceRow render(ReplicaSet rs, Related related) {
        int desired = rs.getSpec() == null || rs.getSpec().getReplicas() == null ? 1 : rs.getSpec().getReplicas();
        int current = rs.getStatus() == null ? 0 : Rows.nz(rs.getStatus().getReplicas());
        int ready = rs.getStatus() == null ? 0 : Rows.nz(rs.getStatus().getReadyReplicas());
        Health health = desired == 0 ? Health.HEALTHY
                : ready == 0 ? Health.FAILED
                : ready < desired ? Health.DEGRADED
                : Health.HEALTHY;
        String status = desired == 0 ? "Scaled to 0" : ready < desired ? "Not ready" : "Ready";
        var annotations = rs.getMetadata().getAnnotations();
        String revision = annotations == null ? "" : Rows.nz(annotations.get("deployment.kubernetes.io/revision"));
        List<ContainerImage> images = Rows.images(rs.getSpec() == null ? null : rs.getSpec().getTemplate());
        List<String> cells = List.of(
                rs.getMetadata().getName(),
                Integer.toString(desired),
                Integer.toString(current),
                Integer.toString(ready),
                revision,
                Rows.age(rs),
                Rows.containerNames(rs.getSpec() == null ? null : rs.getSpec().getTemplate()),
                Rows.imageList(images),
                rs.getSpec() == null ? "<none>" : Selectors.format(rs.getSpec().getSelector()));
        String owner = rs.getMetadata().getOwnerReferences() == null || rs.getMetadata().getOwnerReferences().isEmpty()
                ? "" : rs.getMetadata().getOwnerReferences().getFirst().getName();
        return Rows.row("ReplicaSet", rs, cells, health, status, images, Rows.mainVersion(images, owner));
    }
}
