package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.app.ui.tasks.UiExecutor;
import dev.wheelhouse.core.history.HistoryStore;
import dev.wheelhouse.core.hosts.releases.ReleaseGateway;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import java.util.function.Supplier;

/**
 * What a host wizard works with: the environment and application, the releases port, the
 * history (opened for the run and closed after), who runs it, and the background executor.
 */
public record HostOpsContext(Environment environment, Application application, ReleaseGateway releases,
                             Supplier<HistoryStore> history, String operator, UiExecutor executor) {}
