package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.List;

/** kubectl's storage helpers: access mode abbreviations and the storage class of a volume or claim. */
final class Storage {
    private Storage() {}

    /** helper.GetAccessModesAsString: RWO, ROX, RWX, RWOP in that order, comma-separated. */
    static String accessModes(List<String> modes) {
        if (modes == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        if (modes.contains("ReadWriteOnce")) {
            out.add("RWO");
        }
        if (modes.contains("ReadOnlyMany")) {
            out.add("ROX");
        }
        if (modes.contains("ReadWriteMany")) {
            out.add("RWX");
        }
        if (modes.contains("ReadWriteOncePod")) {
            out.add("RWOP");
        }
        return String.join(",", out);
    }

    /** The class name, or the old beta annotation for objects made before the field existed. */
    static String className(HasMetadata object, String field) {
        if (field != null) {
            return field;
        }
        var annotations = object.getMetadata().getAnnotations();
        return annotations == null ? "" : Rows.nz(annotations.get("volume.beta.kubernetes.io/storage-class"));
    }
}
