package dev.wheelhouse.core.workspace;

import java.io.IOException;
import java.nio.file.Path;

/** Port: reads and writes the workspace file. Blocking I/O: never call it on the FX thread. */
public interface WorkspaceStore {
    Path file();

    WorkspaceLoad load();

    /**
     * Writes a new file and renames it over the old one, keeping the old one as a backup.
     * Refuses (IllegalArgumentException naming the problems) a workspace that breaks a rule.
     */
    void save(Workspace workspace) throws IOException;
}
