package dev.wheelhouse.core.hosts;

/** What to follow on a host: a systemd unit's journal or a file. */
public sealed interface LogSource {
    /** How many lines of history to send before following. */
    int history();

    record Journal(String unit, int history) implements LogSource {
        public Journal(String unit) {
            this(unit, 200);
        }
    }

    record File(String path, int history) implements LogSource {
        public File(String path) {
            this(path, 200);
        }
    }
}
