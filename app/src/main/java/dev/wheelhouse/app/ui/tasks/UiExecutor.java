package dev.wheelhouse.app.ui.tasks;

/**
 * Runs blocking work away from the FX thread and delivers the outcome on it. Every store,
 * discovery or history call of the window goes through one of these; view-model tests use
 * {@link CurrentThreadUiExecutor} so they need no toolkit and no waiting.
 */
public interface UiExecutor extends AutoCloseable {

    /** Starts the task; exactly one of its callbacks later runs on the UI thread. */
    <T> TaskHandle execute(BackgroundTask<T> task);

    /** Runs a small piece of UI work on the UI thread (now, if already on it). */
    void onUiThread(Runnable uiWork);

    /** Stops accepting work and waits briefly for running tasks; callbacks after this are dropped. */
    @Override
    void close();

    /** A message for the user from a failure: never a stack trace. */
    static String describe(Throwable failure) {
        Throwable t = failure;
        while ((t instanceof java.util.concurrent.CompletionException
                        || t instanceof java.util.concurrent.ExecutionException
                        || t instanceof java.lang.reflect.UndeclaredThrowableException)
                && t.getCause() != null) {
            t = t.getCause();
        }
        String message = t.getMessage();
        if (message == null || message.isBlank()) {
            return t.getClass().getSimpleName();
        }
        switch (t) {
            case java.nio.file.NoSuchFileException e -> {
                return message + ": no such file or directory";
            }
            case java.nio.file.AccessDeniedException e -> {
                return message + ": permission denied";
            }
            case java.nio.file.FileAlreadyExistsException e -> {
                return message + ": is in the way (a file where a folder is needed, or the other way round)";
            }
            case java.nio.file.NotDirectoryException e -> {
                return message + ": is not a folder";
            }
            default -> {}
        }
        return message;
    }
}
