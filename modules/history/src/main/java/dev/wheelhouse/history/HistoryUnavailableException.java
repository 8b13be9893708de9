package dev.wheelhouse.history;

import java.nio.file.Path;

/**
 * The history file cannot be opened or written. The message is meant for the operator: it names
 * the file and says what to do; the SQL detail stays in the cause, for the logs.
 */
public class HistoryUnavailableException extends RuntimeException {

    private final transient Path file;

    public HistoryUnavailableException(Path file, String message, Throwable cause) {
        super(message, cause);
        this.file = file;
    }

    /** The database file concerned, e.g. {@code ~/.local/share/wheelhouse/history.mv.db}. */
    public Path file() {
        return file;
    }
}
