package dev.wheelhouse.app.ui.environments;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveView;
import dev.wheelhouse.app.ui.common.Badges;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.connections.ConnectionState;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailViewModel.TargetRow;
import dev.wheelhouse.core.workspace.Environment;
import java.util.function.Function;
import java.util.function.Predicate;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;
import org.kordamp.ikonli.Ikon;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The selected environment: a header (name, tier, read-only, SANDBOX), a red band for
 * production, and its targets with their connection state. An environment with Kubernetes
 * targets shows live in tabs (the targets in its Overview); the live view is closed, with its
 * watches, when another environment is selected.
 */
public final class EnvironmentDetailView extends ScrollPane {
    public static final String ID = "environment-detail";
    public static final String ID_NAME = "environment-name";
    public static final String ID_TIER_BADGE = "environment-tier-badge";
    public static final String ID_READ_ONLY_BADGE = "environment-read-only-badge";
    public static final String ID_PRODUCTION_BAND = "environment-production-band";
    public static final String ID_KUBE_TARGETS = "environment-kube-targets";
    public static final String ID_HOSTS = "environment-hosts";
    public static final String ID_LIVE_PLACEHOLDER = "environment-live-placeholder";
    public static final String ID_SANDBOX_BADGE = "environment-sandbox-badge";

    private final Function<Environment, Node> hostViews;
    private Node hostsLive;
    private Environment hostsLiveOf;
    private final EnvironmentDetailViewModel viewModel;
    private final ActionRegistry actions;
    private final Function<Environment, EnvironmentLiveView> liveViews;
    private final Predicate<Environment> sandbox;
    private final VBox content = new VBox(18);
    private EnvironmentLiveView live;

    public EnvironmentDetailView(EnvironmentDetailViewModel viewModel, ActionRegistry actions) {
        this(viewModel, actions, null, env -> false);
    }

    /**
     * @param liveViews makes the live view of an environment with Kubernetes targets (null: none)
     * @param sandbox tells the practice sandbox's environments, which are labelled SANDBOX
     */
    public EnvironmentDetailView(EnvironmentDetailViewModel viewModel, ActionRegistry actions,
            Function<Environment, EnvironmentLiveView> liveViews, Predicate<Environment> sandbox) {
        this(viewModel, actions, liveViews, sandbox, null);
    }

    /**
     * @param hostViews makes the live host cards of an environment that has hosts but no
     *     Kubernetes targets (null: none); the node is closed when another environment is shown
     */
    public EnvironmentDetailView(EnvironmentDetailViewModel viewModel, ActionRegistry actions,
            Function<Environment, EnvironmentLiveView> liveViews, Predicate<Environment> sandbox,
            Function<Environment, Node> hostViews) {
        this.hostViews = hostViews;
        this.viewModel = viewModel;
        this.actions = actions;
        this.liveViews = liveViews;
        this.sandbox = sandbox;
        setId(ID);
        getStyleClass().addAll(Css.DETAIL, Tweaks.EDGE_TO_EDGE);
        setFitToWidth(true);
        content.getStyleClass().add("detail-content");
        setContent(content);
        viewModel.environmentProperty().addListener((obs, was, now) -> render());
        viewModel.kubeRows().addListener((ListChangeListener<TargetRow>) c -> render());
        viewModel.hostRows().addListener((ListChangeListener<TargetRow>) c -> render());
        render();
    }

    private void render() {
        Environment env = viewModel.environmentProperty().get();
        content.getChildren().clear();
        boolean liveShown = env != null && liveViews != null && !env.kubeTargets().isEmpty();
        if (live != null && (!liveShown || !live.viewModel().environment().equals(env))) {
            // Another environment (or none): its watches stop here.
            live.close();
            live = null;
        }
        boolean hostsShown = env != null && !liveShown && hostViews != null && !env.hosts().isEmpty();
        if (hostsLive != null && (!hostsShown || !env.equals(hostsLiveOf))) {
            closeHosts();
        }
        setFitToHeight(liveShown);
        if (env == null) {
            return;
        }
        if (env.tier().isProduction()) {
            Label band = new Label("PRODUCTION  —  live users depend on this environment; removing it asks for its name.",
                    new FontIcon(Feather.ALERT_TRIANGLE));
            band.setId(ID_PRODUCTION_BAND);
            band.getStyleClass().add(Css.PRODUCTION_BAND);
            band.setMaxWidth(Double.MAX_VALUE);
            content.getChildren().add(band);
        }
        if (liveShown) {
            if (live == null) {
                live = liveViews.apply(env);
            }
            live.setTargets(targets(env));
            VBox.setVgrow(live, Priority.ALWAYS);
            content.getChildren().addAll(header(env), live);
            return;
        }
        if (hostsShown) {
            if (hostsLive == null) {
                hostsLive = hostViews.apply(env);
                hostsLiveOf = env;
            }
            content.getChildren().addAll(header(env), targets(env), hostsLive);
            return;
        }
        content.getChildren().addAll(header(env), targets(env), livePlaceholder(env));
    }

    private void closeHosts() {
        if (hostsLive instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                // Closing only stops background sampling; nothing to tell the user.
            }
        }
        hostsLive = null;
        hostsLiveOf = null;
    }

    /** The live view showing now, if any. */
    public EnvironmentLiveView live() {
        return live;
    }

    /** Stops the live view's watches (the window is closing). */
    public void close() {
        closeHosts();
        if (live != null) {
            live.close();
            live = null;
        }
    }

    private Node header(Environment env) {
        Circle dot = new Circle(7);
        dot.setStyle("-fx-fill: " + env.effectiveColour() + ";");
        Label name = new Label(env.name());
        name.setId(ID_NAME);
        name.getStyleClass().add(Styles.TITLE_2);
        Label tier = Badges.tier(env.tier());
        tier.setId(ID_TIER_BADGE);
        HBox title = new HBox(10, dot, name, tier);
        title.setAlignment(Pos.CENTER_LEFT);
        if (sandbox.test(env)) {
            Label badge = Badges.sandbox();
            badge.setId(ID_SANDBOX_BADGE);
            badge.setTooltip(new Tooltip("The practice sandbox: runs inside Wheelhouse, is never saved to the workspace"));
            title.getChildren().add(badge);
        }
        if (env.readOnly()) {
            Label readOnly = Badges.readOnly();
            readOnly.setId(ID_READ_ONLY_BADGE);
            readOnly.setTooltip(new Tooltip("Read-only: dangerous actions are not offered for this environment"));
            title.getChildren().add(readOnly);
        }
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button edit = actions.bind(new Button("Edit", new FontIcon(Feather.EDIT_2)), ActionIds.EDIT_ENVIRONMENT);
        edit.setId("detail-edit");
        Button remove = actions.bind(new Button("Remove", new FontIcon(Feather.TRASH_2)), ActionIds.REMOVE_ENVIRONMENT);
        remove.setId("detail-remove");
        remove.getStyleClass().addAll(Styles.DANGER, Styles.BUTTON_OUTLINED);
        HBox header = new HBox(10, title, spacer, edit, remove);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add(Css.DETAIL_HEADER);

        Label summary = new Label(summary(env));
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        return new VBox(4, header, summary);
    }

    private static String summary(Environment env) {
        String tier = env.tier().id() + " tier";
        String targets = EnvironmentListView.describeTargets(env);
        return env.readOnly() ? tier + " · " + targets + " · read-only" : tier + " · " + targets;
    }

    private Node targets(Environment env) {
        Label title = sectionTitle("Targets");
        if (!env.hasTargets()) {
            Label none = new Label("No targets yet. Edit the environment (" + shortcut(ActionIds.EDIT_ENVIRONMENT)
                    + ") to add a Kubernetes context with its namespaces, or an SSH host.");
            none.setWrapText(true);
            none.getStyleClass().add(Styles.TEXT_MUTED);
            VBox card = card(none);
            return new VBox(8, title, card);
        }
        VBox box = new VBox(12, title);
        if (!viewModel.kubeRows().isEmpty()) {
            VBox kube = card(subTitle("Kubernetes", Feather.CLOUD));
            kube.setId(ID_KUBE_TARGETS);
            viewModel.kubeRows().forEach(row -> kube.getChildren().add(targetRow(row, Feather.LAYERS)));
            box.getChildren().add(kube);
        }
        if (!viewModel.hostRows().isEmpty()) {
            VBox hosts = card(subTitle("Hosts", Feather.SERVER));
            hosts.setId(ID_HOSTS);
            viewModel.hostRows().forEach(row -> hosts.getChildren().add(targetRow(row, Feather.TERMINAL)));
            box.getChildren().add(hosts);
        }
        return box;
    }

    private static Node targetRow(TargetRow row, Ikon ikon) {
        Label name = new Label(row.title(), new FontIcon(ikon));
        name.getStyleClass().add(Styles.TEXT_BOLD);
        name.setMinWidth(Region.USE_PREF_SIZE);
        HBox line = new HBox(10, name);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add(Css.TARGET_ROW);
        if (!row.namespaces().isEmpty()) {
            FlowPane chips = new FlowPane(6, 4);
            row.namespaces().forEach(ns -> {
                Label chip = new Label(ns);
                chip.getStyleClass().add(Css.NAMESPACE_CHIP);
                chips.getChildren().add(chip);
            });
            HBox.setHgrow(chips, Priority.ALWAYS);
            line.getChildren().add(chips);
        } else {
            Label detail = new Label(row.detail());
            detail.getStyleClass().add(Styles.TEXT_MUTED);
            Region spacer = new Region();
            HBox.setHgrow(spacer, Priority.ALWAYS);
            line.getChildren().addAll(detail, spacer);
        }
        line.getChildren().add(connectionChip(row.state()));
        return line;
    }

    static Label connectionChip(ConnectionState state) {
        Label chip = new Label(state.status().label(), new Circle(4));
        chip.getStyleClass().addAll(Css.CONNECTION_CHIP, Css.stateClass(state.status()));
        chip.setMinWidth(Region.USE_PREF_SIZE);
        if (!state.detail().isEmpty()) {
            chip.setTooltip(new Tooltip(state.detail()));
        }
        return chip;
    }

    private static Node livePlaceholder(Environment env) {
        FontIcon icon = new FontIcon(Feather.ACTIVITY);
        icon.getStyleClass().add(Css.EMPTY_STATE_ICON);
        Label title = new Label("Live views arrive with the cluster views");
        title.getStyleClass().add(Styles.TITLE_4);
        Label text = new Label("This is where " + env.name() + " will show live: its workloads, compute (nodes and hosts), "
                + "storage, network and metrics, from each Kubernetes context and host above.");
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        HBox kinds = new HBox(16,
                kind("Workloads", Feather.BOX),
                kind("Compute", Feather.CPU),
                kind("Storage", Feather.HARD_DRIVE),
                kind("Network", Feather.GLOBE),
                kind("Metrics", Feather.BAR_CHART_2));
        kinds.setAlignment(Pos.CENTER);
        VBox box = new VBox(10, icon, title, text, kinds);
        box.setId(ID_LIVE_PLACEHOLDER);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add(Css.EMPTY_STATE);
        text.setMaxWidth(560);
        text.setAlignment(Pos.CENTER);
        text.setTextAlignment(javafx.scene.text.TextAlignment.CENTER);
        return box;
    }

    private static Label kind(String name, Ikon ikon) {
        Label label = new Label(name, new FontIcon(ikon));
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private static VBox card(Node first) {
        VBox card = new VBox(10, first);
        card.getStyleClass().add(Css.TARGET_CARD);
        return card;
    }

    private static Label sectionTitle(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Css.SECTION_TITLE);
        return label;
    }

    private static Label subTitle(String text, Ikon ikon) {
        Label label = new Label(text, new FontIcon(ikon));
        label.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.TEXT_MUTED);
        return label;
    }

    private String shortcut(String actionId) {
        return actions.get(actionId).shortcutText();
    }
}
