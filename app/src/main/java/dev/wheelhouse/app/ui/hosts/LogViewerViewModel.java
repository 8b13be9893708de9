package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.app.ui.logs.LogLine;
import dev.wheelhouse.app.ui.logs.LogLinesViewModel;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.LogSource;
import java.util.Objects;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;

/** Follows one host's journal or file; the lines, search and pause are {@link LogLinesViewModel}'s. */
public final class LogViewerViewModel implements AutoCloseable {
    public static final int MAX_LINES = LogLinesViewModel.MAX_LINES;

    private final HostSession session;
    private final LogLinesViewModel lines;

    public LogViewerViewModel(HostSession session, UiExecutor executor, HostsViewModel.FlushScheduler scheduler) {
        this.session = Objects.requireNonNull(session);
        this.lines = new LogLinesViewModel(executor, scheduler::schedule);
    }

    /** Starts following (stopping a previous follow); clears the lines. */
    public void follow(LogSource source) {
        lines.follow(describe(source) + " on " + session.alias(), listener -> session.followLog(source, listener),
                reason -> "Interrupted: " + reason + " (resumes after a reconnect)");
    }

    public static String describe(LogSource source) {
        return switch (source) {
            case LogSource.Journal j -> "journal of " + j.unit();
            case LogSource.File f -> f.path();
        };
    }

    /** The lines, search and pause shown by the window. */
    public LogLinesViewModel lines() {
        return lines;
    }

    public ObservableList<LogLine> shownLines() {
        return lines.shownLines();
    }

    public ObservableList<LogLine> allLines() {
        return lines.allLines();
    }

    public int lineCount() {
        return lines.lineCount();
    }

    public StringProperty searchProperty() {
        return lines.searchProperty();
    }

    public BooleanProperty pausedProperty() {
        return lines.pausedProperty();
    }

    public IntegerProperty heldProperty() {
        return lines.heldProperty();
    }

    public StringProperty statusProperty() {
        return lines.statusProperty();
    }

    /** Stops the follow (its remote command ends with its channel). */
    @Override
    public void close() {
        lines.close();
    }
}
