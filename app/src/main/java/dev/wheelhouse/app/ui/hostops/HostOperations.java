package dev.wheelhouse.app.ui.hostops;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;

/**
 * The release operations a user can start on an application's hosts from the hosts view. The
 * wizards implement it; the view only asks. Called on the FX thread; must not block.
 */
public interface HostOperations {

    enum Operation { DEPLOY, ROLLBACK }

    void open(Operation operation, Environment environment, Application application);

    /** Nothing opens (views shown without the wizards, e.g. in tests of the cards). */
    HostOperations NONE = (operation, environment, application) -> { };
}
