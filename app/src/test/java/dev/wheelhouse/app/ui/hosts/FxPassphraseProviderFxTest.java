package dev.wheelhouse.app.ui.hosts;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.DialogPane;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** The SSH thread waits while the window asks; the answer is handed over and the field cleared. */
@ExtendWith(ApplicationExtension.class)
class FxPassphraseProviderFxTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 300, 200));
        stage.show();
    }

    @Test
    void asksOnTheFxThreadAndHandsTheAnswerToTheWaitingThread(FxRobot robot) throws Exception {
        FxPassphraseProvider provider = new FxPassphraseProvider(() -> stage);
        CompletableFuture<char[]> answer = CompletableFuture.supplyAsync(
                () -> provider.passphrase(Path.of("/home/op/.ssh/id_ed25519"), 1), r -> Thread.ofVirtual().start(r));

        until("the prompt shows", () -> !robot.lookup("#passphrase-field").queryAll().isEmpty());
        PasswordField field = onFx(() -> robot.lookup("#passphrase-field").queryAs(PasswordField.class));
        onFx(() -> {
            field.setText("correct horse");
            DialogPane pane = (DialogPane) field.getScene().getRoot();
            ((Button) pane.lookupButton(ButtonType.OK)).fire();
            return null;
        });

        assertThat(answer.get(5, TimeUnit.SECONDS)).containsExactly("correct horse".toCharArray());
        String left = onFx(() -> field.getText());
        assertThat(left).as("nothing kept in the field").isEmpty();
        char[] onFxThread = onFx(() -> provider.passphrase(Path.of("/k"), 1));
        assertThat(onFxThread).as("never waits on the FX thread").isNull();
    }
}
