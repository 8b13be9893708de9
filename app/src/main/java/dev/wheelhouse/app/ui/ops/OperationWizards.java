package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.tasks.BackgroundTask;
import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.OpsInputException;
import dev.wheelhouse.ops.RunMarkers;
import dev.wheelhouse.ops.kube.KubeOperations;
import dev.wheelhouse.ops.kube.KubePorts;
import dev.wheelhouse.ops.kube.OpsTarget;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import javafx.stage.Window;

/**
 * Opens the operation wizards and dialogs: the one implementation of {@link WorkloadOperations}
 * (the live views' buttons, the version matrix, the palette). It resolves the workload against
 * the workspace, refuses read-only environments before anything opens, and opens the cluster
 * ports of the environment's kubeconfig (the user's or the sandbox's) off the FX thread, once.
 */
public final class OperationWizards implements WorkloadOperations, AutoCloseable {

    /**
     * What the wizards are given by the window.
     *
     * @param history the history once open (operations cannot run without their journal)
     * @param kubeconfig the kubeconfig of an environment: the sandbox session's or the user's
     * @param environments every environment shown (the workspace's and the sandbox's)
     * @param applications every application known (the workspace's and the sandbox's)
     * @param markers which journaled operations this process runs (so a dead process's show as interrupted)
     */
    public record Services(UiExecutor executor, Supplier<Window> owner, Supplier<Optional<HistoryStore>> history,
                           Function<Environment, Path> kubeconfig, KubePorts.Factory ports, Predicate<Environment> sandbox,
                           Supplier<List<Environment>> environments, Supplier<List<Application>> applications,
                           Notices notices, RunMarkers markers) {
        public Services {
            Objects.requireNonNull(markers);
            Objects.requireNonNull(executor);
            Objects.requireNonNull(owner);
            Objects.requireNonNull(history);
            Objects.requireNonNull(kubeconfig);
            Objects.requireNonNull(ports);
            Objects.requireNonNull(sandbox);
            Objects.requireNonNull(environments);
            Objects.requireNonNull(applications);
            Objects.requireNonNull(notices);
        }
    }

    public static final String CANNOT_OPEN = "The operation cannot start";

    private final Services services;
    private final Map<Path, KubePorts> ports = new ConcurrentHashMap<>();
    private final InterruptedOperationsViewModel interrupted;
    private InterruptedOperationsView interruptedView;

    public OperationWizards(Services services) {
        this.services = Objects.requireNonNull(services);
        this.interrupted = new InterruptedOperationsViewModel(services.executor(), services.history(), this::operations,
                services.notices());
    }

    /** Looks for operations a dead process left unfinished in the environments shown (in the background). */
    public void scanInterrupted() {
        interrupted.scan(services.environments().get());
    }

    /** The interrupted operations, each with its re-check. */
    public void showInterrupted() {
        if (interruptedView == null) {
            interruptedView = new InterruptedOperationsView(services.owner().get(), interrupted);
        }
        interruptedView.show();
        scanInterrupted();
    }

    public InterruptedOperationsViewModel interrupted() {
        return interrupted;
    }

    @Override
    public void open(Operation operation, String environment, RowKey workload) {
        Optional<Environment> env = services.environments().get().stream().filter(e -> e.name().equals(environment)).findFirst();
        if (env.isEmpty()) {
            refuse("There is no environment '" + environment + "' any more.");
            return;
        }
        resolve(operation, env.get(), () -> OpsTarget.of(env.get(), workload, services.applications().get()));
    }

    /** From the version matrix or the palette: an application of the workspace in an environment. */
    public void open(Operation operation, Environment env, Application app) {
        resolve(operation, env, () -> OpsTarget.of(env, app));
    }

    private void resolve(Operation operation, Environment env, Supplier<OpsTarget> target) {
        // Read-only environments never open a changing wizard (every operation here changes).
        if (env.readOnly()) {
            refuse("Environment '" + env.name() + "' is read-only: " + verb(operation) + " is not offered there.");
            return;
        }
        OpsTarget t;
        try {
            t = target.get();
        } catch (OpsInputException e) {
            refuse(e.getMessage());
            return;
        }
        withOperations(t, ops -> show(operation, t, ops));
    }

    /** From the version matrix: the deploy wizard set to promote the version another environment runs. */
    public void promote(Environment env, Application app) {
        if (env.readOnly()) {
            refuse("Environment '" + env.name() + "' is read-only: promote is not offered there.");
            return;
        }
        OpsTarget t;
        try {
            t = OpsTarget.of(env, app);
        } catch (OpsInputException e) {
            refuse(e.getMessage());
            return;
        }
        withOperations(t, ops -> deploy(t, ops, DeployWizardViewModel.Source.PROMOTE));
    }

    private void deploy(OpsTarget target, KubeOperations ops, DeployWizardViewModel.Source source) {
        Map<Environment, OpsTarget> from = promotable(target);
        var vm = new DeployWizardViewModel(target, ops, services.executor(), from,
                from.isEmpty() ? DeployWizardViewModel.Source.IMAGE : source);
        new DeployWizardView(services.owner().get(), vm, services.sandbox().test(target.environment()),
                (revision, reason) -> rollback(target, revision, reason)).show();
    }

    /** Opens the rollback wizard on a revision with a reason (after a failed deploy). */
    void rollback(OpsTarget target, long revision, String reason) {
        withOperations(target, ops -> {
            var vm = new RollbackWizardViewModel(target, ops, services.executor());
            vm.preselect(revision, reason);
            new RollbackWizardView(services.owner().get(), vm, services.sandbox().test(target.environment())).show();
        });
    }

    private void show(Operation operation, OpsTarget target, KubeOperations ops) {
        Window owner = services.owner().get();
        boolean sandbox = services.sandbox().test(target.environment());
        switch (operation) {
            case ROLLBACK -> new RollbackWizardView(owner, new RollbackWizardViewModel(target, ops, services.executor()), sandbox).show();
            case DEPLOY -> deploy(target, ops, DeployWizardViewModel.Source.IMAGE);
            case RESTART -> new ChangeDialogView(owner, new ChangeDialogViewModel(OperationKind.RESTART, target, ops,
                    services.executor()), sandbox).show();
            case SCALE -> new ChangeDialogView(owner, new ChangeDialogViewModel(OperationKind.SCALE, target, ops,
                    services.executor()), sandbox).show();
        }
    }

    /**
     * The same application in the other environments with a cluster, lower tiers first (the usual
     * direction of a promotion), environments nearer in tier before farther ones.
     */
    Map<Environment, OpsTarget> promotable(OpsTarget target) {
        Application app = services.applications().get().stream().filter(a -> a.name().equals(target.application())
                && a.workload() != null).findFirst().orElse(new Application(target.application(),
                new Application.Workload(target.workload().kind(), target.workload().name(), target.container()), null));
        Map<Environment, OpsTarget> out = new LinkedHashMap<>();
        int here = target.environment().tier().ordinal();
        services.environments().get().stream()
                .filter(e -> !e.name().equals(target.environment().name()) && !e.kubeTargets().isEmpty())
                .sorted(Comparator.comparingInt((Environment e) -> e.tier().ordinal() >= here ? 1 : 0)
                        .thenComparingInt(e -> Math.abs(here - e.tier().ordinal())))
                .forEach(e -> out.put(e, OpsTarget.of(e, app)));
        return out;
    }

    /** Opens the ports of the target's kubeconfig off the FX thread (once), then hands over the operations. */
    private void withOperations(OpsTarget target, Consumer<KubeOperations> then) {
        Optional<HistoryStore> history = services.history().get();
        if (history.isEmpty()) {
            refuse("The history is not open (see the status bar): operations journal every step there, so none can run without it.");
            return;
        }
        BackgroundTask.of("open the cluster of " + target.environment().name(), () -> operations(target.environment(), history.get()))
                .onSuccess(then::accept)
                .onFailure(t -> refuse(target.describe() + ": " + UiExecutor.describe(t)))
                .executeWith(services.executor());
    }

    /**
     * Blocking (it may read the kubeconfig): the operations over an environment's cluster ports,
     * opened once per kubeconfig, journaled in the history and marked as running in this process.
     */
    KubeOperations operations(Environment env, HistoryStore history) {
        Path kubeconfig = services.kubeconfig().apply(env);
        return ports.computeIfAbsent(kubeconfig, services.ports()::open).operations(history, services.markers());
    }

    Services services() {
        return services;
    }

    private void refuse(String why) {
        services.notices().post(Notices.Kind.WARNING, CANNOT_OPEN, why);
    }

    static String verb(Operation operation) {
        return switch (operation) {
            case ROLLBACK -> "roll back";
            case DEPLOY -> "deploy";
            case RESTART -> "restart";
            case SCALE -> "scale";
        };
    }

    /** Closes the cluster ports (blocking: call it off the FX thread, as the window does on exit). */
    @Override
    public void close() {
        ports.values().forEach(KubePorts::close);
        ports.clear();
    }
}
