package dev.wheelhouse.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where each node of a YAML document is, keyed by the path WorkspaceRules speaks
 * ("environments[2].hosts[0].alias"). One streaming pass before mapping, so every later
 * message (unknown tier, rule broken, wrong type) can point at a line and column.
 * The same pass refuses what Jackson's mapping would silently accept: a key given twice in
 * one mapping, and a second YAML document after the first.
 */
final class YamlLocations {

    /** One node: where its value starts, where its key is (if any), and what it is. */
    record Node(Kind kind, int line, int column, String text) {}

    enum Kind { MAPPING, LIST, SCALAR, NULL }

    /** A structural problem found while indexing, with its 1-based position. */
    static final class StructureException extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        StructureException(int line, int column, String message) {
            super(message);
            this.line = line;
            this.column = column;
        }
    }

    private final Map<String, Node> values = new HashMap<>();
    private final Map<String, Node> keys = new HashMap<>();

    private YamlLocations() {}

    /** Indexes the document; syntax errors surface as Jackson's exceptions, unchanged. */
    static YamlLocations index(YAMLFactory factory, String text) throws IOException, StructureException {
        YamlLocations index = new YamlLocations();
        try (JsonParser p = factory.createParser(text)) {
            Deque<Frame> stack = new ArrayDeque<>();
            boolean rootSeen = false;
            JsonToken t;
            while ((t = p.nextToken()) != null) {
                JsonLocation at = p.currentTokenLocation();
                int line = at.getLineNr();
                int column = at.getColumnNr();
                if (t == JsonToken.FIELD_NAME) {
                    Frame top = stack.peek();
                    top.field = p.currentName();
                    String keyPath = join(top.path, top.field);
                    Node first = index.keys.get(keyPath);
                    if (first != null) {
                        throw new StructureException(line, column, "'" + top.field + "' is given twice in "
                                + describe(top.path) + " (first at line " + first.line() + ")");
                    }
                    index.keys.put(keyPath, new Node(Kind.SCALAR, line, column, top.field));
                    continue;
                }
                if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    stack.pop();
                    continue;
                }
                if (p instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                    throw new StructureException(line, column, "YAML aliases (*" + p.getText()
                            + ") are not supported in a workspace file; write the value out");
                }
                String path;
                if (stack.isEmpty()) {
                    if (rootSeen) {
                        throw new StructureException(line, column,
                                "a second YAML document starts here; a workspace file holds exactly one");
                    }
                    rootSeen = true;
                    path = "";
                } else {
                    Frame top = stack.peek();
                    path = top.list ? top.path + "[" + (++top.index) + "]" : join(top.path, top.field);
                }
                Kind kind = switch (t) {
                    case START_OBJECT -> Kind.MAPPING;
                    case START_ARRAY -> Kind.LIST;
                    case VALUE_NULL -> Kind.NULL;
                    default -> Kind.SCALAR;
                };
                index.values.put(path, new Node(kind, line, column, kind == Kind.SCALAR ? p.getText() : null));
                if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    stack.push(new Frame(path, t == JsonToken.START_ARRAY));
                }
            }
        }
        return index;
    }

    /** The root node, empty when the document has no content at all (only comments). */
    Optional<Node> root() {
        return Optional.ofNullable(values.get(""));
    }

    Optional<Node> value(String path) {
        return Optional.ofNullable(values.get(path));
    }

    /** True when the key is written but has no value ("colour:" or an unquoted "colour: #..."). */
    boolean emptyValue(String path) {
        Node n = values.get(path);
        return keys.containsKey(path) && n != null
                && (n.kind() == Kind.NULL || (n.kind() == Kind.SCALAR && n.text().isEmpty()));
    }

    Optional<Node> key(String path) {
        return Optional.ofNullable(keys.get(path));
    }

    /**
     * The nearest located node for a path: the node itself, else its closest ancestor present
     * in the file (a missing "tier" is reported at its environment). Line 1 column 1 at worst.
     */
    Node nearest(String path) {
        String p = path;
        while (true) {
            Node n = values.get(p);
            if (n != null) {
                return n;
            }
            if (p.isEmpty()) {
                return new Node(Kind.NULL, 1, 1, null);
            }
            p = parent(p);
        }
    }

    static String parent(String path) {
        int cut = Math.max(path.lastIndexOf('.'), path.lastIndexOf('['));
        return cut <= 0 ? "" : path.substring(0, cut);
    }

    static String join(String parent, String field) {
        return parent.isEmpty() ? field : parent + "." + field;
    }

    /** "the top level" for the root, the path otherwise: for messages. */
    static String describe(String path) {
        return path.isEmpty() ? "the top level" : path;
    }

    private static final class Frame {
        final String path;
        final boolean list;
        int index = -1;
        String field;

        Frame(String path, boolean list) {
            this.path = path;
            this.list = list;
        }
    }
}
