package dev.wheelhouse.sandbox;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Workspace;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a sandbox was seeded with, in Wheelhouse's own terms: one environment per namespace
 * ("sandbox-dev", "sandbox-staging", "sandbox-prod", tiers development, staging, production, each
 * a {@code KubeTarget} of context {@value Sandbox#CONTEXT} and its namespace), the applications
 * found in all of them (workload kind, name and container), and the version each runs.
 *
 * @param versions environment name -> application name -> running version (the image tag)
 */
public record SandboxSeed(String context, List<Environment> environments, List<Application> applications,
                          Map<String, Map<String, String>> versions) {

    public SandboxSeed {
        environments = List.copyOf(environments);
        applications = List.copyOf(applications);
        Map<String, Map<String, String>> copy = new LinkedHashMap<>();
        versions.forEach((env, apps) -> copy.put(env, Map.copyOf(apps)));
        versions = Collections.unmodifiableMap(copy);
    }

    /** A workspace with exactly these environments and applications. */
    public Workspace workspace() {
        return new Workspace(environments, applications);
    }

    public Optional<Environment> environment(String name) {
        return environments.stream().filter(e -> e.name().equals(name)).findFirst();
    }

    /** The namespace of an environment of the seed. */
    public Optional<String> namespace(String environment) {
        return environment(environment).map(e -> e.kubeTargets().getFirst().namespaces().getFirst());
    }

    /** The version (image tag) an application runs in an environment, as seeded. */
    public Optional<String> version(String environment, String application) {
        return Optional.ofNullable(versions.getOrDefault(environment, Map.of()).get(application));
    }
}
