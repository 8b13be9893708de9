package dev.wheelhouse.core.history;

/** What an operation does; stored by its lower-case name. */
public enum OperationKind {
    DEPLOY, ROLLBACK, RESTART, SCALE, PROMOTE, WORKSPACE_EDIT;

    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
