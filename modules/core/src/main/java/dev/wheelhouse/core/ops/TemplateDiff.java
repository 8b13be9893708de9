package dev.wheelhouse.core.ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** What changes in a pod template between now and a target, line by line, grouped by area. */
public final class TemplateDiff {
    private TemplateDiff() {}

    /** Where in the template a line belongs, in the order they are shown. */
    public enum Area { IMAGE, ENV, RESOURCES, PROBES, OTHER }

    /**
     * One changed field. before is null when the target adds it, after is null when it removes it.
     *
     * @param key the field, e.g. {@code container/app/env/LOG_LEVEL}
     */
    public record Line(Area area, String key, String before, String after) {
        /** "~ container/app/image: shop/app:1.2 -> shop/app:1.1" (+ added, - removed). */
        public String describe() {
            if (before == null) {
                return "+ " + key + ": " + after;
            }
            if (after == null) {
                return "- " + key + ": " + before;
            }
            return "~ " + key + ": " + before + " -> " + after;
        }
    }

    public static List<Line> between(TemplateFields now, TemplateFields target) {
        Map<String, String> a = now == null ? Map.of() : now.fields();
        Map<String, String> b = target == null ? Map.of() : target.fields();
        TreeSet<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        List<Line> lines = new ArrayList<>();
        for (String key : keys) {
            String before = a.get(key);
            String after = b.get(key);
            if (before == null ? after != null : !before.equals(after)) {
                lines.add(new Line(area(key), key, before, after));
            }
        }
        lines.sort(java.util.Comparator.comparing(Line::area));
        return List.copyOf(lines);
    }

    static Area area(String key) {
        if (key.endsWith("/image")) {
            return Area.IMAGE;
        }
        if (key.contains("/env/")) {
            return Area.ENV;
        }
        if (key.contains("/resources/")) {
            return Area.RESOURCES;
        }
        if (key.endsWith("Probe")) {
            return Area.PROBES;
        }
        return Area.OTHER;
    }
}
