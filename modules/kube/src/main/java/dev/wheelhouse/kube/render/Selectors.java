package dev.wheelhouse.kube.render;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Label selectors: matching and printing them as kubectl does ("app=web,tier in (a,b)"). */
public final class Selectors {
    private Selectors() {}

    /** A null selector selects nothing; an empty one selects everything (as the API reads them). */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> e : selector.getMatchLabels().entrySet()) {
                if (!e.getValue().equals(l.get(e.getKey()))) {
                    return false;
                }
            }
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                String value = l.get(r.getKey());
                List<String> values = r.getValues() == null ? List.of() : r.getValues();
                boolean ok = switch (r.getOperator()) {
                    case "In" -> value != null && values.contains(value);
                    case "NotIn" -> value == null || !values.contains(value);
                    case "Exists" -> l.containsKey(r.getKey());
                    case "DoesNotExist" -> !l.containsKey(r.getKey());
                    default -> false;
                };
                if (!ok) {
                    return false;
                }
            }
        }
        return true;
    }

    /** metav1.FormatLabelSelector: requirements sorted by key; the empty selector (everything) prints as "<none>". */
    public static String format(LabelSelector selector) {
        if (selector == null) {
            return "<none>";
        }
        List<Map.Entry<String, String>> parts = new ArrayList<>();
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((k, v) -> parts.add(Map.entry(k, k + "=" + v)));
        }
        if (selector.getMatchExpressions() != null) {
            for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                List<String> values = r.getValues() == null ? List.of() : r.getValues().stream().sorted().toList();
                parts.add(Map.entry(r.getKey(), switch (r.getOperator()) {
                    case "In" -> r.getKey() + " in (" + String.join(",", values) + ")";
                    case "NotIn" -> r.getKey() + " notin (" + String.join(",", values) + ")";
                    case "Exists" -> r.getKey();
                    case "DoesNotExist" -> "!" + r.getKey();
                    default -> r.getKey() + " " + r.getOperator();
                }));
            }
        }
        if (parts.isEmpty()) {
            return "<none>";
        }
        parts.sort(Map.Entry.comparingByKey());
        return String.join(",", parts.stream().map(Map.Entry::getValue).toList());
    }

    /** A plain map selector (Service, DaemonSet node selector): "a=b,c=d" sorted, or "<none>". */
    public static String format(Map<String, String> selector) {
        if (selector == null || selector.isEmpty()) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        new TreeMap<>(selector).forEach((k, v) -> parts.add(k + "=" + v));
        return String.join(",", parts);
    }
}
