package dev.wheelhouse.core.workspace;

import java.util.List;

/** A named group of Kubernetes targets and hosts with a tier that drives the guardrails. */
public record Environment(
        String name,
        Tier tier,
        String colour,
        boolean readOnly,
        List<KubeTarget> kubeTargets,
        List<HostRef> hosts) {

    public Environment {
        kubeTargets = kubeTargets == null ? List.of() : List.copyOf(kubeTargets);
        hosts = hosts == null ? List.of() : List.copyOf(hosts);
    }

    /** The colour to paint: the workspace's choice, or the tier's default. */
    public String effectiveColour() {
        return colour == null || colour.isBlank() ? tier.defaultColour() : colour;
    }

    public boolean hasTargets() {
        return !kubeTargets.isEmpty() || !hosts.isEmpty();
    }
}
