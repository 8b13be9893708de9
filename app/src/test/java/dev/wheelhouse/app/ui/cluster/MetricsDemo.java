package dev.wheelhouse.app.ui.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Test-only launcher for the docs screenshot of the Metrics tab (docs/images/views-metrics.png):
 * the console on a practice sandbox with some churn, an environment's Metrics tab with its nodes
 * and busiest pods charted over a little history; prints READY when it is. Args: [environment]
 * [seconds of history to gather] [seconds to stay open after READY, 0 for ever].
 */
public final class MetricsDemo {
    public static void main(String[] args) throws Exception {
        String environment = args.length > 0 ? args[0] : "sandbox-staging";
        long history = args.length > 1 ? Long.parseLong(args[1]) : 45;
        long seconds = args.length > 2 ? Long.parseLong(args[2]) : 0;
        Path tmp = Files.createTempDirectory("wheelhouse-metrics-demo");
        SandboxConsole console = SandboxConsole.start(tmp, SandboxConsole.QUIET.withChurnPerSecond(0.2));
        DemoWindow.open(console, seconds, window -> {
            DemoWindow.await(() -> window.workspace().environments().size() == 3);
            Platform.runLater(() -> window.workspace().select(environment));
            DemoWindow.await(() -> window.detail().live() != null && window.detail().live().table("Deployment") != null);
            Platform.runLater(() -> {
                EnvironmentLiveView live = window.detail().live();
                live.getTabs().stream().filter(t -> t.getText().equals("Metrics")).findFirst()
                        .ifPresent(t -> live.getSelectionModel().select(t));
            });
            DemoWindow.await(() -> window.detail().live().metricsView().podCharts().cpuChart().getData().size() == BusiestPods.LIMIT);
            Thread.sleep(history * 1000);
        });
    }
}
