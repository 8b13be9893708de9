package dev.wheelhouse.app.ui.cluster;

import javafx.beans.value.ObservableBooleanValue;
import javafx.scene.control.Tab;

/**
 * Work for one part of the view that is done only while that part shows: asked for while it
 * is hidden, it is done once, when it shows again. The overview (a chip per workload), the
 * metrics (a chart per node) and every resource table (10,000 pods, 200 events a second) of a
 * large cluster are costly to redraw, and batches come several times a second; what shows must
 * not pay for what does not. FX thread.
 */
final class WhileShown {
    private final ObservableBooleanValue shown;
    private final Runnable work;
    private boolean stale;

    WhileShown(Tab tab, Runnable work) {
        this(tab.selectedProperty(), work);
    }

    WhileShown(ObservableBooleanValue shown, Runnable work) {
        this.shown = shown;
        this.work = work;
        shown.addListener((obs, was, now) -> {
            if (now && stale) {
                request();
            }
        });
    }

    /** Does the work now if its part shows, else when it next shows. */
    void request() {
        if (!shown.get()) {
            stale = true;
            return;
        }
        stale = false;
        work.run();
    }
}
