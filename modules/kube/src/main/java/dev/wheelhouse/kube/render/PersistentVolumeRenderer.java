package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeSpec;
import java.util.List;

/** PersistentVolumes as kubectl get pv prints them. */
public final class PersistentVolumeRenderer implements Renderer<PersistentVolume> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("CAPACITY"), Column.text("ACCESS MODES"), Column.text("RECLAIM POLICY"),
            Column.text("STATUS"), Column.text("CLAIM"), Column.text("STORAGECLASS"), Column.text("VOLUMEATTRIBUTESCLASS"),
            Column.text("REASON"), Column.age("AGE"), Column.wide("VOLUMEMODE"));

    @Override
    public ResourceRow render(PersistentVolume pv, Related related) {
        PersistentVolumeSpec spec = pv.getSpec() == null ? new PersistentVolumeSpec() : pv.getSpec();
        String phase = pv.getStatus() == null ? "" : Rows.nz(pv.getStatus().getPhase());
        String status = Rows.terminating(pv) ? "Terminating" : phase;
        String claim = spec.getClaimRef() == null ? ""
                : spec.getClaimRef().getNamespace() + "/" + spec.getClaimRef().getName();
        List<String> cells = List.of(
                pv.getMetadata().getName(),
                Quantities.text(spec.getCapacity(), "storage"),
                Storage.accessModes(spec.getAccessModes()),
                Rows.nz(spec.getPersistentVolumeReclaimPolicy()),
                status,
                claim,
                Storage.className(pv, spec.getStorageClassName()),
                spec.getVolumeAttributesClassName() == null ? "<unset>" : spec.getVolumeAttributesClassName(),
                pv.getStatus() == null ? "" : Rows.nz(pv.getStatus().getReason()),
                Rows.age(pv),
                spec.getVolumeMode() == null ? "<unset>" : spec.getVolumeMode());
        Health health = switch (status) {
            case "Bound", "Available" -> Health.HEALTHY;
            case "Failed" -> Health.FAILED;
            case "Released", "Pending", "Terminating" -> Health.DEGRADED;
            default -> Health.UNKNOWN;
        };
        return Rows.row("PersistentVolume", pv, cells, health, status, List.of(), "");
    }
}
