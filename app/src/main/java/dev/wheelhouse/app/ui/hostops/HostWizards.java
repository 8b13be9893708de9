package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.hosts.HostGateway;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.ops.Operator;
import java.util.function.Supplier;
import javafx.stage.Window;

/** Opens the host wizards over the window's SSH gateway and history. */
public final class HostWizards implements HostOperations {
    private final Supplier<Window> owner;
    private final HostGateway hosts;
    private final Supplier<HistoryStore> history;
    private final UiExecutor executor;
    /** user@host looks the host name up, which can be slow: done once, off the FX thread. */
    private final java.util.concurrent.CompletableFuture<String> operator =
            java.util.concurrent.CompletableFuture.supplyAsync(Operator::current, Thread::startVirtualThread);

    public HostWizards(Supplier<Window> owner, HostGateway hosts, Supplier<HistoryStore> history, UiExecutor executor) {
        this.owner = owner;
        this.hosts = hosts;
        this.history = history;
        this.executor = executor;
    }

    @Override
    public void open(Operation operation, Environment environment, Application application) {
        HostOpsContext context = new HostOpsContext(environment, application, hosts.releases(), history, operator.join(), executor);
        HostWizard wizard = switch (operation) {
            case DEPLOY -> HostWizard.deploy(owner.get(), new HostDeployWizardModel(context));
            case ROLLBACK -> HostWizard.rollback(owner.get(), new HostRollbackWizardModel(context));
        };
        wizard.showWindow();
    }
}
