package dev.wheelhouse.app.ui.common;

import java.util.Objects;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

/**
 * Messages for the banner area of the window (a failed save, nothing new discovered). FX
 * thread only, like every property the views bind to.
 */
public final class Notices {
    public enum Kind { INFO, SUCCESS, WARNING, DANGER }

    public record Notice(Kind kind, String title, String text) {
        public Notice {
            Objects.requireNonNull(kind);
            Objects.requireNonNull(title);
            text = text == null ? "" : text;
        }
    }

    private static final int MAX = 3;
    private final ObservableList<Notice> items = FXCollections.observableArrayList();
    // One wrapper, held here: a wrapper only weakly listens to its list, so a fresh one per
    // call could be collected and take the caller's listeners with it.
    private final ObservableList<Notice> itemsView = FXCollections.unmodifiableObservableList(items);

    public ObservableList<Notice> items() {
        return itemsView;
    }

    public void post(Kind kind, String title, String text) {
        items.removeIf(n -> n.title().equals(title));
        items.addFirst(new Notice(kind, title, text));
        while (items.size() > MAX) {
            items.removeLast();
        }
    }

    public void dismiss(Notice notice) {
        items.remove(notice);
    }

    public void clear() {
        items.clear();
    }
}
