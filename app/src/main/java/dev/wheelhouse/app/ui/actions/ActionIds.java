package dev.wheelhouse.app.ui.actions;

/** The ids of the console's actions: tests and buttons name actions by these. */
public final class ActionIds {
    public static final String COMMAND_PALETTE = "palette.open";
    public static final String ADD_ENVIRONMENT = "environment.add";
    public static final String EDIT_ENVIRONMENT = "environment.edit";
    public static final String REMOVE_ENVIRONMENT = "environment.remove";
    public static final String NEXT_ENVIRONMENT = "environment.next";
    public static final String PREVIOUS_ENVIRONMENT = "environment.previous";
    public static final String RELOAD_WORKSPACE = "workspace.reload";
    public static final String DISCOVER = "workspace.discover";
    public static final String SHOW_DATA_FOLDER = "workspace.data-folder";
    public static final String TOGGLE_THEME = "view.toggle-theme";
    public static final String QUIT = "app.quit";

    private ActionIds() {}
}
