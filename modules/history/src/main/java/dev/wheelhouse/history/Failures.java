package dev.wheelhouse.history;

import java.nio.file.Path;
import java.sql.SQLException;
import org.flywaydb.core.api.FlywayException;
import org.h2.api.ErrorCode;

/** Turns H2 and Flyway failures into messages an operator can act on. */
final class Failures {

    private static final String MOVE_ASIDE = "move the file aside (rename it, e.g. to "
            + "history.mv.db.broken): Wheelhouse then starts a new history; keep the old file to "
            + "investigate.";

    private Failures() {}

    static HistoryUnavailableException unavailable(Path file, String action, Throwable failure) {
        SQLException sql = sqlCause(failure);
        String problem;
        String advice;
        int code = sql == null ? 0 : sql.getErrorCode();
        switch (code) {
            case ErrorCode.DATABASE_ALREADY_OPEN_1 -> {
                problem = "the history file is open in another program that does not share it "
                        + "(an H2 console or a tool that opened it without AUTO_SERVER)";
                advice = "Close that program and try again. Wheelhouse windows and commands "
                        + "share the file with each other.";
            }
            case ErrorCode.CONNECTION_BROKEN_1, ErrorCode.DATABASE_IS_CLOSED,
                    ErrorCode.DATABASE_CALLED_AT_SHUTDOWN -> {
                problem = "the connection to the history file was lost (another Wheelhouse "
                        + "process that served it may have stopped or be hanging)";
                advice = "Try again; if it keeps failing, close the other Wheelhouse windows and "
                        + "commands.";
            }
            case ErrorCode.LOCK_TIMEOUT_1, ErrorCode.DEADLOCK_1,
                    ErrorCode.DATABASE_IS_IN_EXCLUSIVE_MODE -> {
                problem = "the history file stayed busy for too long (another Wheelhouse window "
                        + "or command is writing to it)";
                advice = "Try again in a moment.";
            }
            case ErrorCode.FILE_CORRUPTED_1, ErrorCode.FILE_VERSION_ERROR_1,
                    ErrorCode.FILE_ENCRYPTION_ERROR_1, ErrorCode.WRONG_USER_OR_PASSWORD -> {
                problem = "the file is damaged, or is not a Wheelhouse history";
                advice = capitalized(MOVE_ASIDE);
            }
            case ErrorCode.IO_EXCEPTION_1, ErrorCode.IO_EXCEPTION_2,
                    ErrorCode.FILE_CREATION_FAILED_1, ErrorCode.DATABASE_IS_READ_ONLY,
                    ErrorCode.FILE_NOT_FOUND_1 -> {
                problem = "the file cannot be read or written (" + firstLine(sql) + ")";
                advice = "Check the permissions of its directory and the free disk space.";
            }
            default -> {
                if (sql == null && failure instanceof FlywayException) {
                    problem = "its schema does not match this version of Wheelhouse ("
                            + firstLine(failure) + ")";
                    advice = "Open it with the Wheelhouse version that wrote it, or " + MOVE_ASIDE;
                } else {
                    problem = "the history database reported: " + firstLine(sql == null ? failure : sql);
                    advice = "Try again; if it keeps failing, " + MOVE_ASIDE;
                }
            }
        }
        return new HistoryUnavailableException(file,
                "Cannot " + action + ": " + problem + ". File: " + file + ". " + advice, failure);
    }

    /** True when the connection itself is gone, so a fresh one may succeed. */
    static boolean connectionLost(SQLException e) {
        SQLException sql = sqlCause(e);
        int code = sql == null ? 0 : sql.getErrorCode();
        return code == ErrorCode.CONNECTION_BROKEN_1
                || code == ErrorCode.DATABASE_IS_CLOSED
                || code == ErrorCode.DATABASE_CALLED_AT_SHUTDOWN;
    }

    private static SQLException sqlCause(Throwable t) {
        for (Throwable c = t; c != null && c != c.getCause(); c = c.getCause()) {
            if (c instanceof SQLException sql && sql.getErrorCode() != 0) {
                return sql;
            }
        }
        return null;
    }

    private static String capitalized(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }

    private static String firstLine(Throwable t) {
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        String line = message.strip().lines().findFirst().orElse("").strip();
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }
}
