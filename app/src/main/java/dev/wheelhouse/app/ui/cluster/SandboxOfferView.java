package dev.wheelhouse.app.ui.cluster;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/** "Try the practice sandbox": the first-run offer, with its progress and any failure in place. */
public final class SandboxOfferView extends VBox {
    public static final String ID = "sandbox-offer";
    public static final String ID_BUTTON = "sandbox-offer-button";
    public static final String ID_MESSAGE = "sandbox-offer-message";

    public SandboxOfferView(SandboxViewModel viewModel, ActionRegistry actions) {
        setId(ID);
        setSpacing(6);
        setAlignment(Pos.CENTER);
        Button button = actions.bind(new Button("Try the practice sandbox", new FontIcon(Feather.PACKAGE)), ClusterActions.OPEN_SANDBOX);
        button.setId(ID_BUTTON);
        button.getStyleClass().add(Styles.SUCCESS);
        Label hint = new Label("No cluster needed: an in-process Kubernetes API with dev, staging and prod namespaces.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(16, 16);
        Label message = new Label();
        message.setId(ID_MESSAGE);
        message.setWrapText(true);
        message.setMaxWidth(620);
        HBox status = new HBox(8, spinner, message);
        status.setAlignment(Pos.CENTER);
        Runnable render = () -> {
            var state = viewModel.stateProperty().get();
            spinner.setVisible(state == SandboxViewModel.State.STARTING);
            spinner.setManaged(spinner.isVisible());
            message.setText(viewModel.messageProperty().get());
            message.getStyleClass().removeAll(Styles.DANGER, Styles.TEXT_MUTED);
            message.getStyleClass().add(state == SandboxViewModel.State.FAILED ? Styles.DANGER : Styles.TEXT_MUTED);
            status.setVisible(state != SandboxViewModel.State.IDLE);
            status.setManaged(status.isVisible());
        };
        viewModel.stateProperty().addListener((obs, was, now) -> render.run());
        viewModel.messageProperty().addListener((obs, was, now) -> render.run());
        render.run();
        getChildren().addAll(button, hint, status);
    }
}
