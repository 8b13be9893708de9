package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;

/** StorageClasses as kubectl get storageclass prints them, "(default)" after the default's name. */
public final class StorageClassRenderer implements Renderer<StorageClass> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("PROVISIONER"), Column.text("RECLAIMPOLICY"), Column.text("VOLUMEBINDINGMODE"),
            Column.text("ALLOWVOLUMEEXPANSION"), Column.age("AGE"));

    @Override
    public ResourceRow render(StorageClass sc, Related related) {
        String name = sc.getMetadata().getName() + (isDefault(sc) ? " (default)" : "");
        List<String> cells = List.of(
                name,
                Rows.nz(sc.getProvisioner()),
                sc.getReclaimPolicy() == null ? "Delete" : sc.getReclaimPolicy(),
                sc.getVolumeBindingMode() == null ? "Immediate" : sc.getVolumeBindingMode(),
                Boolean.toString(Boolean.TRUE.equals(sc.getAllowVolumeExpansion())),
                Rows.age(sc));
        return Rows.row("StorageClass", sc, cells, Health.HEALTHY, isDefault(sc) ? "default" : "", List.of(), "");
    }

    public static boolean isDefault(StorageClass sc) {
        var a = sc.getMetadata().getAnnotations();
        return a != null && ("true".equals(a.get("storageclass.kubernetes.io/is-default-class"))
                || "true".equals(a.get("storageclass.beta.kubernetes.io/is-default-class")));
    }
}
