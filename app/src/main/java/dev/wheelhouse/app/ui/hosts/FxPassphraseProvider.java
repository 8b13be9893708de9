package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.core.hosts.PassphraseProvider;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import javafx.application.Platform;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

/**
 * Asks for a key's passphrase in a dialog on the FX thread while the SSH thread waits. The
 * answer is handed over once and the field cleared; nothing keeps it. One prompt at a time, so
 * several hosts using the same key do not open a stack of dialogs. Never call from the FX
 * thread (it would wait on itself): there it answers null (skip the key).
 */
public final class FxPassphraseProvider implements PassphraseProvider {
    private static final Duration WAIT = Duration.ofMinutes(2);

    private final Supplier<Window> owner;

    public FxPassphraseProvider(Supplier<Window> owner) {
        this.owner = owner == null ? () -> null : owner;
    }

    @Override
    public synchronized char[] passphrase(Path keyFile, int attempt) {
        if (Platform.isFxApplicationThread()) {
            return null;
        }
        CompletableFuture<char[]> answer = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                answer.complete(ask(keyFile, attempt));
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        try {
            return answer.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return null;
        } catch (ExecutionException | TimeoutException e) {
            return null;
        }
    }

    private char[] ask(Path keyFile, int attempt) {
        Dialog<ButtonType> dialog = new Dialog<>();
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        dialog.setTitle("Key passphrase");
        dialog.setHeaderText(attempt > 1 ? "Wrong passphrase for " + keyFile + ". Try again:" : "Passphrase for " + keyFile);
        PasswordField field = new PasswordField();
        field.setId("passphrase-field");
        Label note = new Label("Used for this connection only; never stored. Leave empty and cancel to skip this key.");
        note.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(10, field, note));
        dialog.getDialogPane().getButtonTypes().setAll(ButtonType.OK, ButtonType.CANCEL);
        dialog.setOnShown(e -> field.requestFocus());
        ButtonType pressed = dialog.showAndWait().orElse(ButtonType.CANCEL);
        char[] result = pressed == ButtonType.OK && !field.getText().isEmpty() ? field.getText().toCharArray() : null;
        field.clear();
        return result;
    }
}
