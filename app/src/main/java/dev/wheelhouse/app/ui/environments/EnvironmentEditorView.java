package dev.wheelhouse.app.ui.environments;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.environments.EnvironmentEditorViewModel.HostRow;
import dev.wheelhouse.app.ui.environments.EnvironmentEditorViewModel.KubeTargetRow;
import dev.wheelhouse.core.workspace.Tier;
import java.util.function.Function;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableStringValue;
import javafx.collections.ListChangeListener;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * Adding or editing an environment: its name, tier, colour and read-only flag, its Kubernetes
 * targets and its hosts. Problems show under the field they are about, Save is disabled while
 * there are any, and a failed save is shown here with every field kept as typed.
 */
public final class EnvironmentEditorView {
    public static final String ID = "environment-editor";
    public static final String ID_NAME = "editor-name";
    public static final String ID_NAME_ERROR = "editor-name-error";
    public static final String ID_TIER = "editor-tier";
    public static final String ID_TIER_ERROR = "editor-tier-error";
    public static final String ID_TIER_BADGE = "editor-tier-badge";
    public static final String ID_COLOUR = "editor-colour";
    public static final String ID_COLOUR_ERROR = "editor-colour-error";
    public static final String ID_READ_ONLY = "editor-read-only";
    public static final String ID_ADD_KUBE = "editor-add-kube-target";
    public static final String ID_ADD_HOST = "editor-add-host";
    public static final String ID_KUBE_ROWS = "editor-kube-targets";
    public static final String ID_HOST_ROWS = "editor-hosts";
    public static final String ID_SAVE = "editor-save";
    public static final String ID_CANCEL = "editor-cancel";
    public static final String ID_SAVE_ERROR = "editor-save-error";
    public static final String ID_OTHER_ERRORS = "editor-other-errors";

    private static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final EnvironmentEditorViewModel viewModel;
    private final Dialog<ButtonType> dialog = new Dialog<>();
    private final VBox kubeRows = new VBox(8);
    private final VBox hostRows = new VBox(8);

    public EnvironmentEditorView(Window owner, EnvironmentEditorViewModel viewModel) {
        this.viewModel = viewModel;
        dialog.initOwner(owner);
        dialog.initModality(Modality.WINDOW_MODAL);
        dialog.setTitle(viewModel.isNew() ? "Add environment" : "Edit environment " + viewModel.originalName());
        dialog.setResizable(true);

        var pane = dialog.getDialogPane();
        pane.setId(ID);
        pane.getStyleClass().add(Css.EDITOR);
        pane.getStylesheets().add(Css.STYLESHEET);
        pane.getButtonTypes().setAll(ButtonType.CANCEL, SAVE);
        pane.setContent(content());
        pane.setMinWidth(800);
        pane.setPrefWidth(800);

        Button save = (Button) pane.lookupButton(SAVE);
        save.setId(ID_SAVE);
        save.getStyleClass().add(Styles.ACCENT);
        save.disableProperty().bind(viewModel.validProperty().not().or(viewModel.savingProperty()));
        save.textProperty().bind(Bindings.when(viewModel.savingProperty()).then("Saving…").otherwise("Save"));
        // Saving runs in the background: keep the dialog open until it succeeds.
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            viewModel.save();
        });
        pane.lookupButton(ButtonType.CANCEL).setId(ID_CANCEL);
        viewModel.savedProperty().addListener((obs, was, now) -> {
            if (now) {
                dialog.setResult(SAVE);
                dialog.close();
            }
        });
    }

    private Node content() {
        TextField name = new TextField();
        name.setId(ID_NAME);
        name.setPromptText("e.g. prod-eu");
        name.textProperty().bindBidirectional(viewModel.nameProperty());

        ComboBox<Tier> tier = new ComboBox<>();
        tier.setId(ID_TIER);
        tier.getItems().setAll(Tier.PRODUCTION, Tier.STAGING, Tier.DEVELOPMENT);
        tier.valueProperty().bindBidirectional(viewModel.tierProperty());
        tier.setCellFactory(ignored -> new TierCell());
        tier.setButtonCell(new TierCell());
        tier.setMaxWidth(Double.MAX_VALUE);

        TextField colour = new TextField();
        colour.setId(ID_COLOUR);
        colour.textProperty().bindBidirectional(viewModel.colourProperty());
        colour.promptTextProperty().bind(Bindings.createStringBinding(
                () -> "tier default " + (viewModel.tierProperty().get() == null ? "" : viewModel.tierProperty().get().defaultColour()),
                viewModel.tierProperty()));
        Region swatch = new Region();
        swatch.getStyleClass().add("colour-swatch");
        swatch.styleProperty().bind(Bindings.createStringBinding(() -> {
            String c = viewModel.colourProperty().get();
            Tier t = viewModel.tierProperty().get();
            String paint = c != null && c.trim().matches("#[0-9A-Fa-f]{6}") ? c.trim() : t == null ? "transparent" : t.defaultColour();
            return "-fx-background-color: " + paint + ";";
        }, viewModel.colourProperty(), viewModel.tierProperty()));
        HBox.setHgrow(colour, Priority.ALWAYS);
        HBox colourBox = new HBox(8, colour, swatch);
        colourBox.setAlignment(Pos.CENTER_LEFT);

        CheckBox readOnly = new CheckBox("Read-only — dangerous actions are not offered for this environment");
        readOnly.setId(ID_READ_ONLY);
        readOnly.selectedProperty().bindBidirectional(viewModel.readOnlyProperty());

        GridPane form = new GridPane();
        form.setHgap(12);
        form.setVgap(4);
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(labels, fields);
        int r = 0;
        form.addRow(r++, label("Name"), name);
        form.add(error(ID_NAME_ERROR, viewModel.nameErrorProperty()), 1, r++);
        form.addRow(r++, label("Tier"), tier);
        form.add(error(ID_TIER_ERROR, viewModel.tierErrorProperty()), 1, r++);
        form.addRow(r++, label("Colour"), colourBox);
        form.add(error(ID_COLOUR_ERROR, viewModel.colourErrorProperty()), 1, r++);
        form.add(readOnly, 1, r++);
        GridPane.setMargin(readOnly, new Insets(6, 0, 0, 0));

        Button addKube = new Button("Add context", new FontIcon(Feather.PLUS));
        addKube.setId(ID_ADD_KUBE);
        addKube.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addKube.setMinWidth(Region.USE_PREF_SIZE);
        addKube.setOnAction(e -> {
            viewModel.addKubeTarget();
            focusLast(kubeRows);
        });
        Button addHost = new Button("Add host", new FontIcon(Feather.PLUS));
        addHost.setId(ID_ADD_HOST);
        addHost.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        addHost.setMinWidth(Region.USE_PREF_SIZE);
        addHost.setOnAction(e -> {
            viewModel.addHost();
            focusLast(hostRows);
        });

        kubeRows.setId(ID_KUBE_ROWS);
        hostRows.setId(ID_HOST_ROWS);
        rebuildKube();
        rebuildHosts();
        viewModel.kubeTargets().addListener((ListChangeListener<KubeTargetRow>) c -> {
            if (structural(c)) {
                rebuildKube();
            }
        });
        viewModel.hosts().addListener((ListChangeListener<HostRow>) c -> {
            if (structural(c)) {
                rebuildHosts();
            }
        });

        Message saveError = new Message("Not saved", "");
        saveError.setId(ID_SAVE_ERROR);
        saveError.getStyleClass().add(Styles.DANGER);
        saveError.descriptionProperty().bind(viewModel.saveErrorProperty());
        saveError.visibleProperty().bind(viewModel.saveErrorProperty().isNotNull());
        saveError.managedProperty().bind(saveError.visibleProperty());

        Label other = error(ID_OTHER_ERRORS, viewModel.otherErrorsProperty());

        Label heading = new Label(viewModel.isNew() ? "Add environment" : "Edit environment",
                new FontIcon(viewModel.isNew() ? Feather.PLUS_CIRCLE : Feather.EDIT_2));
        heading.getStyleClass().add(Styles.TITLE_3);
        heading.setGraphicTextGap(10);
        // The tier badge follows the choice, so choosing production is never a quiet change.
        HBox headingBox = new HBox(12, heading);
        headingBox.setAlignment(Pos.CENTER_LEFT);
        Runnable showTier = () -> {
            headingBox.getChildren().setAll(heading);
            Tier chosen = viewModel.tierProperty().get();
            if (chosen != null) {
                Label badge = dev.wheelhouse.app.ui.common.Badges.tier(chosen);
                badge.setId(ID_TIER_BADGE);
                headingBox.getChildren().add(badge);
            }
        };
        viewModel.tierProperty().addListener((obs, was, now) -> showTier.run());
        showTier.run();
        VBox body = new VBox(12,
                headingBox,
                form,
                new Separator(),
                section("Kubernetes targets", "A kubeconfig context and its namespaces (comma-separated; none = the context's default).", addKube),
                kubeRows,
                new Separator(),
                section("Hosts", "SSH aliases from your ssh config; host name, port and user override it when set.", addHost),
                hostRows,
                other,
                saveError);
        body.setPadding(new Insets(16, 20, 8, 20));
        ScrollPane scroll = new ScrollPane(body);
        scroll.setFitToWidth(true);
        scroll.setPrefViewportHeight(520);
        scroll.getStyleClass().add(atlantafx.base.theme.Tweaks.EDGE_TO_EDGE);
        return scroll;
    }

    private static boolean structural(ListChangeListener.Change<?> c) {
        while (c.next()) {
            if (c.wasAdded() || c.wasRemoved() || c.wasPermutated()) {
                return true;
            }
        }
        return false;
    }

    private void rebuildKube() {
        kubeRows.getChildren().clear();
        if (viewModel.kubeTargets().isEmpty()) {
            kubeRows.getChildren().add(muted("No Kubernetes targets."));
        }
        for (int i = 0; i < viewModel.kubeTargets().size(); i++) {
            KubeTargetRow row = viewModel.kubeTargets().get(i);
            TextField context = field("editor-kube-context-" + i, "context", row.contextProperty());
            TextField namespaces = field("editor-kube-namespaces-" + i, "namespaces, comma-separated", row.namespacesProperty());
            HBox.setHgrow(context, Priority.ALWAYS);
            HBox.setHgrow(namespaces, Priority.ALWAYS);
            context.setPrefColumnCount(14);
            namespaces.setPrefColumnCount(22);
            Button remove = removeButton("editor-kube-remove-" + i, () -> viewModel.kubeTargets().remove(row));
            HBox line = new HBox(8, context, namespaces, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add(Css.EDITOR_ROW);
            kubeRows.getChildren().addAll(line,
                    error("editor-kube-context-error-" + i, row.contextErrorProperty()),
                    error("editor-kube-namespaces-error-" + i, row.namespacesErrorProperty()));
        }
    }

    private void rebuildHosts() {
        hostRows.getChildren().clear();
        if (viewModel.hosts().isEmpty()) {
            hostRows.getChildren().add(muted("No hosts."));
        }
        for (int i = 0; i < viewModel.hosts().size(); i++) {
            HostRow row = viewModel.hosts().get(i);
            TextField alias = field("editor-host-alias-" + i, "ssh alias", row.aliasProperty());
            TextField hostName = field("editor-host-name-" + i, "host name (optional)", row.hostNameProperty());
            TextField port = field("editor-host-port-" + i, "port", row.portProperty());
            TextField user = field("editor-host-user-" + i, "user (optional)", row.userProperty());
            alias.setPrefColumnCount(10);
            hostName.setPrefColumnCount(12);
            port.setPrefColumnCount(4);
            user.setPrefColumnCount(8);
            HBox.setHgrow(alias, Priority.ALWAYS);
            HBox.setHgrow(hostName, Priority.ALWAYS);
            Button remove = removeButton("editor-host-remove-" + i, () -> viewModel.hosts().remove(row));
            HBox line = new HBox(8, alias, hostName, port, user, remove);
            line.setAlignment(Pos.CENTER_LEFT);
            line.getStyleClass().add(Css.EDITOR_ROW);
            hostRows.getChildren().addAll(line,
                    error("editor-host-alias-error-" + i, row.aliasErrorProperty()),
                    error("editor-host-port-error-" + i, row.portErrorProperty()));
        }
    }

    private static void focusLast(VBox rows) {
        rows.getChildren().stream()
                .filter(n -> n instanceof HBox)
                .reduce((a, b) -> b)
                .flatMap(line -> ((HBox) line).getChildren().stream().findFirst())
                .ifPresent(Node::requestFocus);
    }

    private static TextField field(String id, String prompt, javafx.beans.property.StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static Button removeButton(String id, Runnable remove) {
        Button button = new Button(null, new FontIcon(Feather.X));
        button.setId(id);
        button.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.DANGER);
        button.setTooltip(new Tooltip("Remove"));
        button.setOnAction(e -> remove.run());
        return button;
    }

    private static Node section(String title, String hint, Button add) {
        Label t = new Label(title);
        t.getStyleClass().add(Css.SECTION_TITLE);
        Label h = new Label(hint);
        h.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        h.setWrapText(true);
        VBox text = new VBox(2, t, h);
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox box = new HBox(8, text, add);
        box.setAlignment(Pos.CENTER_LEFT);
        return box;
    }

    private static Label label(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        return label;
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    /** An error line that takes no room while there is no error. */
    static Label error(String id, ObservableStringValue message) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add(Css.FIELD_ERROR);
        label.setWrapText(true);
        label.setGraphic(new FontIcon(Feather.ALERT_CIRCLE));
        label.textProperty().bind(message);
        label.visibleProperty().bind(Bindings.createBooleanBinding(() -> message.get() != null, message));
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    public void show() {
        dialog.show();
        dialog.getDialogPane().lookup("#" + ID_NAME).requestFocus();
    }

    public Dialog<ButtonType> dialog() {
        return dialog;
    }

    private static final class TierCell extends ListCell<Tier> {
        private static final Function<Tier, String> DESCRIBE = t -> switch (t) {
            case PRODUCTION -> "Production — every guardrail";
            case STAGING -> "Staging";
            case DEVELOPMENT -> "Development";
        };

        @Override
        protected void updateItem(Tier tier, boolean empty) {
            super.updateItem(tier, empty);
            if (empty || tier == null) {
                setText("Choose a tier");
                setGraphic(null);
                return;
            }
            Region dot = new Region();
            dot.getStyleClass().add("colour-swatch-small");
            dot.setStyle("-fx-background-color: " + tier.defaultColour() + ";");
            setText(DESCRIBE.apply(tier));
            setGraphic(dot);
        }
    }
}
