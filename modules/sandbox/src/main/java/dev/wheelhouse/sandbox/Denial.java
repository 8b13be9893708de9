package dev.wheelhouse.sandbox;

import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * An RBAC rule the practice user does not have: requests it covers get the API server's 403
 * Forbidden, and SelfSubjectAccessReviews for them answer allowed=false. Everything else is
 * allowed, so a test names only what it takes away.
 *
 * <pre>{@code
 * Denial.of("list,watch", "pods", "shop-prod")              // the pods of shop-prod cannot be listed
 * Denial.of("patch", "deployments.apps", null)              // no Deployment may be patched anywhere
 * Denial.of("*", "deployments.apps/scale", "shop-prod")    // nor scaled in shop-prod
 * }</pre>
 *
 * As in RBAC, a rule on a resource does not cover its subresources ("deployments" is not
 * "deployments/scale"), and a request across all namespaces is refused when the resource is
 * denied in any one of them (only a cluster-wide grant would allow it).
 *
 * @param verbs the verbs (get, list, watch, create, update, patch, delete, deletecollection), or "*"
 * @param group the API group, "" for the core group, or "*"
 * @param resource the plural, or "*"
 * @param subresource "" for the resource itself, else e.g. "scale", "log", "status", or "*"
 * @param namespace the namespace, or null for every namespace and the cluster scope
 */
public record Denial(Set<String> verbs, String group, String resource, String subresource, String namespace) {
    static final String ANY = "*";

    public Denial {
        if (verbs == null || verbs.isEmpty()) {
            throw new IllegalArgumentException("a denial needs at least one verb (or *)");
        }
        verbs = Set.copyOf(verbs);
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("a denial needs a resource (or *)");
        }
        group = group == null ? "" : group;
        subresource = subresource == null ? "" : subresource;
        namespace = namespace == null || namespace.isBlank() || namespace.equals(ANY) ? null : namespace;
    }

    /**
     * @param verbs comma-separated verbs, or "*"
     * @param resource "pods", "deployments.apps", "deployments/scale" or "*"; without a group, the
     *        group the sandbox serves that plural in (the core group first), as kubectl resolves it
     * @param namespace one namespace, or null (or "*") for all and the cluster scope
     */
    public static Denial of(String verbs, String resource, String namespace) {
        if (verbs == null) {
            throw new IllegalArgumentException("a denial needs at least one verb (or *)");
        }
        Set<String> v = new LinkedHashSet<>();
        Arrays.stream(verbs.split(",")).map(s -> s.strip().toLowerCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(v::add);
        if (resource == null || resource.isBlank()) {
            throw new IllegalArgumentException("a denial needs a resource (or *)");
        }
        String res = resource.strip();
        String sub = "";
        int slash = res.indexOf('/');
        if (slash >= 0) {
            sub = res.substring(slash + 1);
            res = res.substring(0, slash);
        }
        String group;
        int dot = res.indexOf('.');
        if (res.equals(ANY)) {
            group = ANY;
        } else if (dot >= 0) {
            group = res.substring(dot + 1);
            res = res.substring(0, dot);
        } else {
            String plural = res;
            group = Resources.ALL.stream().filter(t -> t.plural().equals(plural)).map(ResourceType::group).findFirst().orElse("");
        }
        return new Denial(v, group, res, sub, namespace);
    }

    /**
     * Whether this rule covers a request.
     *
     * @param namespace null for a cluster-scoped request, or one across all namespaces
     * @param namespaced whether the resource lives in namespaces (nodes do not)
     */
    boolean covers(String verb, String group, String resource, String subresource, String namespace, boolean namespaced) {
        boolean where = this.namespace == null || (namespace == null ? namespaced : this.namespace.equals(namespace));
        return where
                && (verbs.contains(ANY) || verbs.contains(verb))
                && (this.group.equals(ANY) || this.group.equals(group))
                && (this.resource.equals(ANY) || this.resource.equals(resource))
                && (this.subresource.equals(ANY) || this.subresource.equals(subresource == null ? "" : subresource));
    }

    @Override
    public String toString() {
        String res = (resource + (group.isEmpty() || group.equals(ANY) ? "" : "." + group)) + (subresource.isEmpty() ? "" : "/" + subresource);
        return "deny " + String.join(",", verbs.stream().sorted().toList()) + " " + res
                + (namespace == null ? " everywhere" : " in " + namespace);
    }
}
