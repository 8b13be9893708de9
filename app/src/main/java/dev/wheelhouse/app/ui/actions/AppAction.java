package dev.wheelhouse.app.ui.actions;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import javafx.beans.value.ObservableBooleanValue;
import javafx.beans.binding.Bindings;
import javafx.scene.input.KeyCombination;
import org.kordamp.ikonli.Ikon;

/**
 * Something the user can do, as data: the shortcut, the palette entry and the buttons all run
 * the same handler, and read-only environments simply leave the dangerous ones disabled.
 */
public final class AppAction {
    private final String id;
    private final String title;
    private final String description;
    private final List<KeyCombination> shortcuts;
    private final boolean dangerous;
    private final Ikon icon;
    private final Runnable handler;
    private final ObservableBooleanValue enabled;

    private AppAction(Builder b) {
        this.id = Objects.requireNonNull(b.id);
        this.title = Objects.requireNonNull(b.title);
        this.description = b.description == null ? "" : b.description;
        this.shortcuts = List.copyOf(b.shortcuts);
        this.dangerous = b.dangerous;
        this.icon = b.icon;
        this.handler = Objects.requireNonNull(b.handler, "handler of " + b.id);
        this.enabled = b.enabled == null ? Bindings.createBooleanBinding(() -> true) : b.enabled;
    }

    public static Builder builder(String id, String title) {
        return new Builder(id, title);
    }

    public String id() {
        return id;
    }

    public String title() {
        return title;
    }

    public String description() {
        return description;
    }

    /** The first is the one shown first; all of them run the action. */
    public List<KeyCombination> shortcuts() {
        return shortcuts;
    }

    public Optional<KeyCombination> shortcut() {
        return shortcuts.stream().findFirst();
    }

    /** "Ctrl+R / F5", or "" for an action with no shortcut. */
    public String shortcutText() {
        return shortcuts.stream().map(KeyCombination::getDisplayText).collect(Collectors.joining(" / "));
    }

    public boolean dangerous() {
        return dangerous;
    }

    public Optional<Ikon> icon() {
        return Optional.ofNullable(icon);
    }

    public ObservableBooleanValue enabled() {
        return enabled;
    }

    public boolean isEnabled() {
        return enabled.get();
    }

    /** Runs the handler if the action is enabled now; returns whether it ran. */
    public boolean run() {
        if (!enabled.get()) {
            return false;
        }
        handler.run();
        return true;
    }

    @Override
    public String toString() {
        return id;
    }

    public static final class Builder {
        private final String id;
        private final String title;
        private String description;
        private final List<KeyCombination> shortcuts = new ArrayList<>();
        private boolean dangerous;
        private Ikon icon;
        private Runnable handler;
        private ObservableBooleanValue enabled;

        private Builder(String id, String title) {
            this.id = id;
            this.title = title;
        }

        public Builder description(String text) {
            this.description = text;
            return this;
        }

        /** A shortcut in KeyCombination syntax, e.g. "Shortcut+K" or "F5". */
        public Builder shortcut(String combination) {
            this.shortcuts.add(KeyCombination.valueOf(combination));
            return this;
        }

        public Builder dangerous() {
            this.dangerous = true;
            return this;
        }

        public Builder icon(Ikon icon) {
            this.icon = icon;
            return this;
        }

        public Builder handler(Runnable handler) {
            this.handler = handler;
            return this;
        }

        public Builder enabledWhen(ObservableBooleanValue condition) {
            this.enabled = condition;
            return this;
        }

        public AppAction build() {
            return new AppAction(this);
        }
    }
}
