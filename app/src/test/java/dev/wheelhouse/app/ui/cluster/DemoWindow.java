package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * What the docs' screenshot launchers share: the console's window on a practice sandbox at 0,0
 * and 1440×900, a script run off the FX thread to bring it where the picture is, then READY on
 * stdout (the screenshot script waits for it), and the window closed after a while (0: never).
 */
final class DemoWindow {
    /** Brings the window where the picture is; runs on a virtual thread. */
    interface Script {
        void run(MainWindow window) throws InterruptedException;
    }

    private DemoWindow() {}

    static void open(SandboxConsole console, long staySeconds, Script script) {
        Platform.startup(() -> {
            Stage stage = new Stage();
            MainWindow window = new MainWindow(console.services, new FxUiExecutor(), Platform::exit);
            window.show(stage);
            stage.setX(0);
            stage.setY(0);
            stage.setWidth(1440);
            stage.setHeight(900);
            Thread.ofVirtual().start(() -> {
                try {
                    script.run(window);
                    System.out.println("READY");
                    if (staySeconds > 0) {
                        Thread.sleep(staySeconds * 1000);
                        Platform.runLater(() -> {
                            window.shutdown();
                            Platform.exit();
                        });
                        console.close();
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        });
    }

    /** Waits until a condition read on the FX thread holds. */
    static void await(Callable<Boolean> condition) throws InterruptedException {
        while (true) {
            CompletableFuture<Boolean> f = new CompletableFuture<>();
            Platform.runLater(() -> {
                try {
                    f.complete(condition.call());
                } catch (Exception e) {
                    f.complete(false);
                }
            });
            try {
                if (f.get()) {
                    return;
                }
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
            Thread.sleep(200);
        }
    }
}
