package dev.wheelhouse.core.cluster;

import java.util.Objects;

/**
 * One column of a resource kind's table.
 *
 * @param type how the cells are to be read: AGE cells hold an ISO-8601 instant (or "") that the
 *     view turns into "5m" with {@link Ages#since}, so a row never goes stale as time passes
 * @param wide true for the columns kubectl shows only with {@code -o wide}
 */
public record Column(String name, Type type, boolean wide) {
    public enum Type {
        TEXT,
        NUMBER,
        AGE
    }

    public Column {
        Objects.requireNonNull(name);
        Objects.requireNonNull(type);
    }

    public static Column text(String name) {
        return new Column(name, Type.TEXT, false);
    }

    public static Column number(String name) {
        return new Column(name, Type.NUMBER, false);
    }

    public static Column age(String name) {
        return new Column(name, Type.AGE, false);
    }

    public static Column wide(String name) {
        return new Column(name, Type.TEXT, true);
    }
}
