package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.Collection;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/** JSON trees and the Kubernetes model, through Fabric8's own (Jackson 3) mapper. */
final class Json {
    /** The mapper the mock itself uses, so both read and write objects the same way. */
    @SuppressWarnings("deprecation")
    static final ObjectMapper MAPPER = Serialization.jsonMapper();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private Json() {}

    static ObjectNode object() {
        return NODES.objectNode();
    }

    static ArrayNode array() {
        return NODES.arrayNode();
    }

    static JsonNode parse(String json) {
        return MAPPER.readTree(json);
    }

    static ObjectNode parseObject(String json) {
        JsonNode node = MAPPER.readTree(json);
        if (!(node instanceof ObjectNode object)) {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return object;
    }

    static String write(Object value) {
        return MAPPER.writeValueAsString(value);
    }

    static ObjectNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }

    static JsonNode node(Object value) {
        return MAPPER.valueToTree(value);
    }

    static <T> T convert(JsonNode node, Class<T> type) {
        return MAPPER.treeToValue(node, type);
    }

    static void strings(ArrayNode array, Collection<String> values) {
        values.forEach(array::add);
    }

    /** The labels of an object tree (empty when it has none). */
    static Map<String, String> labels(JsonNode object) {
        JsonNode labels = object.path("metadata").path("labels");
        if (!labels.isObject() || labels.isEmpty()) {
            return Map.of();
        }
        Map<String, String> out = new TreeMap<>();
        labels.forEachEntry((k, v) -> out.put(k, v.asString("")));
        return out;
    }

    /** A JSON string literal, escaped. */
    static String quote(String s) {
        StringBuilder sb = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                default -> {
                    if (c < 0x20) {
                        sb.append(String.format("\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
