package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimSpec;
import java.util.List;

/** PersistentVolumeClaims as kubectl get pvc prints them: capacity and modes only once bound to a volume. */
public final class PersistentVolumeClaimRenderer implements Renderer<PersistentVolumeClaim> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("STATUS"), Column.text("VOLUME"), Column.text("CAPACITY"),
            Column.text("ACCESS MODES"), Column.text("STORAGECLASS"), Column.text("VOLUMEATTRIBUTESCLASS"),
            Column.age("AGE"), Column.wide("VOLUMEMODE"));

    @Override
    public ResourceRow render(PersistentVolumeClaim pvc, Related related) {
        PersistentVolumeClaimSpec spec = pvc.getSpec() == null ? new PersistentVolumeClaimSpec() : pvc.getSpec();
        String phase = pvc.getStatus() == null ? "" : Rows.nz(pvc.getStatus().getPhase());
        String status = Rows.terminating(pvc) ? "Terminating" : phase;
        String capacity = "";
        String modes = "";
        if (spec.getVolumeName() != null && !spec.getVolumeName().isEmpty() && pvc.getStatus() != null) {
            modes = Storage.accessModes(pvc.getStatus().getAccessModes());
            capacity = Quantities.text(pvc.getStatus().getCapacity(), "storage");
        }
        List<String> cells = List.of(
                pvc.getMetadata().getName(),
                status,
                Rows.nz(spec.getVolumeName()),
                capacity,
                modes,
                Storage.className(pvc, spec.getStorageClassName()),
                spec.getVolumeAttributesClassName() == null ? "<unset>" : spec.getVolumeAttributesClassName(),
                Rows.age(pvc),
                spec.getVolumeMode() == null ? "<unset>" : spec.getVolumeMode());
        Health health = switch (status) {
            case "Bound" -> Health.HEALTHY;
            case "Lost" -> Health.FAILED;
            case "Pending", "Terminating" -> Health.DEGRADED;
            default -> Health.UNKNOWN;
        };
        return Rows.row("PersistentVolumeClaim", pvc, cells, health, status, List.of(), "");
    }
}
