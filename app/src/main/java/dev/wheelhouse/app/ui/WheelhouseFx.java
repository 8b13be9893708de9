package dev.wheelhouse.app.ui;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.StartupProbe;
import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.shell.Theme;
import dev.wheelhouse.app.ui.shell.ThemePreference;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import java.util.Objects;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.image.Image;
import javafx.stage.Stage;

/**
 * The console window as a JavaFX application. The launcher's Main is not an Application (so
 * the JavaFX runtime can stay on the class path); it calls {@link #launch(AppServices)}.
 */
public final class WheelhouseFx extends Application {
    private static volatile AppServices services;
    private static volatile Theme initialTheme = Theme.LIGHT;
    private static volatile Stage primary;
    private static volatile Runnable afterFirstFrame = () -> { };
    private MainWindow window;

    /** The console's window once shown (owner of dialogs such as the passphrase prompt), else null. */
    public static javafx.stage.Window mainWindow() {
        return primary;
    }

    /** Opens the console and returns when its window has closed. Once per JVM. */
    public static void launch(AppServices services) {
        launch(services, () -> { });
    }

    /**
     * Opens the console and returns when its window has closed. Once per JVM.
     *
     * @param afterFirstFrame runs on the FX thread once the window's first frame is drawn (work
     *     started earlier would compete with the start-up on a two-core laptop); it must not block
     */
    public static void launch(AppServices services, Runnable afterFirstFrame) {
        WheelhouseFx.services = Objects.requireNonNull(services);
        WheelhouseFx.afterFirstFrame = Objects.requireNonNull(afterFirstFrame);
        // Read before the toolkit starts, so the first frame already has the right theme.
        initialTheme = ThemePreference.load(services.dataDir());
        Application.launch(WheelhouseFx.class);
    }

    @Override
    public void start(Stage stage) {
        AppServices given = Objects.requireNonNull(services, "WheelhouseFx.launch(services) was not called");
        primary = stage;
        window = new MainWindow(given, new FxUiExecutor(), Platform::exit);
        window.theme().set(initialTheme);
        window.theme().addListener((obs, was, now) ->
                Thread.ofVirtual().name("wheelhouse-save-theme").start(() -> ThemePreference.save(given.dataDir(), now)));
        var icon = WheelhouseFx.class.getResource("wheelhouse.png");
        if (icon != null) {
            stage.getIcons().add(new Image(icon.toExternalForm()));
        }
        window.show(stage);
        FirstFrame.then(() -> {
            afterFirstFrame.run();
            if (StartupProbe.requested()) {
                StartupProbe.firstFrameShown(Platform::exit);
            }
        });
    }

    @Override
    public void stop() {
        if (window != null) {
            window.shutdown();
        }
    }
}
