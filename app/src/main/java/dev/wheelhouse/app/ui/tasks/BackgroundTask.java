package dev.wheelhouse.app.ui.tasks;

import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Blocking work plus what to do with its outcome on the FX thread. Built here, run by a
 * {@link UiExecutor}: {@code BackgroundTask.of("load workspace", store::load).onSuccess(...)
 * .onFailure(...).executeWith(executor)}.
 */
public final class BackgroundTask<T> {
    private final String name;
    private final Callable<T> work;
    private Consumer<? super T> onSuccess = ignored -> {};
    private Consumer<? super Throwable> onFailure = ignored -> {};

    private BackgroundTask(String name, Callable<T> work) {
        this.name = Objects.requireNonNull(name);
        this.work = Objects.requireNonNull(work);
    }

    public static <T> BackgroundTask<T> of(String name, Callable<T> work) {
        return new BackgroundTask<>(name, work);
    }

    /** For work with no result: the success callback gets null. */
    public static BackgroundTask<Void> running(String name, BlockingWork work) {
        return new BackgroundTask<>(name, () -> {
            work.run();
            return null;
        });
    }

    public BackgroundTask<T> onSuccess(Consumer<? super T> handler) {
        this.onSuccess = Objects.requireNonNull(handler);
        return this;
    }

    public BackgroundTask<T> onFailure(Consumer<? super Throwable> handler) {
        this.onFailure = Objects.requireNonNull(handler);
        return this;
    }

    public TaskHandle executeWith(UiExecutor executor) {
        return executor.execute(this);
    }

    public String name() {
        return name;
    }

    T call() throws Exception {
        return work.call();
    }

    void succeeded(T result) {
        onSuccess.accept(result);
    }

    void failed(Throwable failure) {
        onFailure.accept(failure);
    }

    /** A piece of blocking work that returns nothing. */
    @FunctionalInterface
    public interface BlockingWork {
        void run() throws Exception;
    }
}
