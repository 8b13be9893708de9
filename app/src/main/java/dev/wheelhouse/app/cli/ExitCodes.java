package dev.wheelhouse.app.cli;

/** The exit codes every command uses; documented in `wheelhouse --help`. */
public final class ExitCodes {
    public static final int DONE = 0;
    public static final int FAILED = 1;
    public static final int BAD_INPUT = 2;

    private ExitCodes() {}
}
