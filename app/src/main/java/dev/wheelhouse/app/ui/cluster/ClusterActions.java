package dev.wheelhouse.app.ui.cluster;

/** The ids of the live views' actions in the one action registry. */
public final class ClusterActions {
    public static final String OPEN_SANDBOX = "sandbox.open";
    public static final String VERSION_MATRIX = "view.version-matrix";

    private ClusterActions() {}
}
