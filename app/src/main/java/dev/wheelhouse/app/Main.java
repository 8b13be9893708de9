package dev.wheelhouse.app;

import dev.wheelhouse.app.cli.WheelhouseCli;

/**
 * The launcher's entry point. Deliberately not a javafx.application.Application: with JavaFX on
 * the class path (not the module path) the JDK refuses to start an Application main class.
 */
public final class Main {
    private Main() {}

    public static void main(String[] args) {
        System.exit(WheelhouseCli.run(args));
    }
}
