package dev.wheelhouse.app.ui.environments;

import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.EnvironmentDiscovery;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceError;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.core.workspace.WorkspaceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The workspace as the window sees it: what the file holds (or why it can't be used), which
 * environment is selected, and the first-run proposal. Every store and discovery call goes
 * through the UiExecutor; every property here changes on the UI thread only.
 *
 * <p>While the file is invalid (or could not be read at all) nothing may be saved: the file
 * is the user's, and only Reload reads it again once they have fixed it.
 */
public final class WorkspaceViewModel {

    public enum Phase {
        /** Reading the file for the first time. */
        LOADING,
        LOADED,
        /** No file yet: the first run. */
        MISSING,
        /** The file is there but malformed or breaks a rule: shown, never rewritten. */
        INVALID,
        /** Reading failed for another reason (e.g. an I/O error): also never rewritten. */
        FAILED
    }

    /** Production first: the sidebar, the palette's next/previous and the proposal all use it. */
    public static final Comparator<Environment> SIDEBAR_ORDER = Comparator.comparingInt(e -> tierRank(e.tier()));

    private final WorkspaceStore store;
    private final EnvironmentDiscovery discovery;
    private final UiExecutor executor;
    private final Notices notices;

    private final ReadOnlyObjectWrapper<Phase> phase = new ReadOnlyObjectWrapper<>(Phase.LOADING);
    private final ReadOnlyObjectWrapper<WorkspaceError> error = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper failure = new ReadOnlyStringWrapper();
    private final ObservableList<Environment> environments = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<Environment> environmentsView = FXCollections.unmodifiableObservableList(environments);
    private final ReadOnlyObjectWrapper<Environment> selected = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Discovery> proposal = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Discovery> lastDiscovery = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper proposalError = new ReadOnlyStringWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper discovering = new ReadOnlyBooleanWrapper();
    private final BooleanBinding editable;
    private Workspace current = Workspace.EMPTY;
    private boolean proposedOnce;
    // The practice sandbox's environments: shown with the workspace's, never saved to its file.
    private List<Environment> sandbox = List.of();

    public WorkspaceViewModel(WorkspaceStore store, EnvironmentDiscovery discovery, UiExecutor executor, Notices notices) {
        this.store = Objects.requireNonNull(store);
        this.discovery = Objects.requireNonNull(discovery);
        this.executor = Objects.requireNonNull(executor);
        this.notices = Objects.requireNonNull(notices);
        this.editable = Bindings.createBooleanBinding(
                () -> (phase.get() == Phase.LOADED || phase.get() == Phase.MISSING) && !busy.get(), phase, busy);
    }

    // --- reading -------------------------------------------------------------------------

    /** Reads the file (again). On the first run (no file) it also proposes environments once. */
    public void load() {
        busy.set(true);
        BackgroundTask.of("load workspace", store::load)
                .onSuccess(this::apply)
                .onFailure(t -> {
                    busy.set(false);
                    showUnusable(Phase.FAILED, null, "Could not read " + store.file() + ": " + UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    private void apply(WorkspaceLoad load) {
        busy.set(false);
        switch (load) {
            case WorkspaceLoad.Loaded loaded -> {
                error.set(null);
                failure.set(null);
                applyWorkspace(loaded.workspace());
                phase.set(Phase.LOADED);
                Discovery pending = proposal.get();
                if (pending != null) {
                    proposal.set(onlyNew(pending));
                }
            }
            case WorkspaceLoad.Missing missing -> {
                error.set(null);
                failure.set(null);
                applyWorkspace(Workspace.EMPTY);
                phase.set(Phase.MISSING);
                if (!proposedOnce) {
                    proposedOnce = true;
                    discover(false);
                }
            }
            case WorkspaceLoad.Invalid invalid ->
                showUnusable(Phase.INVALID, invalid.error(), invalid.error().describe());
        }
    }

    private void showUnusable(Phase unusable, WorkspaceError why, String message) {
        current = null;
        environments.clear();
        selected.set(null);
        proposal.set(null);
        proposalError.set(null);
        error.set(why);
        failure.set(message);
        phase.set(unusable);
    }

    private void applyWorkspace(Workspace workspace) {
        current = workspace;
        String previous = selected.get() == null ? null : selected.get().name();
        List<Environment> shown = new ArrayList<>(workspace.environments());
        Set<String> names = new HashSet<>();
        shown.forEach(e -> names.add(e.name()));
        sandbox.stream().filter(e -> !names.contains(e.name())).forEach(shown::add);
        environments.setAll(shown.stream().sorted(SIDEBAR_ORDER).toList());
        Environment again = previous == null ? null : find(previous);
        selected.set(again != null ? again : environments.isEmpty() ? null : environments.getFirst());
    }

    // --- the practice sandbox ------------------------------------------------------------

    /** Shows the sandbox's environments beside the workspace's (never saved) and selects the first. */
    public void showSandbox(List<Environment> sandboxEnvironments) {
        sandbox = List.copyOf(sandboxEnvironments);
        applyWorkspace(current == null ? Workspace.EMPTY : current);
        if (!sandbox.isEmpty()) {
            select(sandbox.stream().sorted(SIDEBAR_ORDER.reversed()).findFirst().orElseThrow().name());
        }
    }

    /** True for an environment of the practice sandbox (labelled SANDBOX, never saved). */
    public boolean isSandbox(Environment environment) {
        return environment != null && sandbox.stream().anyMatch(e -> e.name().equals(environment.name()))
                && (current == null || current.environments().stream().noneMatch(e -> e.name().equals(environment.name())));
    }

    // --- first run -----------------------------------------------------------------------

    /**
     * Asks discovery for environments the workspace does not have yet. Asked for by the user
     * (not the first run), finding nothing new is said in a notice.
     */
    public void discover(boolean askedByUser) {
        if (!editable.get()) {
            return;
        }
        discovering.set(true);
        BackgroundTask.of("discover environments", discovery::discover)
                .onSuccess(found -> {
                    discovering.set(false);
                    lastDiscovery.set(found);
                    Discovery fresh = onlyNew(found);
                    proposalError.set(null);
                    proposal.set(fresh);
                    if (fresh == null && askedByUser) {
                        notices.post(Notices.Kind.INFO, "Nothing new discovered",
                                found.notes().isEmpty()
                                        ? "Every context and host found is already in an environment."
                                        : String.join("\n", found.notes()));
                    }
                })
                .onFailure(t -> {
                    discovering.set(false);
                    notices.post(Notices.Kind.DANGER, "Discovery failed", UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    /** The proposal's environments not in the workspace yet, or null if there are none. */
    private Discovery onlyNew(Discovery found) {
        Set<String> have = new HashSet<>();
        if (current != null) {
            current.environments().forEach(e -> have.add(e.name()));
        }
        List<Environment> fresh = found.proposed().stream()
                .filter(e -> !have.contains(e.name()))
                .sorted(SIDEBAR_ORDER)
                .toList();
        return fresh.isEmpty() ? null : new Discovery(fresh, found.notes());
    }

    /** Writes the proposed environments (added to any already there). */
    public void acceptProposal() {
        Discovery accepted = proposal.get();
        if (accepted == null) {
            return;
        }
        List<Environment> all = new ArrayList<>(current.environments());
        all.addAll(accepted.proposed());
        proposalError.set(null);
        save(new Workspace(all, current.applications()),
                () -> {
                    proposal.set(null);
                    select(accepted.proposed().getFirst().name());
                    notices.post(Notices.Kind.SUCCESS, "Workspace written",
                            accepted.proposed().size() + " environments saved to " + store.file());
                },
                proposalError::set);
    }

    /** Forgets the proposal; nothing is written. */
    public void dismissProposal() {
        proposal.set(null);
        proposalError.set(null);
    }

    // --- changing ------------------------------------------------------------------------

    /**
     * Adds (originalName null) or replaces an environment and saves the workspace. On failure
     * nothing changes in memory, so the editor can keep the user's input and say why.
     */
    public void saveEnvironment(String originalName, Environment environment, Runnable onSaved, Consumer<String> onFailed) {
        if (originalName != null && isSandbox(find(originalName))) {
            onFailed.accept("The practice sandbox's environments are not kept in the workspace and can't be edited.");
            return;
        }
        if (current == null) {
            onFailed.accept("The workspace file can't be changed while it is invalid.");
            return;
        }
        List<Environment> all = new ArrayList<>(current.environments());
        int at = originalName == null ? -1 : indexOf(all, originalName);
        if (at < 0) {
            all.add(environment);
        } else {
            all.set(at, environment);
        }
        save(new Workspace(all, current.applications()),
                () -> {
                    select(environment.name());
                    onSaved.run();
                },
                onFailed);
    }

    public void removeEnvironment(String name, Runnable onRemoved, Consumer<String> onFailed) {
        if (isSandbox(find(name))) {
            onFailed.accept("The practice sandbox's environments are not kept in the workspace.");
            return;
        }
        if (current == null) {
            onFailed.accept("The workspace file can't be changed while it is invalid.");
            return;
        }
        List<Environment> all = new ArrayList<>(current.environments());
        int at = indexOf(all, name);
        if (at < 0) {
            onFailed.accept("There is no environment '" + name + "'.");
            return;
        }
        List<Environment> ordered = environments;
        int shownAt = ordered.indexOf(all.get(at));
        all.remove(at);
        save(new Workspace(all, current.applications()),
                () -> {
                    if (!environments.isEmpty()) {
                        selected.set(environments.get(Math.min(Math.max(shownAt, 0), environments.size() - 1)));
                    }
                    onRemoved.run();
                },
                onFailed);
    }

    private void save(Workspace workspace, Runnable onSaved, Consumer<String> onFailed) {
        if (!editable.get()) {
            onFailed.accept(phase.get() == Phase.INVALID || phase.get() == Phase.FAILED
                    ? "The workspace file can't be changed while it is invalid."
                    : "The workspace is busy; try again in a moment.");
            return;
        }
        busy.set(true);
        BackgroundTask.running("save workspace", () -> store.save(workspace))
                .onSuccess(ignored -> {
                    busy.set(false);
                    applyWorkspace(workspace);
                    phase.set(Phase.LOADED);
                    onSaved.run();
                })
                .onFailure(t -> {
                    busy.set(false);
                    onFailed.accept("Could not save " + store.file() + ": " + UiExecutor.describe(t));
                })
                .executeWith(executor);
    }

    private static int indexOf(List<Environment> list, String name) {
        for (int i = 0; i < list.size(); i++) {
            if (list.get(i).name().equals(name)) {
                return i;
            }
        }
        return -1;
    }

    // --- selection -----------------------------------------------------------------------

    public void select(String name) {
        Environment env = find(name);
        if (env != null) {
            selected.set(env);
        }
    }

    public void selectNext() {
        step(+1);
    }

    public void selectPrevious() {
        step(-1);
    }

    private void step(int by) {
        if (environments.isEmpty()) {
            return;
        }
        int at = environments.indexOf(selected.get());
        int next = at < 0 ? 0 : Math.clamp(at + by, 0, environments.size() - 1);
        selected.set(environments.get(next));
    }

    private Environment find(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst().orElse(null);
    }

    private static int tierRank(Tier tier) {
        return switch (tier) {
            case PRODUCTION -> 0;
            case STAGING -> 1;
            case DEVELOPMENT -> 2;
        };
    }

    // --- what the views bind to --------------------------------------------------------

    public Path file() {
        return store.file();
    }

    /** The workspace as last read or saved; null while the file is unusable. */
    public Workspace workspace() {
        return current;
    }

    public ReadOnlyObjectProperty<Phase> phaseProperty() {
        return phase.getReadOnlyProperty();
    }

    public Phase phase() {
        return phase.get();
    }

    /** Where and what is wrong with the file (INVALID only). */
    public ReadOnlyObjectProperty<WorkspaceError> errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** The message for an unusable file (INVALID or FAILED). */
    public ReadOnlyStringProperty failureProperty() {
        return failure.getReadOnlyProperty();
    }

    /** In sidebar order: production first. */
    public ObservableList<Environment> environments() {
        return environmentsView;
    }

    public ReadOnlyObjectProperty<Environment> selectedProperty() {
        return selected.getReadOnlyProperty();
    }

    public Environment selected() {
        return selected.get();
    }

    /** Environments found by discovery that are not in the workspace yet; null when none shown. */
    public ReadOnlyObjectProperty<Discovery> proposalProperty() {
        return proposal.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Discovery> lastDiscoveryProperty() {
        return lastDiscovery.getReadOnlyProperty();
    }

    /** Why accepting the proposal failed; the proposal stays. */
    public ReadOnlyStringProperty proposalErrorProperty() {
        return proposalError.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty discoveringProperty() {
        return discovering.getReadOnlyProperty();
    }

    /** True when the workspace may be changed: read (or absent) and not busy. */
    public BooleanBinding editableProperty() {
        return editable;
    }

    public boolean isEditable() {
        return editable.get();
    }
}
