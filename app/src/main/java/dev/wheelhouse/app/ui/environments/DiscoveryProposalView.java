package dev.wheelhouse.app.ui.environments;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import java.util.stream.Collectors;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The first-run proposal: environments built from the kubeconfig's contexts and the ssh
 * config's hosts, with the tier guessed from their names. Accept writes the workspace file;
 * Dismiss writes nothing.
 */
public final class DiscoveryProposalView extends VBox {
    public static final String ID = "discovery-proposal";
    public static final String ID_ACCEPT = "proposal-accept";
    public static final String ID_DISMISS = "proposal-dismiss";
    public static final String ID_ERROR = "proposal-error";

    private final WorkspaceViewModel viewModel;

    public DiscoveryProposalView(WorkspaceViewModel viewModel) {
        this.viewModel = viewModel;
        setId(ID);
        getStyleClass().addAll(Css.BANNER, Css.PROPOSAL);
        setSpacing(10);
        viewModel.proposalProperty().addListener((obs, was, now) -> render());
        viewModel.proposalErrorProperty().addListener((obs, was, now) -> render());
        viewModel.busyProperty().addListener((obs, was, now) -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        Discovery proposal = viewModel.proposalProperty().get();
        setVisible(proposal != null);
        setManaged(proposal != null);
        if (proposal == null) {
            return;
        }
        Label title = new Label("Environments found in your kubeconfig and ssh config", new FontIcon(Feather.COMPASS));
        title.getStyleClass().add(Styles.TITLE_4);
        Label explain = new Label("Wheelhouse grouped them by name and guessed each tier. Accept writes them to "
                + viewModel.file() + "; you can edit them afterwards. Dismiss writes nothing.");
        explain.setWrapText(true);
        explain.getStyleClass().add(Styles.TEXT_MUTED);

        GridPane table = new GridPane();
        table.setHgap(14);
        table.setVgap(6);
        int row = 0;
        for (Environment env : proposal.proposed()) {
            Label name = new Label(env.name());
            name.getStyleClass().add(Styles.TEXT_BOLD);
            HBox tier = new HBox(Badges.tier(env.tier()));
            Label targets = new Label(targets(env));
            targets.getStyleClass().add(Styles.TEXT_MUTED);
            targets.setWrapText(true);
            table.addRow(row++, tier, name, targets);
        }

        VBox notes = new VBox(2);
        for (String note : proposal.notes()) {
            Label line = new Label(note, new FontIcon(Feather.INFO));
            line.setWrapText(true);
            line.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            notes.getChildren().add(line);
        }

        Button accept = new Button("Accept and write workspace", new FontIcon(Feather.CHECK));
        accept.setId(ID_ACCEPT);
        accept.getStyleClass().add(Styles.ACCENT);
        accept.setDefaultButton(false);
        accept.setDisable(viewModel.busyProperty().get());
        accept.setOnAction(e -> viewModel.acceptProposal());
        Button dismiss = new Button("Dismiss");
        dismiss.setId(ID_DISMISS);
        dismiss.setOnAction(e -> viewModel.dismissProposal());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        HBox buttons = new HBox(8, spacer, dismiss, accept);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        getChildren().addAll(title, explain, table);
        if (!notes.getChildren().isEmpty()) {
            getChildren().add(notes);
        }
        String error = viewModel.proposalErrorProperty().get();
        if (error != null) {
            Label failed = new Label(error, new FontIcon(Feather.ALERT_CIRCLE));
            failed.setId(ID_ERROR);
            failed.setWrapText(true);
            failed.getStyleClass().add(Css.FIELD_ERROR);
            getChildren().add(failed);
        }
        getChildren().add(buttons);
    }

    private static String targets(Environment env) {
        String kube = env.kubeTargets().stream().map(KubeTarget::describe).collect(Collectors.joining(", "));
        String hosts = env.hosts().stream().map(HostRef::alias).collect(Collectors.joining(", "));
        if (kube.isEmpty()) {
            return "hosts: " + hosts;
        }
        return hosts.isEmpty() ? "Kubernetes: " + kube : "Kubernetes: " + kube + " · hosts: " + hosts;
    }
}
