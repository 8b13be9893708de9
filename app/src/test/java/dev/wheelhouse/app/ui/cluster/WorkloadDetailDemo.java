package dev.wheelhouse.app.ui.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.application.Platform;

/**
 * Test-only launcher for the docs screenshot of the workload detail pane: the console on a
 * practice sandbox, sandbox-staging's storefront rolled out once more with a change-cause, its
 * detail pane open on a tab; prints READY when it is. Args: [tab] [seconds] (tab: Revisions, Pods,
 * Events, Metrics, Logs, YAML; seconds: how long to stay open after READY, 0 for ever).
 */
public final class WorkloadDetailDemo {
    public static void main(String[] args) throws Exception {
        String tab = args.length > 0 ? args[0] : "Revisions";
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Path tmp = Files.createTempDirectory("wheelhouse-detail-demo");
        SandboxConsole console = SandboxConsole.start(tmp, SandboxConsole.QUIET.withChurnPerSecond(0.2).withRolloutStepMillis(800));
        String ns = console.namespace("sandbox-staging");
        console.sandbox.call("PATCH", "/apis/apps/v1/namespaces/" + ns + "/deployments/storefront", "application/merge-patch+json",
                "{\"metadata\":{\"annotations\":{\"kubernetes.io/change-cause\":\"release 2.9.0: faster checkout page (maria)\"}},"
                        + "\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"storefront\","
                        + "\"image\":\"registry.sandbox.local/shop/storefront:2.9.0\"}]}}}}");
        DemoWindow.open(console, seconds, window -> {
            DemoWindow.await(() -> window.workspace().environments().size() == 3);
            Platform.runLater(() -> window.workspace().select("sandbox-staging"));
            // The model, not the table: a table takes rows only once its tab shows.
            DemoWindow.await(() -> window.detail().live() != null && window.detail().live().table("Deployment") != null
                    && window.detail().live().viewModel().snapshot() != null
                    && !window.detail().live().viewModel().snapshot().rows("Deployment").isEmpty());
            Platform.runLater(() -> window.detail().live().showWorkload("Deployment", "storefront"));
            DemoWindow.await(() -> window.detail().live().detail() != null && !window.detail().live().detail().viewModel().revisions().isEmpty());
            Platform.runLater(() -> {
                WorkloadDetailView detail = window.detail().live().detail();
                detail.tabs().getTabs().stream().filter(t -> t.getText().equals(tab)).findFirst()
                        .ifPresent(t -> detail.tabs().getSelectionModel().select(t));
            });
            DemoWindow.await(() -> window.detail().live().detail().viewModel().logs().lineCount() > 5);
            Thread.sleep(1500);
        });
    }
}
