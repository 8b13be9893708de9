package dev.wheelhouse.app.ui.ops;

import dev.wheelhouse.core.cluster.RowKey;

/**
 * The operations a user can start on one workload from the live views (the workload detail pane,
 * the version matrix). The wizards implement it; the views only ask for it, so they need not know
 * how an operation is planned or run. Called on the FX thread; implementations must not block.
 */
public interface WorkloadOperations {

    /** What can be started on a workload; each opens its own wizard or dialog. */
    enum Operation { ROLLBACK, DEPLOY, RESTART, SCALE }

    /**
     * Opens the wizard of an operation.
     *
     * @param environment the environment's name, as in the workspace (or a sandbox environment)
     * @param workload the Deployment, StatefulSet or DaemonSet (its context, kind, namespace, name)
     */
    void open(Operation operation, String environment, RowKey workload);

    /** Until the wizards are wired: nothing opens. */
    WorkloadOperations NONE = (operation, environment, workload) -> { };
}
