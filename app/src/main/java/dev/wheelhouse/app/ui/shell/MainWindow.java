package dev.wheelhouse.app.ui.shell;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.hostops.HostWizards;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.actions.AppAction;
import dev.wheelhouse.app.ui.cluster.ClusterActions;
import dev.wheelhouse.app.ui.cluster.DeferredNode;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveView;
import dev.wheelhouse.app.ui.cluster.EnvironmentLiveViewModel;
import dev.wheelhouse.app.ui.cluster.SandboxOfferView;
import dev.wheelhouse.app.ui.cluster.SandboxViewModel;
import dev.wheelhouse.app.ui.cluster.VersionMatrixView;
import dev.wheelhouse.app.ui.cluster.VersionMatrixViewModel;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.connections.ConnectionStates;
import dev.wheelhouse.app.ui.connections.TargetId;
import dev.wheelhouse.app.ui.environments.DiscoveryProposalView;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailView;
import dev.wheelhouse.app.ui.environments.EnvironmentDetailViewModel;
import dev.wheelhouse.app.ui.environments.EnvironmentEditorView;
import dev.wheelhouse.app.ui.environments.EnvironmentEditorViewModel;
import dev.wheelhouse.app.ui.environments.EnvironmentListView;
import dev.wheelhouse.app.ui.environments.RemoveEnvironmentView;
import dev.wheelhouse.app.ui.environments.RemoveEnvironmentViewModel;
import dev.wheelhouse.app.ui.environments.WorkspaceStateView;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel;
import dev.wheelhouse.app.ui.hosts.HostsView;
import dev.wheelhouse.app.ui.ops.OperationWizards;
import dev.wheelhouse.app.ui.ops.OperationsActions;
import dev.wheelhouse.app.ui.ops.WorkloadOperations;
import dev.wheelhouse.app.ui.palette.CommandPaletteView;
import dev.wheelhouse.app.ui.palette.CommandPaletteViewModel;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.ClusterGateway;
import dev.wheelhouse.core.cluster.PracticeSandbox;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.RunMarkers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.kordamp.ikonli.feather.Feather;

/**
 * Puts the console together: the view-models, the one action registry, the views, and the
 * stage. {@code WheelhouseFx} uses it for the real window; the TestFX tests use it directly.
 */
public final class MainWindow {
    public static final String TITLE = "Wheelhouse";
    public static final double WIDTH = 1280;
    public static final double HEIGHT = 800;
    public static final double MIN_WIDTH = 900;
    public static final double MIN_HEIGHT = 560;
    private static final String SANDBOX_STARTING = "Starting the practice sandbox";

    private final AppServices services;
    private final UiExecutor executor;
    private final Runnable quit;
    private final Notices notices = new Notices();
    private final ConnectionStates connections = new ConnectionStates();
    private final WorkspaceViewModel workspace;
    private final HistoryStatusViewModel history;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ActionRegistry actions = new ActionRegistry();
    private final SandboxViewModel sandbox;
    private final OperationWizards operations;
    private Stage stage;
    private CommandPaletteView palette;
    private EnvironmentDetailView detail;
    private volatile PracticeSandbox.Session sandboxSession;

    /**
     * @param quit what Quit does (the application: Platform::exit; tests: close the stage)
     */
    public MainWindow(AppServices services, UiExecutor executor, Runnable quit) {
        this.services = Objects.requireNonNull(services);
        this.executor = Objects.requireNonNull(executor);
        this.quit = Objects.requireNonNull(quit);
        this.workspace = new WorkspaceViewModel(services.workspace(), services.discovery(), executor, notices);
        this.history = new HistoryStatusViewModel(services.history(), executor);
        this.sandbox = new SandboxViewModel(services.sandbox(), executor, this::sandboxRunning);
        sandbox.stateProperty().addListener((obs, was, now) -> {
            if (now == SandboxViewModel.State.FAILED) {
                dismissSandboxStarting();
                notices.post(Notices.Kind.DANGER, "The practice sandbox could not start", sandbox.messageProperty().get());
            }
        });
        this.operations = new OperationWizards(new OperationWizards.Services(executor, () -> stage, history::store,
                this::kubeconfigFor, services.kubeOperations(), workspace::isSandbox,
                () -> List.copyOf(workspace.environments()), this::applications, notices, RunMarkers.in(services.dataDir())));
        registerActions();
        OperationsActions.register(actions, operations, workspace.selectedProperty(), this::applications, () -> stage);
        workspace.environments().addListener((ListChangeListener<Environment>) c -> trackTargets());
        // Operations a dead process left unfinished: looked for once the history is open, and
        // again when the environments shown change (the workspace read, the sandbox opened).
        history.stateProperty().addListener((obs, was, now) -> {
            if (now == HistoryStatusViewModel.State.OPEN) {
                operations.scanInterrupted();
            }
        });
        workspace.environments().addListener((ListChangeListener<Environment>) c -> {
            if (history.store().isPresent()) {
                operations.scanInterrupted();
            }
        });
    }

    private void registerActions() {
        var selected = workspace.selectedProperty();
        var editable = workspace.editableProperty();
        var hasSelection = selected.isNotNull();
        var notSandbox = Bindings.createBooleanBinding(() -> !workspace.isSandbox(selected.get()), selected);
        actions.register(AppAction.builder(ActionIds.COMMAND_PALETTE, "Command palette")
                .description("Find and run any action")
                .shortcut("Shortcut+K")
                .icon(Feather.COMMAND)
                .handler(this::openPalette)
                .build());
        actions.register(AppAction.builder(ActionIds.ADD_ENVIRONMENT, "Add environment")
                .shortcut("Shortcut+N")
                .icon(Feather.PLUS)
                .enabledWhen(editable)
                .handler(() -> openEditor(null))
                .build());
        actions.register(AppAction.builder(ActionIds.EDIT_ENVIRONMENT, "Edit environment")
                .shortcut("Shortcut+E")
                .icon(Feather.EDIT_2)
                .enabledWhen(editable.and(hasSelection).and(notSandbox))
                .handler(() -> openEditor(workspace.selected()))
                .build());
        actions.register(AppAction.builder(ActionIds.REMOVE_ENVIRONMENT, "Remove environment")
                .description("Asks first; production asks for the environment's name")
                .shortcut("Shortcut+Delete")
                .icon(Feather.TRASH_2)
                .dangerous()
                // Read-only environments skip the dangerous actions (clear read-only first).
                .enabledWhen(editable.and(hasSelection).and(notSandbox).and(Bindings.createBooleanBinding(
                        () -> selected.get() != null && !selected.get().readOnly(), selected)))
                .handler(this::openRemove)
                .build());
        actions.register(AppAction.builder(ActionIds.NEXT_ENVIRONMENT, "Next environment")
                .shortcut("Alt+Down")
                .icon(Feather.CHEVRON_DOWN)
                .enabledWhen(Bindings.isNotEmpty(workspace.environments()))
                .handler(workspace::selectNext)
                .build());
        actions.register(AppAction.builder(ActionIds.PREVIOUS_ENVIRONMENT, "Previous environment")
                .shortcut("Alt+Up")
                .icon(Feather.CHEVRON_UP)
                .enabledWhen(Bindings.isNotEmpty(workspace.environments()))
                .handler(workspace::selectPrevious)
                .build());
        actions.register(AppAction.builder(ActionIds.RELOAD_WORKSPACE, "Reload workspace")
                .description("Read the workspace file again")
                .shortcut("Shortcut+R")
                .shortcut("F5")
                .icon(Feather.REFRESH_CW)
                .enabledWhen(workspace.busyProperty().not())
                .handler(workspace::load)
                .build());
        actions.register(AppAction.builder(ActionIds.DISCOVER, "Discover environments")
                .description("Propose environments from your kubeconfig contexts and ssh config hosts")
                .shortcut("Shortcut+Shift+D")
                .icon(Feather.COMPASS)
                .enabledWhen(editable.and(workspace.discoveringProperty().not()))
                .handler(() -> workspace.discover(true))
                .build());
        actions.register(AppAction.builder(ClusterActions.OPEN_SANDBOX, "Open practice sandbox")
                .description("Start an in-process Kubernetes API with dev, staging and prod to try everything on")
                .shortcut("Shortcut+Shift+P")
                .icon(Feather.PACKAGE)
                .enabledWhen(sandbox.stateProperty().isNotEqualTo(SandboxViewModel.State.STARTING))
                .handler(this::openSandbox)
                .build());
        actions.register(AppAction.builder(ClusterActions.VERSION_MATRIX, "Version matrix")
                .description("Applications x environments: the running version and health, live")
                .shortcut("Shortcut+M")
                .icon(Feather.GRID)
                .handler(this::openVersionMatrix)
                .build());
        actions.register(AppAction.builder(ActionIds.SHOW_DATA_FOLDER, "Show data folder")
                .description("Where the workspace and the history are kept")
                .icon(Feather.FOLDER)
                .handler(this::showDataFolder)
                .build());
        actions.register(AppAction.builder(ActionIds.TOGGLE_THEME, "Toggle light / dark theme")
                .shortcut("Shortcut+Shift+L")
                .icon(Feather.MOON)
                .handler(() -> theme.set(theme.get().other()))
                .build());
        actions.register(AppAction.builder(ActionIds.QUIT, "Quit Wheelhouse")
                .shortcut("Shortcut+Q")
                .icon(Feather.LOG_OUT)
                .handler(quit)
                .build());
    }

    /** Builds the scene into the stage, shows it, then starts reading in the background. */
    public void show(Stage stage) {
        this.stage = stage;
        EnvironmentListView sidebar = new EnvironmentListView(workspace, actions);
        detail = new EnvironmentDetailView(
                new EnvironmentDetailViewModel(workspace.selectedProperty(), connections), actions,
                env -> new EnvironmentLiveView(
                        new EnvironmentLiveViewModel(env, gatewayFor(env), executor, connections), hostsFor(env), operations()),
                workspace::isSandbox,
                env -> hostsFor(env).get());
        WorkspaceStateView state = new WorkspaceStateView(workspace, actions);
        state.setOffer(new SandboxOfferView(sandbox, actions));
        DiscoveryProposalView proposal = new DiscoveryProposalView(workspace);
        StatusBarView status = new StatusBarView(new StatusBarViewModel(workspace, history, connections), workspace.file());
        ShellView shell = new ShellView(actions, workspace, notices, theme, sidebar, detail, state, proposal, status);

        theme.addListener((obs, was, now) -> now.apply());
        theme.get().apply();

        Scene scene = new Scene(shell, WIDTH, HEIGHT);
        scene.getStylesheets().add(Css.STYLESHEET);
        actions.installShortcuts(scene);
        stage.setTitle(TITLE);
        stage.setScene(scene);
        stage.setMinWidth(MIN_WIDTH);
        stage.setMinHeight(MIN_HEIGHT);
        stage.show();

        workspace.load();
        history.open();
    }

    /** The sandbox's environments are watched through the sandbox's own gateway. */
    private Supplier<ClusterGateway> gatewayFor(Environment env) {
        PracticeSandbox.Session session = sandboxSession;
        if (session != null && workspace.isSandbox(env)) {
            return session::cluster;
        }
        return services.cluster();
    }

    /** The hosts under the nodes in the Compute tab; the SSH gateway is made off the FX thread. */
    private Supplier<javafx.scene.Node> hostsFor(Environment env) {
        if (env.hosts().isEmpty()) {
            return null;
        }
        List<Application> apps = workspace.workspace() == null ? List.of() : workspace.workspace().applications();
        return () -> new DeferredNode<>(executor, "Connecting to the hosts", () -> services.hosts().get(),
                gateway -> {
                    HostsView view = new HostsView(gateway, env, executor, apps);
                    view.offerReleases(env, apps, new HostWizards(() -> stage, gateway, services.history(), executor));
                    return view;
                });
    }

    private void openSandbox() {
        if (sandbox.stateProperty().get() != SandboxViewModel.State.RUNNING) {
            notices.post(Notices.Kind.INFO, SANDBOX_STARTING, "Its environments appear in the sidebar in a few seconds.");
        }
        sandbox.open();
    }

    private void sandboxRunning(PracticeSandbox.Session session) {
        sandboxSession = session;
        dismissSandboxStarting();
        workspace.showSandbox(session.environments());
    }

    /** The workspace's applications, then the sandbox's (when it runs) that the workspace does not name. */
    private List<Application> applications() {
        Map<String, Application> apps = new LinkedHashMap<>();
        if (workspace.workspace() != null) {
            workspace.workspace().applications().forEach(a -> apps.putIfAbsent(a.name(), a));
        }
        PracticeSandbox.Session session = sandboxSession;
        if (session != null) {
            session.applications().forEach(a -> apps.putIfAbsent(a.name(), a));
        }
        return List.copyOf(apps.values());
    }

    /** The sandbox's environments are changed through the sandbox's kubeconfig, the others through the user's. */
    private java.nio.file.Path kubeconfigFor(Environment env) {
        PracticeSandbox.Session session = sandboxSession;
        if (session != null && workspace.isSandbox(env)) {
            return session.kubeconfig();
        }
        return services.kubeconfig();
    }

    private void openVersionMatrix() {
        List<Environment> envs = new ArrayList<>(workspace.environments());
        // Left to right in the order of promotion.
        Collections.reverse(envs);
        var viewModel = new VersionMatrixViewModel(applications(), envs, this::gatewayFor, executor);
        new VersionMatrixView(stage, viewModel, workspace::isSandbox, (env, app) -> {
            workspace.select(env.name());
            if (detail != null && detail.live() != null && app.workload() != null) {
                detail.live().showWorkload(app.workload().kind().kind(), app.workload().name());
            }
            stage.toFront();
        }, operations).show();
    }

    private void dismissSandboxStarting() {
        notices.items().stream().filter(n -> n.title().equals(SANDBOX_STARTING)).toList().forEach(notices::dismiss);
    }

    private void trackTargets() {
        List<TargetId> targets = new ArrayList<>();
        for (Environment env : workspace.environments()) {
            env.kubeTargets().forEach(t -> targets.add(TargetId.kube(t.context())));
            env.hosts().forEach(h -> targets.add(TargetId.host(h.alias())));
        }
        connections.track(targets);
    }

    private void openPalette() {
        if (palette == null) {
            palette = new CommandPaletteView(stage, new CommandPaletteViewModel(actions.all()));
        }
        if (!palette.isShowing()) {
            palette.show();
        }
    }

    private void openEditor(Environment environment) {
        if (workspace.workspace() == null) {
            return;
        }
        var viewModel = new EnvironmentEditorViewModel(workspace.workspace(), environment, workspace::saveEnvironment);
        new EnvironmentEditorView(stage, viewModel).show();
    }

    private void openRemove() {
        Environment environment = workspace.selected();
        if (environment == null) {
            return;
        }
        new RemoveEnvironmentView(stage, new RemoveEnvironmentViewModel(environment, workspace::removeEnvironment)).show();
    }

    private void showDataFolder() {
        new DataFolderView(stage, services.dataDir(), workspace.file(), services.kubeconfig(), services.sshConfig()).show();
    }

    /**
     * Stops background work and closes the history. Called as the application stops: the
     * window is gone by then, so waiting (briefly) for the database to close blocks no one.
     */
    public void shutdown() {
        if (detail != null) {
            detail.close();
        }
        executor.close();
        Thread.ofVirtual().name("wheelhouse-close-operations").start(operations::close);
        Thread.ofVirtual().name("wheelhouse-stop-sandbox").start(sandbox::stop);
        Thread closer = Thread.ofVirtual().name("wheelhouse-close-history").start(history::close);
        try {
            closer.join(Duration.ofSeconds(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public ActionRegistry actions() {
        return actions;
    }

    public WorkspaceViewModel workspace() {
        return workspace;
    }

    public HistoryStatusViewModel history() {
        return history;
    }

    public ConnectionStates connections() {
        return connections;
    }

    public ObjectProperty<Theme> theme() {
        return theme;
    }

    public SandboxViewModel sandbox() {
        return sandbox;
    }

    /** Opens the operation wizards; the live views' buttons call it. */
    public WorkloadOperations operations() {
        return operations;
    }

    public OperationWizards wizards() {
        return operations;
    }

    public Notices notices() {
        return notices;
    }

    public EnvironmentDetailView detail() {
        return detail;
    }

    public Stage stage() {
        return stage;
    }
}
