package dev.wheelhouse.app.ui.logs;

import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

/**
 * The lines of one followed log, whatever follows it (a host's journal, a pod's container):
 * lines arrive on the follow's thread, are collected and appended in batches (one FX update per
 * flush period); the buffer keeps the last {@link #MAX_LINES}. Paused, lines are held (bounded
 * too) and shown on resume. The search text filters the shown lines by their message
 * (case-insensitive). Lines whose source stamps them (a pod's log) keep their time, which is
 * shown only when asked for ({@link #timestampsProperty()}, off by default).
 */
public final class LogLinesViewModel implements AutoCloseable {
    public static final int MAX_LINES = 10_000;

    private final UiExecutor executor;
    private final Consumer<Runnable> scheduler;
    private final ObservableList<LogLine> lines = FXCollections.observableArrayList();
    private final FilteredList<LogLine> shown = new FilteredList<>(lines);
    private final ObservableList<LogLine> allLines = FXCollections.unmodifiableObservableList(lines);
    private final StringProperty search = new SimpleStringProperty("");
    private final BooleanProperty paused = new SimpleBooleanProperty();
    private final IntegerProperty held = new SimpleIntegerProperty();
    private final StringProperty status = new SimpleStringProperty("");
    private final BooleanProperty timestamps = new SimpleBooleanProperty();
    private final ReadOnlyBooleanWrapper timestamped = new ReadOnlyBooleanWrapper();

    private final Object lock = new Object();
    private List<LogLine> pending = new ArrayList<>();
    private String pendingStatus;
    private boolean flushScheduled;
    private boolean closed;
    private Subscription follow;
    private long generation;

    /**
     * @param scheduler runs a flush a little later (it batches what arrives meanwhile), on any thread
     */
    public LogLinesViewModel(UiExecutor executor, Consumer<Runnable> scheduler) {
        this.executor = Objects.requireNonNull(executor);
        this.scheduler = Objects.requireNonNull(scheduler);
        search.addListener((obs, old, text) -> applyFilter(text));
        paused.addListener((obs, was, now) -> {
            if (!now) {
                requestFlush();
            }
        });
    }

    /** A scheduler that runs each flush after a delay on a virtual thread. */
    public static Consumer<Runnable> after(java.time.Duration delay) {
        return flush -> Thread.ofVirtual().name("wheelhouse-log-flush").start(() -> {
            try {
                Thread.sleep(delay);
            } catch (InterruptedException e) {
                return;
            }
            flush.run();
        });
    }

    private void applyFilter(String text) {
        String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        shown.setPredicate(needle.isEmpty() ? null : line -> line.text().toLowerCase(Locale.ROOT).contains(needle));
    }

    /** The lines that pass the search, oldest first. */
    public ObservableList<LogLine> shownLines() {
        return shown;
    }

    /** Every line held, filtered or not (read-only). */
    public ObservableList<LogLine> allLines() {
        return allLines;
    }

    public int lineCount() {
        return lines.size();
    }

    public StringProperty searchProperty() {
        return search;
    }

    public BooleanProperty pausedProperty() {
        return paused;
    }

    /** Lines received while paused, not shown yet. */
    public IntegerProperty heldProperty() {
        return held;
    }

    public StringProperty statusProperty() {
        return status;
    }

    /** Whether the lines' times are shown (off by default, as kubectl logs prints none). */
    public BooleanProperty timestampsProperty() {
        return timestamps;
    }

    /** Whether the followed log stamps its lines with times (so there are times to show). */
    public ReadOnlyBooleanProperty timestampedProperty() {
        return timestamped.getReadOnlyProperty();
    }

    /**
     * Starts following (stopping a previous follow); clears the lines.
     *
     * @param what the log in words, for the status line ("journal of nginx.service on web-1")
     * @param start starts the follow (blocking; runs off the FX thread) and returns its handle
     * @param interrupted the status line for a follow that stopped by itself, from its reason
     */
    public void follow(String what, Function<LogListener, Subscription> start, Function<String, String> interrupted) {
        long gen;
        Subscription previous;
        synchronized (lock) {
            if (closed) {
                return;
            }
            gen = ++generation;
            previous = follow;
            follow = null;
            pending = new ArrayList<>();
            pendingStatus = null;
        }
        lines.clear();
        timestamped.set(false);
        held.set(0);
        status.set("Following " + what);
        BackgroundTask.of("follow " + what, () -> {
                    if (previous != null) {
                        previous.close();
                    }
                    Subscription sub = start.apply(new LogListener() {
                        @Override
                        public void line(String line) {
                            offer(gen, LogLine.of(line), null);
                        }

                        @Override
                        public void line(java.time.Instant at, String line) {
                            offer(gen, new LogLine(at, line), null);
                        }

                        @Override
                        public void interrupted(String reason) {
                            offer(gen, null, interrupted.apply(reason));
                        }
                    });
                    synchronized (lock) {
                        if (closed || gen != generation) {
                            sub.close();
                            return null;
                        }
                        follow = sub;
                    }
                    return null;
                })
                .onFailure(t -> status.set("Could not follow " + what + ": " + UiExecutor.describe(t)))
                .executeWith(executor);
    }

    private void offer(long gen, LogLine line, String newStatus) {
        boolean schedule;
        synchronized (lock) {
            if (closed || gen != generation) {
                return;
            }
            if (line != null) {
                pending.add(line);
                if (pending.size() > MAX_LINES) {
                    pending.subList(0, pending.size() - MAX_LINES).clear();
                }
            }
            if (newStatus != null) {
                pendingStatus = newStatus;
            }
            schedule = !flushScheduled;
            flushScheduled = true;
        }
        if (schedule) {
            scheduler.accept(() -> executor.onUiThread(this::flush));
        }
    }

    private void requestFlush() {
        boolean schedule;
        synchronized (lock) {
            schedule = !flushScheduled && !closed;
            flushScheduled = true;
        }
        if (schedule) {
            scheduler.accept(() -> executor.onUiThread(this::flush));
        }
    }

    /** FX thread: appends the collected lines in one change (or counts them while paused). */
    void flush() {
        List<LogLine> batch;
        String newStatus;
        synchronized (lock) {
            flushScheduled = false;
            if (closed) {
                return;
            }
            newStatus = pendingStatus;
            pendingStatus = null;
            if (paused.get()) {
                held.set(pending.size());
                batch = List.of();
            } else {
                batch = pending;
                pending = new ArrayList<>();
            }
        }
        if (newStatus != null) {
            status.set(newStatus);
        }
        if (batch.isEmpty()) {
            return;
        }
        held.set(0);
        if (!timestamped.get() && batch.stream().anyMatch(l -> l.at() != null)) {
            timestamped.set(true);
        }
        int excess = lines.size() + batch.size() - MAX_LINES;
        if (excess >= lines.size()) {
            lines.setAll(batch.subList(Math.max(0, batch.size() - MAX_LINES), batch.size()));
        } else {
            if (excess > 0) {
                lines.remove(0, excess);
            }
            lines.addAll(batch);
        }
    }

    /** Stops the follow (off the FX thread). */
    @Override
    public void close() {
        Subscription sub;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            sub = follow;
            follow = null;
        }
        if (sub != null) {
            BackgroundTask.running("stop log follow", sub::close).executeWith(executor);
        }
    }
}
