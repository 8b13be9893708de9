package dev.wheelhouse.core.workspace;

import java.nio.file.Path;

/**
 * What is wrong with a workspace file and where: shown the same in the window and on stderr.
 * Line and column are 1-based; 0 when the problem has no position (e.g. the file is unreadable).
 */
public record WorkspaceError(Path file, int line, int column, String message) {
    public String describe() {
        if (line <= 0) {
            return file + ": " + message;
        }
        return file + ":" + line + ":" + column + ": " + message;
    }
}
