package dev.wheelhouse.app.ui.hosts;

import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.hosts.ConnectionState;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.hosts.HostSession;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;
import org.kordamp.ikonli.feather.Feather;
import org.kordamp.ikonli.javafx.FontIcon;

/**
 * The hosts of one environment, live: a card per host with its state, host key, figures,
 * charts, disks and network. Construction starts every host's session and metrics in the
 * background; {@link #close()} stops them (and any log window opened from here). Embeddable:
 * the environment's Compute tab puts it beside the cluster's nodes.
 */
public final class HostsView extends BorderPane implements AutoCloseable {
    public static final String ID = "hosts-view";
    public static final String ID_SUMMARY = "hosts-summary";

    private final HostsViewModel viewModel;
    private final UiExecutor executor;
    private final String defaultUnit;
    private final List<HostCard> cards = new ArrayList<>();
    private final List<LogViewerWindow> logWindows = new ArrayList<>();
    private final Label summary = new Label();
    private HBox header;
    private final Timeline tick;

    public HostsView(HostGateway gateway, Environment environment, UiExecutor executor) {
        this(gateway, environment, executor, List.of());
    }

    /** With the workspace's applications: a host service's systemd unit is sampled and is the logs' default. */
    public HostsView(HostGateway gateway, Environment environment, UiExecutor executor, List<Application> applications) {
        this(gateway, environment, executor, new MetricsSpec(MetricsSpec.DEFAULT_INTERVAL, unitOf(applications).orElse(null)),
                HostsViewModel.FlushScheduler.after(HostsViewModel.FLUSH_PERIOD));
    }

    HostsView(HostGateway gateway, Environment environment, UiExecutor executor, MetricsSpec spec, HostsViewModel.FlushScheduler scheduler) {
        this.executor = executor;
        this.defaultUnit = spec.service();
        this.viewModel = new HostsViewModel(gateway, environment, executor, scheduler, spec);
        setId(ID);
        getStyleClass().add("hosts-view");

        Label title = new Label("Hosts", new FontIcon(Feather.SERVER));
        title.getStyleClass().add(Css.SECTION_TITLE);
        summary.setId(ID_SUMMARY);
        summary.getStyleClass().add(HostCard.MUTED);
        header = new HBox(12, title, summary);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("hosts-header");
        setTop(header);

        VBox list = new VBox(12);
        list.getStyleClass().add("hosts-list");
        for (HostCardModel model : viewModel.hosts()) {
            HostCard card = new HostCard(model, () -> openLogs(model), () -> viewModel.reconnect(model), () -> askAboutKey(model, true));
            model.stateProperty().addListener((obs, was, now) -> {
                askAboutKey(model, false);
                refreshSummary();
            });
            cards.add(card);
            list.getChildren().add(card);
        }
        if (cards.isEmpty()) {
            Label empty = new Label("This environment has no hosts. Add SSH aliases to it in the environment editor.",
                    new FontIcon(Feather.SERVER));
            empty.getStyleClass().add(Css.EMPTY_STATE);
            list.getChildren().add(empty);
        }
        ScrollPane scroll = new ScrollPane(list);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("hosts-scroll");
        setCenter(scroll);
        refreshSummary();

        // Only redraws "retry in N s" on the cards; no I/O.
        tick = new Timeline(new KeyFrame(javafx.util.Duration.seconds(1), e -> {
            Instant now = Instant.now();
            for (HostCard card : cards) {
                ConnectionState s = card.model().state();
                if (s != null && s.phase() == ConnectionState.Phase.DOWN && s.nextAttempt() != null) {
                    card.refreshState(now);
                }
            }
        }));
        tick.setCycleCount(Animation.INDEFINITE);
        tick.play();
        viewModel.start();
    }

    private static Optional<String> unitOf(List<Application> applications) {
        return applications == null ? Optional.empty()
                : applications.stream().map(HostFormat::unitOf).flatMap(Optional::stream).findFirst();
    }

    /**
     * Adds, for each application with a service on hosts, a menu to deploy it to these hosts or
     * roll it back (the host wizards). A read-only environment shows the menu disabled.
     */
    public void offerReleases(Environment environment, List<Application> applications,
                              dev.wheelhouse.app.ui.hostops.HostOperations operations) {
        for (Application app : applications) {
            if (app.hostService() == null || environment.hosts().isEmpty()) {
                continue;
            }
            javafx.scene.control.MenuItem deploy = new javafx.scene.control.MenuItem("Deploy " + app.name() + "…");
            deploy.setId("host-deploy-" + app.name());
            deploy.setOnAction(e -> operations.open(dev.wheelhouse.app.ui.hostops.HostOperations.Operation.DEPLOY, environment, app));
            javafx.scene.control.MenuItem rollback = new javafx.scene.control.MenuItem("Roll back " + app.name() + "…");
            rollback.setId("host-rollback-" + app.name());
            rollback.setOnAction(e -> operations.open(dev.wheelhouse.app.ui.hostops.HostOperations.Operation.ROLLBACK, environment, app));
            javafx.scene.control.MenuButton menu = new javafx.scene.control.MenuButton(app.name() + " releases",
                    new FontIcon(Feather.PACKAGE), deploy, rollback);
            menu.setId("host-releases-" + app.name());
            if (environment.readOnly()) {
                menu.setDisable(true);
                menu.setTooltip(new javafx.scene.control.Tooltip(environment.name() + " is read-only"));
            }
            header.getChildren().add(menu);
        }
    }

    public HostsViewModel viewModel() {
        return viewModel;
    }

    private void refreshSummary() {
        int up = 0;
        int down = 0;
        for (HostCardModel m : viewModel.hosts()) {
            ConnectionState s = m.state();
            if (s != null && s.isUp()) {
                up++;
            } else if (s != null && (s.phase() == ConnectionState.Phase.DOWN || s.phase() == ConnectionState.Phase.RECONNECTING)) {
                down++;
            }
        }
        int total = viewModel.hosts().size();
        summary.setText(total + (total == 1 ? " host" : " hosts") + " · " + up + " up" + (down > 0 ? " · " + down + " down" : ""));
    }

    private Window window() {
        return getScene() == null ? null : getScene().getWindow();
    }

    /** Opens the unknown-key dialog once per refused key (or again when the user asks). */
    private void askAboutKey(HostCardModel model, boolean userAsked) {
        ConnectionState state = model.state();
        if (state == null || state.unknownKey() == null || state.phase() == ConnectionState.Phase.UP
                || model.keyPromptOpenProperty().get() || viewModel.isClosed()) {
            return;
        }
        if (!userAsked && model.keyRefusedProperty().get()) {
            return;
        }
        model.keyPromptOpenProperty().set(true);
        HostKeyDialog dialog = new HostKeyDialog(state.unknownKey(), window());
        dialog.setOnHidden(e -> {
            model.keyPromptOpenProperty().set(false);
            if (viewModel.isClosed()) {
                return;
            }
            if (Boolean.TRUE.equals(dialog.getResult())) {
                viewModel.acceptHostKey(model, state.unknownKey());
            } else {
                viewModel.refuseHostKey(model);
            }
        });
        dialog.show();
    }

    /** Opens a log window for the host (null while its session is not open yet). */
    LogViewerWindow openLogs(HostCardModel model) {
        HostSession session = model.session();
        if (session == null) {
            return null;
        }
        LogViewerWindow window = new LogViewerWindow(session, executor, defaultUnit, window(), Css.STYLESHEET);
        if (getScene() != null) {
            window.getScene().getStylesheets().setAll(getScene().getStylesheets());
        }
        logWindows.add(window);
        window.setOnHiding(e -> logWindows.remove(window));
        window.show();
        return window;
    }

    List<LogViewerWindow> logWindows() {
        return List.copyOf(logWindows);
    }

    /** Stops the sessions, their metrics and every log follow opened from here. */
    @Override
    public void close() {
        tick.stop();
        for (LogViewerWindow w : List.copyOf(logWindows)) {
            w.close();
            w.viewModel().close();
        }
        logWindows.clear();
        viewModel.close();
    }
}
