package dev.wheelhouse.app.ui.palette;

import dev.wheelhouse.app.ui.actions.AppAction;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * The command palette: every registered action, narrowed by what is typed. Each word typed
 * must appear in the title (or the shortcut, or the id); failing that, the letters in order
 * (so "rmenv" finds "Remove environment"). Titles that start with the text come first.
 */
public final class CommandPaletteViewModel {
    private final List<AppAction> actions;
    private final StringProperty filter = new SimpleStringProperty("");
    private final ObservableList<AppAction> matches = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<AppAction> matchesView = FXCollections.unmodifiableObservableList(matches);
    private final ObjectProperty<AppAction> selected = new SimpleObjectProperty<>();

    public CommandPaletteViewModel(List<AppAction> actions) {
        this.actions = List.copyOf(actions);
        filter.addListener((obs, was, now) -> refresh());
        refresh();
    }

    /** Filters again: also when only the actions' enabled state changed. */
    public void refresh() {
        String text = filter.get() == null ? "" : filter.get().trim().toLowerCase(Locale.ROOT);
        List<AppAction> found = actions.stream()
                .filter(a -> score(a, text) > 0)
                .sorted(Comparator.comparingInt((AppAction a) -> -score(a, text)))
                .toList();
        matches.setAll(found);
        selected.set(found.stream().filter(AppAction::isEnabled).findFirst().orElse(found.isEmpty() ? null : found.getFirst()));
    }

    /** 0 = no match; higher is better. The sort is stable, so ties keep registration order. */
    static int score(AppAction action, String text) {
        if (text.isEmpty()) {
            return 1;
        }
        String title = action.title().toLowerCase(Locale.ROOT);
        String haystack = title + " " + action.shortcutText().toLowerCase(Locale.ROOT) + " " + action.id();
        if (title.startsWith(text)) {
            return 4;
        }
        boolean allWords = true;
        for (String word : text.split("\\s+")) {
            if (!haystack.contains(word)) {
                allWords = false;
                break;
            }
        }
        if (allWords) {
            return 3;
        }
        return isSubsequence(text.replace(" ", ""), title) ? 2 : 0;
    }

    private static boolean isSubsequence(String needle, String haystack) {
        int at = 0;
        for (int i = 0; i < haystack.length() && at < needle.length(); i++) {
            if (haystack.charAt(i) == needle.charAt(at)) {
                at++;
            }
        }
        return at == needle.length();
    }

    public void selectNext() {
        move(+1);
    }

    public void selectPrevious() {
        move(-1);
    }

    private void move(int by) {
        if (matches.isEmpty()) {
            return;
        }
        int at = matches.indexOf(selected.get());
        selected.set(matches.get(Math.clamp(at + by, 0, matches.size() - 1)));
    }

    /** The action to run for Enter, if one is selected and enabled now. */
    public java.util.Optional<AppAction> chosen() {
        AppAction action = selected.get();
        return action != null && action.isEnabled() ? java.util.Optional.of(action) : java.util.Optional.empty();
    }

    public StringProperty filterProperty() {
        return filter;
    }

    public ObservableList<AppAction> matches() {
        return matchesView;
    }

    public ObjectProperty<AppAction> selectedProperty() {
        return selected;
    }

    public List<AppAction> actions() {
        return actions;
    }

    @Override
    public String toString() {
        return "palette[" + Objects.toString(filter.get()) + "]";
    }
}
