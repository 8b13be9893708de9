package dev.wheelhouse.core.workspace;

import java.nio.file.Path;

/** The outcome of reading the workspace file: there is no exception path for bad input. */
public sealed interface WorkspaceLoad {
    Path file();

    record Loaded(Path file, Workspace workspace) implements WorkspaceLoad {}

    /** No file yet: the first run, when discovery proposes environments. */
    record Missing(Path file) implements WorkspaceLoad {}

    /** The file exists but cannot be used; it is left exactly as it is. */
    record Invalid(Path file, WorkspaceError error) implements WorkspaceLoad {}
}
