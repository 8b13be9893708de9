package dev.wheelhouse.app.ui.shell;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import javafx.stage.Stage;
import org.testfx.api.FxToolkit;

/** Opens the real console window (real executor, real services) and closes it after a test. */
final class ConsoleHarness {
    private MainWindow window;

    MainWindow open(Stage stage, AppServices services) {
        window = new MainWindow(services, new FxUiExecutor(), stage::close);
        window.show(stage);
        return window;
    }

    void close() throws Exception {
        FxToolkit.cleanupStages();
        if (window != null) {
            window.shutdown();
        }
    }
}
