package dev.wheelhouse.core.hosts.releases;

/** How a remote command ended: its exit status (-1 if it timed out) and its last output lines. */
public record CommandResult(int exitStatus, boolean timedOut, String output) {
    public boolean ok() {
        return !timedOut && exitStatus == 0;
    }

    public String describe() {
        String tail = output == null || output.isBlank() ? "" : ": " + output.strip();
        return (timedOut ? "timed out" : "exit " + exitStatus) + tail;
    }
}
