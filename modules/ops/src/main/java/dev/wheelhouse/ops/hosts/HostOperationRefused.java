package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.ops.OpsInputException;
import java.util.List;

/** A host deploy or rollback refused as bad input (a version, a release id, an artifact, the application's setup): nothing was started. */
public final class HostOperationRefused extends OpsInputException {
    private static final long serialVersionUID = 1L;

    public HostOperationRefused(String message) {
        super(message);
    }

    /** The application's hosts part, checked by the workspace's rules; refused when absent or invalid. */
    static Application.HostService checkedHostService(Application app) {
        Application.HostService service = app.hostService();
        if (service == null) {
            throw new HostOperationRefused("application '" + app.name() + "' has no hosts part (hosts: deployRoot, restart, health)");
        }
        List<WorkspaceRules.Problem> problems = WorkspaceRules.checkHostService("applications." + app.name() + ".hosts", service);
        if (!problems.isEmpty()) {
            throw new HostOperationRefused(problems.getFirst().toString());
        }
        return service;
    }
}
