package dev.wheelhouse.app.ui;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once a window's first frame is on screen. Call it right after
 * {@code stage.show()}: the pulse that follows lays out and renders the first frame, and the next
 * pulse only starts once that frame has been drawn. The console (what waits for its first frame),
 * the start-up benchmark's minimal program and the views benchmark share it, so all are measured
 * alike. FX thread.
 */
public final class FirstFrame {
    private FirstFrame() {}

    public static void then(Runnable action) {
        new AnimationTimer() {
            private int pulses;

            @Override
            public void handle(long now) {
                if (++pulses == 2) {
                    stop();
                    action.run();
                }
            }
        }.start();
    }
}
