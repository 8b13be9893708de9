package dev.wheelhouse.core.cluster;

import java.util.List;

/**
 * What a view needs to know about a resource kind: its names, whether it lives in namespaces,
 * and its table columns (the cells of every {@link ResourceRow} of the kind follow them).
 *
 * @param group the API group ("" for the core group)
 * @param plural the resource name used in URLs, RBAC rules and messages ("pods")
 */
public record KindInfo(String kind, String plural, String group, boolean namespaced, List<Column> columns) {
    public KindInfo {
        columns = List.copyOf(columns);
    }

    public int columnIndex(String name) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
