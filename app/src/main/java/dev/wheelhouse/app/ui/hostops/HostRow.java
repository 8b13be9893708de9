package dev.wheelhouse.app.ui.hostops;

import java.util.List;

/**
 * One host as a wizard shows it: where it is now, its lock and free space, where it goes and in
 * which batch, its releases (for a rollback), and what is wrong with it if anything.
 */
public record HostRow(String alias, String current, String currentVersion, String lock, String free, String target,
                      int batch, List<String> releases, String problem) {
    public HostRow {
        releases = releases == null ? List.of() : List.copyOf(releases);
    }
}
