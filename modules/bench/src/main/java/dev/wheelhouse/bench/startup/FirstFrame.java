package dev.wheelhouse.bench.startup;

import javafx.animation.AnimationTimer;

/**
 * Runs an action once the first frame is on screen. Call it right after {@code stage.show()}:
 * the pulse that follows lays out and renders the first frame, and the next pulse only starts
 * once that frame has been drawn. WheelhouseFx uses the same two-pulse hook, so the app and the
 * minimal program are measured alike.
 */
final class FirstFrame {
    private FirstFrame() {}

    static void afterFirstFrame(Runnable action) {
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
