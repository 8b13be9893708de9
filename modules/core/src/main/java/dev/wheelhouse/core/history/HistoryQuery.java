package dev.wheelhouse.core.history;

/** Filters for listing operations, newest first; null means any. */
public record HistoryQuery(String environment, String application, int limit) {
    public static final int DEFAULT_LIMIT = 50;

    public static HistoryQuery all() {
        return new HistoryQuery(null, null, DEFAULT_LIMIT);
    }
}
