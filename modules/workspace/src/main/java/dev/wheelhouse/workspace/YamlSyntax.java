package dev.wheelhouse.workspace;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Turns a YAML syntax error into a position and a one-line message. SnakeYAML's problem mark
 * is exact (Jackson's own location can lag behind it, e.g. for an unterminated quote), so it
 * wins when present; Jackson's location is the fallback.
 */
final class YamlSyntax {

    record Position(int line, int column, String message) {}

    private YamlSyntax() {}

    static Position describe(JsonProcessingException e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof MarkedYAMLException marked && marked.getProblemMark() != null) {
                Mark problem = marked.getProblemMark();
                StringBuilder message = new StringBuilder("malformed YAML: ").append(oneLine(marked.getProblem()));
                Mark context = marked.getContextMark();
                if (marked.getContext() != null && context != null) {
                    message.append(" (").append(oneLine(marked.getContext()))
                            .append(" that starts at line ").append(context.getLine() + 1)
                            .append(", column ").append(context.getColumn() + 1).append(')');
                }
                return new Position(problem.getLine() + 1, problem.getColumn() + 1, message.toString());
            }
        }
        JsonLocation at = e.getLocation();
        int line = at == null ? 0 : Math.max(at.getLineNr(), 0);
        int column = at == null ? 0 : Math.max(at.getColumnNr(), 0);
        return new Position(line, column, "malformed YAML: " + oneLine(e.getOriginalMessage()));
    }

    static String oneLine(String text) {
        return text == null ? "" : text.strip().replaceAll("\\s*\\R\\s*", " ");
    }
}
