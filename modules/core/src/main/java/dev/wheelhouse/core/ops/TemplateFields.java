package dev.wheelhouse.core.ops;

import java.util.Map;
import java.util.TreeMap;

/**
 * A pod template flattened to the fields an operator compares: {@code container/NAME/image},
 * {@code container/NAME/env/VAR}, {@code container/NAME/resources/limits/cpu},
 * {@code container/NAME/readinessProbe} (the probe as one line), {@code labels/KEY},
 * {@code annotations/KEY} ... Sorted by key; the adapter makes it, {@link TemplateDiff} compares two.
 */
public record TemplateFields(Map<String, String> fields) {
    public static final TemplateFields EMPTY = new TemplateFields(Map.of());

    public TemplateFields {
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }
}
