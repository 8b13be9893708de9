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

    /**
     * The API's selector as the domain's {@link dev.wheelhouse.core.cluster.LabelSelector}, which
     * holds the matching rule: null is {@code NOTHING}, and so is an invalid one (an unknown
     * operator, In without values), as Kubernetes' controllers treat a selector they cannot parse.
     */
    public static dev.wheelhouse.core.cluster.LabelSelector of(LabelSelector selector) {
        if (selector == null) {
            return dev.wheelhouse.core.cluster.LabelSelector.NOTHING;
        }
        try {
            List<dev.wheelhouse.core.cluster.LabelSelector.Requirement> requirements = new ArrayList<>();
            if (selector.getMatchExpressions() != null) {
                for (LabelSelectorRequirement r : selector.getMatchExpressions()) {
                    requirements.add(new dev.wheelhouse.core.cluster.LabelSelector.Requirement(r.getKey(),
                            dev.wheelhouse.core.cluster.LabelSelector.Operator.of(r.getOperator()), r.getValues()));
                }
            }
            Map<String, String> labels = selector.getMatchLabels() == null ? Map.of() : selector.getMatchLabels();
            for (Map.Entry<String, String> e : labels.entrySet()) {
                if (e.getKey() == null || e.getValue() == null) {
                    return dev.wheelhouse.core.cluster.LabelSelector.NOTHING;
                }
            }
            return dev.wheelhouse.core.cluster.LabelSelector.of(labels, requirements);
        } catch (IllegalArgumentException | NullPointerException e) { // NPE: a null among the values
            return dev.wheelhouse.core.cluster.LabelSelector.NOTHING;
        }
    }

    /** Whether the selector picks an object with these labels ({@link #of} says how null and invalid ones read). */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        return of(selector).matches(labels);
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
