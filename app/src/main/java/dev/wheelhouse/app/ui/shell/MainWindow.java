package dev.wheelhouse.app.ui.shell;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.actions.ActionIds;
import dev.wheelhouse.app.ui.actions.ActionRegistry;
import dev.wheelhouse.app.ui.actions.AppAction;
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
import dev.wheelhouse.app.ui.palette.CommandPaletteView;
import dev.wheelhouse.app.ui.palette.CommandPaletteViewModel;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.workspace.Environment;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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

    private final AppServices services;
    private final UiExecutor executor;
    private final Runnable quit;
    private final Notices notices = new Notices();
    private final ConnectionStates connections = new ConnectionStates();
    private final WorkspaceViewModel workspace;
    private final HistoryStatusViewModel history;
    private final ObjectProperty<Theme> theme = new SimpleObjectProperty<>(Theme.LIGHT);
    private final ActionRegistry actions = new ActionRegistry();
    private Stage stage;
    private CommandPaletteView palette;

    /**
     * @param quit what Quit does (the application: Platform::exit; tests: close the stage)
     */
    public MainWindow(AppServices services, UiExecutor executor, Runnable quit) {
        this.services = Objects.requireNonNull(services);
        this.executor = Objects.requireNonNull(executor);
        this.quit = Objects.requireNonNull(quit);
        this.workspace = new WorkspaceViewModel(services.workspace(), services.discovery(), executor, notices);
        this.history = new HistoryStatusViewModel(services.history(), executor);
        registerActions();
        workspace.environments().addListener((ListChangeListener<Environment>) c -> trackTargets());
    }

    private void registerActions() {
        var selected = workspace.selectedProperty();
        var editable = workspace.editableProperty();
        var hasSelection = selected.isNotNull();
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
                .enabledWhen(editable.and(hasSelection))
                .handler(() -> openEditor(workspace.selected()))
                .build());
        actions.register(AppAction.builder(ActionIds.REMOVE_ENVIRONMENT, "Remove environment")
                .description("Asks first; production asks for the environment's name")
                .shortcut("Shortcut+Delete")
                .icon(Feather.TRASH_2)
                .dangerous()
                // Read-only environments skip the dangerous actions (clear read-only first).
                .enabledWhen(editable.and(hasSelection).and(Bindings.createBooleanBinding(
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
        EnvironmentDetailView detail = new EnvironmentDetailView(
                new EnvironmentDetailViewModel(workspace.selectedProperty(), connections), actions);
        WorkspaceStateView state = new WorkspaceStateView(workspace, actions);
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
        executor.close();
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

    public Stage stage() {
        return stage;
    }
}
