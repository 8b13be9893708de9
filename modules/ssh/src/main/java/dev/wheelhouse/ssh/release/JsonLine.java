package dev.wheelhouse.ssh.release;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Flat JSON objects of string values, one per line: the release log's format. Small enough to
 * write here rather than add a JSON library to the SSH adapter; a line it cannot read is
 * skipped by the caller (someone edited the log by hand).
 */
final class JsonLine {
    private JsonLine() {}

    static String write(Map<String, String> fields) {
        StringBuilder s = new StringBuilder("{");
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (s.length() > 1) {
                s.append(',');
            }
            string(s, e.getKey());
            s.append(':');
            if (e.getValue() == null) {
                s.append("null");
            } else {
                string(s, e.getValue());
            }
        }
        return s.append('}').toString();
    }

    private static void string(StringBuilder s, String value) {
        s.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> s.append("\\\"");
                case '\\' -> s.append("\\\\");
                case '\n' -> s.append("\\n");
                case '\r' -> s.append("\\r");
                case '\t' -> s.append("\\t");
                default -> {
                    if (c < 0x20) {
                        s.append(String.format("\\u%04x", (int) c));
                    } else {
                        s.append(c);
                    }
                }
            }
        }
        s.append('"');
    }

    /** The fields of one line; throws IllegalArgumentException for anything but a flat object of strings (or null). */
    static Map<String, String> read(String line) {
        Parser p = new Parser(line.strip());
        Map<String, String> fields = new LinkedHashMap<>();
        p.expect('{');
        p.blanks();
        if (p.peek() == '}') {
            p.pos++;
            return fields;
        }
        while (true) {
            p.blanks();
            String key = p.string();
            p.blanks();
            p.expect(':');
            p.blanks();
            String value = p.text.startsWith("null", p.pos) ? p.skipNull() : p.string();
            fields.put(key, value);
            p.blanks();
            char c = p.next();
            if (c == '}') {
                break;
            }
            if (c != ',') {
                throw new IllegalArgumentException("expected , or } at " + (p.pos - 1));
            }
        }
        p.blanks();
        if (p.pos != p.text.length()) {
            throw new IllegalArgumentException("text after the object");
        }
        return fields;
    }

    private static final class Parser {
        final String text;
        int pos;

        Parser(String text) {
            this.text = text;
        }

        char peek() {
            if (pos >= text.length()) {
                throw new IllegalArgumentException("unexpected end");
            }
            return text.charAt(pos);
        }

        char next() {
            char c = peek();
            pos++;
            return c;
        }

        void expect(char c) {
            if (next() != c) {
                throw new IllegalArgumentException("expected " + c + " at " + (pos - 1));
            }
        }

        void blanks() {
            while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
                pos++;
            }
        }

        String skipNull() {
            pos += 4;
            return null;
        }

        String string() {
            expect('"');
            StringBuilder s = new StringBuilder();
            while (true) {
                char c = next();
                if (c == '"') {
                    return s.toString();
                }
                if (c != '\\') {
                    s.append(c);
                    continue;
                }
                char e = next();
                switch (e) {
                    case '"', '\\', '/' -> s.append(e);
                    case 'n' -> s.append('\n');
                    case 'r' -> s.append('\r');
                    case 't' -> s.append('\t');
                    case 'b' -> s.append('\b');
                    case 'f' -> s.append('\f');
                    case 'u' -> {
                        if (pos + 4 > text.length()) {
                            throw new IllegalArgumentException("short \\u escape");
                        }
                        s.append((char) Integer.parseInt(text.substring(pos, pos + 4), 16));
                        pos += 4;
                    }
                    default -> throw new IllegalArgumentException("bad escape \\" + e);
                }
            }
        }
    }
}
