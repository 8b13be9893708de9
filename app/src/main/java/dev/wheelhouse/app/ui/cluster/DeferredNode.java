package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import java.util.concurrent.Callable;
import java.util.function.Function;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.StackPane;

/**
 * A node whose making needs something blocking first (a gateway made on first use): that runs
 * off the FX thread, then the node is built on it. Closing closes what was built.
 */
public final class DeferredNode<T> extends StackPane implements AutoCloseable {
    private Node built;
    private boolean closed;

    public DeferredNode(UiExecutor executor, String what, Callable<T> blocking, Function<T, Node> build) {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(16, 16);
        Label label = new Label(what + "…");
        label.getStyleClass().add(Styles.TEXT_MUTED);
        getChildren().add(new HBox(8, spinner, label));
        BackgroundTask.of(what, blocking)
                .onSuccess(value -> {
                    if (!closed) {
                        built = build.apply(value);
                        getChildren().setAll(built);
                    }
                })
                .onFailure(t -> {
                    Label failed = new Label(what + " failed: " + UiExecutor.describe(t));
                    failed.setWrapText(true);
                    failed.getStyleClass().add(Styles.DANGER);
                    getChildren().setAll(failed);
                })
                .executeWith(executor);
    }

    @Override
    public void close() {
        closed = true;
        if (built instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                // closing a view does no I/O worth reporting
            }
        }
    }
}
