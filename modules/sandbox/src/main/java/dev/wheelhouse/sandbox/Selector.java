package dev.wheelhouse.sandbox;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Kubernetes label and field selectors: {@code a=b}, {@code a==b}, {@code a!=b}, {@code a},
 * {@code !a}, {@code a in (x,y)}, {@code a notin (x,y)}; field selectors use the first three.
 */
final class Selector {
    enum Op { EQ, NE, EXISTS, NOT_EXISTS, IN, NOT_IN }

    record Requirement(String key, Op op, Set<String> values) {
        boolean matches(Function<String, String> lookup) {
            String v = lookup.apply(key);
            return switch (op) {
                case EQ -> v != null && values.contains(v);
                case NE -> v == null || !values.contains(v);
                case EXISTS -> v != null;
                case NOT_EXISTS -> v == null;
                case IN -> v != null && values.contains(v);
                case NOT_IN -> v == null || !values.contains(v);
            };
        }
    }

    static final Selector EVERYTHING = new Selector(List.of());

    private final List<Requirement> requirements;

    private Selector(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    boolean isEmpty() {
        return requirements.isEmpty();
    }

    boolean matches(Map<String, String> labels) {
        return matches(labels::get);
    }

    boolean matches(Function<String, String> lookup) {
        for (Requirement r : requirements) {
            if (!r.matches(lookup)) {
                return false;
            }
        }
        return true;
    }

    /** Parses a selector; throws IllegalArgumentException naming the bad part. */
    static Selector parse(String text) {
        if (text == null || text.isBlank()) {
            return EVERYTHING;
        }
        List<Requirement> out = new ArrayList<>();
        for (String part : splitTopLevel(text)) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            out.add(requirement(p));
        }
        return new Selector(out);
    }

    static Selector ofLabels(Map<String, String> labels) {
        List<Requirement> out = new ArrayList<>();
        labels.forEach((k, v) -> out.add(new Requirement(k, Op.EQ, Set.of(v))));
        return new Selector(out);
    }

    private static Requirement requirement(String p) {
        int notin = indexOfWord(p, " notin ");
        if (notin > 0) {
            return new Requirement(p.substring(0, notin).trim(), Op.NOT_IN, values(p.substring(notin + 7)));
        }
        int in = indexOfWord(p, " in ");
        if (in > 0) {
            return new Requirement(p.substring(0, in).trim(), Op.IN, values(p.substring(in + 4)));
        }
        int ne = p.indexOf("!=");
        if (ne > 0) {
            return new Requirement(p.substring(0, ne).trim(), Op.NE, Set.of(p.substring(ne + 2).trim()));
        }
        int eqeq = p.indexOf("==");
        if (eqeq > 0) {
            return new Requirement(p.substring(0, eqeq).trim(), Op.EQ, Set.of(p.substring(eqeq + 2).trim()));
        }
        int eq = p.indexOf('=');
        if (eq > 0) {
            return new Requirement(p.substring(0, eq).trim(), Op.EQ, Set.of(p.substring(eq + 1).trim()));
        }
        if (p.startsWith("!")) {
            return new Requirement(p.substring(1).trim(), Op.NOT_EXISTS, Set.of());
        }
        if (p.contains("(") || p.contains(")") || p.contains(" ")) {
            throw new IllegalArgumentException("unable to parse requirement: " + p);
        }
        return new Requirement(p, Op.EXISTS, Set.of());
    }

    private static int indexOfWord(String p, String word) {
        return p.indexOf(word);
    }

    private static Set<String> values(String list) {
        String s = list.trim();
        if (!s.startsWith("(") || !s.endsWith(")")) {
            throw new IllegalArgumentException("expected a parenthesised list of values, found: " + list);
        }
        List<String> values = new ArrayList<>();
        for (String v : s.substring(1, s.length() - 1).split(",")) {
            if (!v.isBlank()) {
                values.add(v.trim());
            }
        }
        return Set.copyOf(values);
    }

    private static List<String> splitTopLevel(String text) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                parts.add(text.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(text.substring(start));
        return parts;
    }
}
