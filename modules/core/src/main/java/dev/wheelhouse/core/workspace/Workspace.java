package dev.wheelhouse.core.workspace;

import java.util.List;
import java.util.Optional;

/** The user's environments and applications, as kept in the workspace file. */
public record Workspace(List<Environment> environments, List<Application> applications) {
    public static final Workspace EMPTY = new Workspace(List.of(), List.of());

    public Workspace {
        environments = environments == null ? List.of() : List.copyOf(environments);
        applications = applications == null ? List.of() : List.copyOf(applications);
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    public Optional<Application> application(String name) {
        return applications.stream().filter(a -> a.name().equals(name)).findFirst();
    }
}
