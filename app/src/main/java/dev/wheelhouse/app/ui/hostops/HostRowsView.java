package dev.wheelhouse.app.ui.hostops;

import atlantafx.base.theme.Styles;
import dev.wheelhouse.app.ui.common.Css;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Label;
import javafx.scene.layout.GridPane;

/** The hosts of a host operation, a row each: batch, where it is, its lock and space, where it goes; with its releases for a rollback. */
public final class HostRowsView extends GridPane {
    public static final String ID = "host-rows";

    private final ObservableList<HostRow> rows;
    private final boolean showReleases;

    public HostRowsView(ObservableList<HostRow> rows, boolean showReleases) {
        this.rows = rows;
        this.showReleases = showReleases;
        setId(ID);
        setHgap(18);
        setVgap(6);
        rows.addListener((ListChangeListener<HostRow>) c -> render());
        render();
    }

    private void render() {
        getChildren().clear();
        String[] heads = showReleases ? new String[] {"Host", "Batch", "Current", "Lock", "Goes to", "Releases (newest first)"}
                : new String[] {"Host", "Batch", "Current", "Lock", "Free", "Goes to"};
        for (int c = 0; c < heads.length; c++) {
            Label head = new Label(heads[c]);
            head.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
            add(head, c, 0);
        }
        int r = 1;
        for (HostRow row : rows) {
            Label alias = new Label(row.alias());
            alias.setId("host-row-" + row.alias());
            alias.getStyleClass().add(Styles.TEXT_BOLD);
            add(alias, 0, r);
            add(new Label(row.batch() == 0 ? "" : Integer.toString(row.batch())), 1, r);
            if (row.problem() != null) {
                Label problem = new Label(row.problem());
                problem.getStyleClass().add(Styles.DANGER);
                add(problem, 2, r, heads.length - 2, 1);
                r++;
                continue;
            }
            add(mono(row.current() == null ? "none yet" : row.current()
                    + (row.currentVersion() == null ? "" : " (" + row.currentVersion() + ")")), 2, r);
            Label lock = new Label(row.lock());
            lock.setWrapText(true);
            if (!"free".equals(row.lock())) {
                lock.getStyleClass().add(Styles.WARNING);
            }
            add(lock, 3, r);
            if (showReleases) {
                add(mono(row.target() == null ? "—" : row.target()), 4, r);
                Label releases = mono(String.join("\n", row.releases()));
                releases.setId("host-releases-" + row.alias());
                add(releases, 5, r);
            } else {
                add(new Label(row.free()), 4, r);
                add(mono(row.target() == null ? "—" : row.target()), 5, r);
            }
            r++;
        }
    }

    private static Label mono(String text) {
        Label l = new Label(text);
        l.getStyleClass().add(Css.MONO);
        return l;
    }
}
