package dev.wheelhouse.core.cluster;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A Kubernetes label selector (metav1.LabelSelector) and the one place its matching rule lives:
 * every {@code matchLabels} pair AND every {@code matchExpressions} requirement must hold. As the
 * API reference says, an empty selector matches everything and a null one ({@link #NOTHING})
 * matches nothing; so does an invalid one, as Kubernetes' controllers treat a selector they cannot
 * parse. Immutable.
 */
public final class LabelSelector {
    /** The valid operators of a requirement. */
    public enum Operator {
        IN("In"), NOT_IN("NotIn"), EXISTS("Exists"), DOES_NOT_EXIST("DoesNotExist");

        private final String apiName;

        Operator(String apiName) {
            this.apiName = apiName;
        }

        /** The name the API spells it with ("In", "NotIn", "Exists", "DoesNotExist"). */
        public String apiName() {
            return apiName;
        }

        /** The operator the API calls {@code name}; throws IllegalArgumentException naming it otherwise. */
        public static Operator of(String name) {
            for (Operator o : values()) {
                if (o.apiName.equals(name)) {
                    return o;
                }
            }
            throw new IllegalArgumentException("unknown label selector operator \"" + name
                    + "\" (valid: In, NotIn, Exists, DoesNotExist)");
        }
    }

    /**
     * One matchExpressions entry. In and NotIn need values, Exists and DoesNotExist take none (the
     * API validates the same); a requirement that breaks this throws IllegalArgumentException.
     */
    public record Requirement(String key, Operator operator, List<String> values) {
        public Requirement {
            if (key == null || key.isEmpty()) {
                throw new IllegalArgumentException("a label selector requirement has no key");
            }
            Objects.requireNonNull(operator);
            values = values == null ? List.of() : List.copyOf(values);
            boolean needsValues = operator == Operator.IN || operator == Operator.NOT_IN;
            if (needsValues && values.isEmpty()) {
                throw new IllegalArgumentException("label selector requirement \"" + key + " " + operator.apiName()
                        + "\" has no values (" + operator.apiName() + " needs at least one)");
            }
            if (!needsValues && !values.isEmpty()) {
                throw new IllegalArgumentException("label selector requirement \"" + key + " " + operator.apiName()
                        + "\" has values " + values + " (" + operator.apiName() + " takes none)");
            }
        }

        boolean matches(Map<String, String> labels) {
            String value = labels.get(key);
            return switch (operator) {
                case IN -> value != null && values.contains(value);
                case NOT_IN -> value == null || !values.contains(value);
                case EXISTS -> value != null;
                case DOES_NOT_EXIST -> value == null;
            };
        }
    }

    /** The null selector: matches nothing. */
    public static final LabelSelector NOTHING = new LabelSelector(Map.of(), List.of(), true);

    /** The empty selector: matches everything. */
    public static final LabelSelector EVERYTHING = new LabelSelector(Map.of(), List.of(), false);

    private final Map<String, String> matchLabels;
    private final List<Requirement> matchExpressions;
    private final boolean nothing;

    private LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions, boolean nothing) {
        this.matchLabels = Map.copyOf(matchLabels);
        this.matchExpressions = List.copyOf(matchExpressions);
        this.nothing = nothing;
    }

    /** A selector of these labels and requirements (either may be null: none). */
    public static LabelSelector of(Map<String, String> matchLabels, List<Requirement> matchExpressions) {
        return new LabelSelector(matchLabels == null ? Map.of() : matchLabels,
                matchExpressions == null ? List.of() : matchExpressions, false);
    }

    /** A selector of labels only, as a Service's or a plain map selector reads. */
    public static LabelSelector ofLabels(Map<String, String> matchLabels) {
        return of(matchLabels, List.of());
    }

    public Map<String, String> matchLabels() {
        return matchLabels;
    }

    public List<Requirement> matchExpressions() {
        return matchExpressions;
    }

    /** Whether this is the selector that matches nothing. */
    public boolean isNothing() {
        return nothing;
    }

    /** Whether this is an empty (match everything) selector. */
    public boolean isEmpty() {
        return !nothing && matchLabels.isEmpty() && matchExpressions.isEmpty();
    }

    /** Whether an object with these labels (null: none) is selected. */
    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        Map<String, String> l = labels == null ? Map.of() : labels;
        for (Map.Entry<String, String> e : matchLabels.entrySet()) {
            if (!e.getValue().equals(l.get(e.getKey()))) {
                return false;
            }
        }
        for (Requirement r : matchExpressions) {
            if (!r.matches(l)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LabelSelector s && s.nothing == nothing && s.matchLabels.equals(matchLabels)
                && s.matchExpressions.equals(matchExpressions);
    }

    @Override
    public int hashCode() {
        return Objects.hash(matchLabels, matchExpressions, nothing);
    }

    @Override
    public String toString() {
        if (nothing) {
            return "LabelSelector[nothing]";
        }
        return "LabelSelector" + matchLabels + matchExpressions.stream()
                .map(r -> r.key() + " " + r.operator().name().toLowerCase(Locale.ROOT) + " " + r.values()).toList();
    }
}
