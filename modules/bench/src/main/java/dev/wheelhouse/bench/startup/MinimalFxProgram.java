package dev.wheelhouse.bench.startup;

import dev.wheelhouse.app.StartupProbe;
import dev.wheelhouse.app.ui.FirstFrame;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

/**
 * The baseline of the startup benchmark: one JavaFX window of the console's size with a label,
 * nothing else. Started by the benchmark on the installed app's runtime, class path and java
 * options, and it reports its first frame through the same StartupProbe and FirstFrame hook as
 * the app (both from the app's jar on its class path).
 * Like the app's Main, this main class is not an Application (JavaFX is on the class path).
 */
public final class MinimalFxProgram {
    private MinimalFxProgram() {}

    public static void main(String[] args) {
        Application.launch(Window.class, args);
    }

    public static final class Window extends Application {
        @Override
        public void start(Stage stage) {
            stage.setTitle("Minimal JavaFX program");
            stage.setScene(new Scene(new StackPane(new Label("A minimal JavaFX window")), 1280, 800));
            stage.show();
            FirstFrame.then(() -> StartupProbe.firstFrameShown(Platform::exit));
        }
    }
}
