package dev.wheelhouse.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The patch types the mock lacks. RFC 7386 merge patch (arrays replace, null deletes), and a
 * simplified strategic merge: like a merge patch, except that lists of objects that carry a
 * merge key (name; containerPort for ports; mountPath for volume mounts) are merged element by
 * element, and the {@code $patch: replace|delete} and {@code $setElementOrder} directives are
 * honoured. That covers {@code kubectl set image}, {@code rollout restart|pause|resume} and the
 * StatefulSet/DaemonSet rollbacks; it is not the full schema-driven algorithm that
 * {@code kubectl apply} needs.
 */
final class Patches {
    private static final String PATCH_DIRECTIVE = "$patch";
    private static final String ELEMENT_ORDER_PREFIX = "$setElementOrder/";
    private static final String RETAIN_KEYS = "$retainKeys";
    private static final String DELETE_FROM_PRIMITIVE_LIST = "$deleteFromPrimitiveList/";

    private Patches() {}

    /** RFC 7386: returns the patched document; the target is not modified. */
    static JsonNode mergePatch(JsonNode target, JsonNode patch) {
        if (!patch.isObject()) {
            return patch.deepCopy();
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        patch.forEachEntry((key, value) -> {
            if (value.isNull()) {
                result.remove(key);
            } else {
                result.set(key, mergePatch(result.get(key), value));
            }
        });
        return result;
    }

    /** The simplified strategic merge described above; the target is not modified. */
    static JsonNode strategicMerge(JsonNode target, JsonNode patch) {
        return strategicMerge(target, patch, null);
    }

    private static JsonNode strategicMerge(JsonNode target, JsonNode patch, String field) {
        if (!patch.isObject()) {
            if (patch.isArray() && target != null && target.isArray()) {
                return mergeList((ArrayNode) target, (ArrayNode) patch, field);
            }
            return patch.deepCopy();
        }
        String directive = patch.path(PATCH_DIRECTIVE).asString("");
        if (directive.equals("replace")) {
            ObjectNode copy = ((ObjectNode) patch).deepCopy();
            copy.remove(PATCH_DIRECTIVE);
            return stripDirectives(copy);
        }
        ObjectNode result = target != null && target.isObject() ? ((ObjectNode) target).deepCopy() : Json.object();
        patch.forEachEntry((key, value) -> {
            if (key.equals(PATCH_DIRECTIVE) || key.equals(RETAIN_KEYS) || key.startsWith(ELEMENT_ORDER_PREFIX)) {
                return;
            }
            if (key.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                String list = key.substring(DELETE_FROM_PRIMITIVE_LIST.length());
                JsonNode current = result.get(list);
                if (current != null && current.isArray() && value.isArray()) {
                    ArrayNode kept = Json.array();
                    current.forEach(e -> {
                        boolean drop = false;
                        for (JsonNode d : value) {
                            drop |= d.equals(e);
                        }
                        if (!drop) {
                            kept.add(e);
                        }
                    });
                    result.set(list, kept);
                }
                return;
            }
            if (value.isNull()) {
                result.remove(key);
            } else if (value.isObject() && value.path(PATCH_DIRECTIVE).asString("").equals("delete")) {
                result.remove(key);
            } else {
                result.set(key, strategicMerge(result.get(key), value, key));
            }
        });
        return result;
    }

    private static JsonNode mergeList(ArrayNode target, ArrayNode patch, String field) {
        String mergeKey = mergeKey(field, target, patch);
        if (mergeKey == null) {
            ArrayNode copy = Json.array();
            patch.forEach(e -> {
                if (!(e.isObject() && e.has(PATCH_DIRECTIVE))) {
                    copy.add(stripDirectives(e.deepCopy()));
                }
            });
            return copy;
        }
        Map<String, JsonNode> merged = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        for (JsonNode e : target) {
            String k = e.path(mergeKey).asString("");
            merged.put(k, e);
            order.add(k);
        }
        for (JsonNode e : patch) {
            String k = e.path(mergeKey).asString("");
            String directive = e.path(PATCH_DIRECTIVE).asString("");
            if (directive.equals("delete")) {
                merged.remove(k);
                order.remove(k);
            } else if (merged.containsKey(k)) {
                merged.put(k, strategicMerge(merged.get(k), e, null));
            } else {
                merged.put(k, stripDirectives(e.deepCopy()));
                order.add(k);
            }
        }
        ArrayNode out = Json.array();
        for (String k : order) {
            out.add(merged.get(k));
        }
        return out;
    }

    /** The key lists of objects are merged on, or null to replace the list. */
    private static String mergeKey(String field, ArrayNode target, ArrayNode patch) {
        String key = switch (field == null ? "" : field) {
            case "ports" -> "containerPort";
            case "volumeMounts" -> "mountPath";
            case "volumeDevices" -> "devicePath";
            case "conditions" -> "type";
            case "tolerations", "args", "command", "finalizers", "accessModes" -> null;
            default -> "name";
        };
        if (key == null) {
            return null;
        }
        for (JsonNode e : patch) {
            if (!e.isObject() || !e.has(key)) {
                return null;
            }
        }
        for (JsonNode e : target) {
            if (!e.isObject() || !e.has(key)) {
                return null;
            }
        }
        return key;
    }

    private static JsonNode stripDirectives(JsonNode node) {
        if (node instanceof ObjectNode o) {
            o.remove(PATCH_DIRECTIVE);
            o.remove(RETAIN_KEYS);
            List<String> drop = new ArrayList<>();
            o.forEachEntry((k, v) -> {
                if (k.startsWith(ELEMENT_ORDER_PREFIX) || k.startsWith(DELETE_FROM_PRIMITIVE_LIST)) {
                    drop.add(k);
                } else {
                    stripDirectives(v);
                }
            });
            drop.forEach(o::remove);
        } else if (node instanceof ArrayNode a) {
            a.forEach(Patches::stripDirectives);
        }
        return node;
    }
}
