package dev.wheelhouse.app.ui.actions;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.scene.Scene;
import javafx.scene.control.ButtonBase;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCombination;

/**
 * The one list of the console's actions. Keyboard shortcuts, the command palette and buttons
 * are all built from it, so a shortcut shown anywhere is the one that works.
 */
public final class ActionRegistry {
    private final Map<String, AppAction> actions = new LinkedHashMap<>();
    private final Map<KeyCombination, AppAction> byShortcut = new LinkedHashMap<>();

    /** Adds an action; a second action with the same id or the same shortcut is a bug. */
    public AppAction register(AppAction action) {
        if (actions.containsKey(action.id())) {
            throw new IllegalArgumentException("action '" + action.id() + "' is registered twice");
        }
        for (KeyCombination shortcut : action.shortcuts()) {
            AppAction other = byShortcut.get(shortcut);
            if (other != null) {
                throw new IllegalArgumentException("shortcut " + shortcut.getDisplayText() + " of '" + action.id()
                        + "' is already taken by '" + other.id() + "'");
            }
        }
        actions.put(action.id(), action);
        action.shortcuts().forEach(s -> byShortcut.put(s, action));
        return action;
    }

    /** In registration order: the order of the palette. */
    public List<AppAction> all() {
        return List.copyOf(new ArrayList<>(actions.values()));
    }

    public Optional<AppAction> find(String id) {
        return Optional.ofNullable(actions.get(id));
    }

    public AppAction get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("no action '" + id + "'"));
    }

    /** Runs the action if it is enabled; returns whether it ran. */
    public boolean run(String id) {
        return get(id).run();
    }

    public Optional<AppAction> forShortcut(KeyCombination shortcut) {
        return Optional.ofNullable(byShortcut.get(shortcut));
    }

    /** Makes every shortcut work anywhere in the scene. */
    public void installShortcuts(Scene scene) {
        byShortcut.forEach((shortcut, action) -> scene.getAccelerators().put(shortcut, action::run));
    }

    /** A button that runs the action, is disabled with it, and says its shortcut on hover. */
    public <B extends ButtonBase> B bind(B button, String id) {
        AppAction action = get(id);
        button.setOnAction(e -> action.run());
        button.disableProperty().bind(Bindings.createBooleanBinding(() -> !action.isEnabled(), action.enabled()));
        String shortcut = action.shortcutText();
        button.setTooltip(new Tooltip(shortcut.isEmpty() ? action.title() : action.title() + "  (" + shortcut + ")"));
        return button;
    }
}
