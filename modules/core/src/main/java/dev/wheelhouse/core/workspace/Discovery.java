package dev.wheelhouse.core.workspace;

import java.util.List;

/**
 * What the first run proposes: environments built from the kubeconfig's contexts and the ssh
 * config's hosts, and notes on what could not be read (never an exception for bad input).
 */
public record Discovery(List<Environment> proposed, List<String> notes) {
    public Discovery {
        proposed = List.copyOf(proposed);
        notes = List.copyOf(notes);
    }

    public Workspace asWorkspace() {
        return new Workspace(proposed, List.of());
    }
}
