package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.app.ui.shell.MainWindow;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * Test-only launcher for the docs screenshot of the Metrics tab (docs/images/views-metrics.png):
 * the console on a practice sandbox with some churn, an environment's Metrics tab with its nodes
 * and busiest pods charted over a little history; prints READY when it is. Args: [environment]
 * [seconds of history to gather] [seconds to stay open after READY, 0 for ever].
 */
public final class MetricsDemo {
    private static void await(Callable<Boolean> condition) throws InterruptedException {
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

    public static void main(String[] args) throws Exception {
        String environment = args.length > 0 ? args[0] : "sandbox-staging";
        long history = args.length > 1 ? Long.parseLong(args[1]) : 45;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path tmp = Files.createTempDirectory("wheelhouse-metrics-demo");
        SandboxConsole console = SandboxConsole.start(tmp, SandboxConsole.QUIET.withChurnPerSecond(0.2));
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
                    await(() -> window.workspace().environments().size() == 3);
                    Platform.runLater(() -> window.workspace().select(environment));
                    await(() -> window.detail().live() != null && window.detail().live().table("Deployment") != null);
                    Platform.runLater(() -> {
                        EnvironmentLiveView live = window.detail().live();
                        live.getTabs().stream().filter(t -> t.getText().equals("Metrics")).findFirst()
                                .ifPresent(t -> live.getSelectionModel().select(t));
                    });
                    await(() -> window.detail().live().metricsView().podCharts().cpuChart().getData().size() == BusiestPods.LIMIT);
                    Thread.sleep(history * 1000);
                    // The screenshot script waits for this line.
                    System.out.println("READY");
                    if (seconds > 0) {
                        Thread.sleep(seconds * 1000);
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
}
