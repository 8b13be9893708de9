package dev.wheelhouse.app.ui.cluster;

import javafx.scene.control.Tab;

/**
 * Work for one tab that is done only while the tab shows: asked for while another tab shows, it
 * is done once, when the tab is selected. The overview (a chip per workload) and the metrics
 * (a chart per node) of a large cluster are costly to redraw, and batches come several times a
 * second; the other tabs must not pay for them. FX thread.
 */
final class WhileShown {
    private final Tab tab;
    private final Runnable work;
    private boolean stale;

    WhileShown(Tab tab, Runnable work) {
        this.tab = tab;
        this.work = work;
        tab.selectedProperty().addListener((obs, was, now) -> {
            if (now && stale) {
                request();
            }
        });
    }

    /** Does the work now if the tab shows, else when it is next selected. */
    void request() {
        if (!tab.isSelected()) {
            stale = true;
            return;
        }
        stale = false;
        work.run();
    }
}
