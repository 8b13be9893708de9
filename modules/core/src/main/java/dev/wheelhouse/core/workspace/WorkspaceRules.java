package dev.wheelhouse.core.workspace;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The one place that says what a valid workspace is. The YAML loader and the environment
 * editor both ask it, so a rule never differs between the file and the window.
 */
public final class WorkspaceRules {
    /** Letters, digits, dot, dash, underscore; starts with a letter or digit. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,62}");
    /** Kubernetes namespaces are DNS-1123 labels. */
    private static final Pattern NAMESPACE = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern COLOUR = Pattern.compile("#[0-9A-Fa-f]{6}");
    private static final Pattern ALIAS = Pattern.compile("[^\\s*?!]+");

    private WorkspaceRules() {}

    /** A rule broken at a place: where is a path such as "environments[2].hosts[0].alias". */
    public record Problem(String where, String message) {
        @Override
        public String toString() {
            return where + ": " + message;
        }
    }

    public static List<Problem> check(Workspace workspace) {
        List<Problem> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < workspace.environments().size(); i++) {
            Environment env = workspace.environments().get(i);
            String where = "environments[" + i + "]";
            problems.addAll(checkEnvironment(where, env));
            if (env.name() != null && !seen.add(env.name())) {
                problems.add(new Problem(where + ".name", "environment '" + env.name() + "' is defined twice"));
            }
        }
        Set<String> apps = new HashSet<>();
        for (int i = 0; i < workspace.applications().size(); i++) {
            Application app = workspace.applications().get(i);
            String where = "applications[" + i + "]";
            problems.addAll(checkApplication(where, app));
            if (app.name() != null && !apps.add(app.name())) {
                problems.add(new Problem(where + ".name", "application '" + app.name() + "' is defined twice"));
            }
        }
        return problems;
    }

    /** Problems of one environment on its own (not uniqueness, which needs the others). */
    public static List<Problem> checkEnvironment(String where, Environment env) {
        List<Problem> problems = new ArrayList<>();
        nameProblem(env.name()).ifPresent(m -> problems.add(new Problem(where + ".name", m)));
        if (env.tier() == null) {
            problems.add(new Problem(where + ".tier", "tier is required (one of " + Tier.choices() + ")"));
        }
        if (env.colour() != null && !env.colour().isBlank() && !COLOUR.matcher(env.colour()).matches()) {
            problems.add(new Problem(where + ".colour", "colour '" + env.colour() + "' is not of the form #rrggbb"));
        }
        for (int t = 0; t < env.kubeTargets().size(); t++) {
            KubeTarget target = env.kubeTargets().get(t);
            String tw = where + ".kubernetes[" + t + "]";
            if (target.context() == null || target.context().isBlank()) {
                problems.add(new Problem(tw + ".context", "a Kubernetes target needs a kubeconfig context"));
            }
            for (String ns : target.namespaces()) {
                namespaceProblem(ns).ifPresent(m -> problems.add(new Problem(tw + ".namespaces", m)));
            }
        }
        Set<String> aliases = new HashSet<>();
        for (int h = 0; h < env.hosts().size(); h++) {
            HostRef host = env.hosts().get(h);
            String hw = where + ".hosts[" + h + "]";
            aliasProblem(host.alias()).ifPresent(m -> problems.add(new Problem(hw + ".alias", m)));
            if (host.alias() != null && !aliases.add(host.alias())) {
                problems.add(new Problem(hw + ".alias", "host '" + host.alias() + "' is listed twice"));
            }
            if (host.port() != null && (host.port() < 1 || host.port() > 65535)) {
                problems.add(new Problem(hw + ".port", "port " + host.port() + " is not between 1 and 65535"));
            }
        }
        return problems;
    }

    public static List<Problem> checkApplication(String where, Application app) {
        List<Problem> problems = new ArrayList<>();
        nameProblem(app.name()).ifPresent(m -> problems.add(new Problem(where + ".name", m)));
        if (app.workload() != null) {
            if (app.workload().kind() == null) {
                problems.add(new Problem(where + ".kubernetes.kind", "kind must be Deployment, StatefulSet or DaemonSet"));
            }
            if (app.workload().name() == null || app.workload().name().isBlank()) {
                problems.add(new Problem(where + ".kubernetes.name", "the workload's name is required"));
            }
        }
        if (app.hostService() != null
                && (app.hostService().deployRoot() == null || !app.hostService().deployRoot().startsWith("/"))) {
            problems.add(new Problem(where + ".hosts.deployRoot", "deployRoot must be an absolute path"));
        }
        return problems;
    }

    public static Optional<String> nameProblem(String name) {
        if (name == null || name.isBlank()) {
            return Optional.of("a name is required");
        }
        if (!NAME.matcher(name).matches()) {
            return Optional.of("name '" + name
                    + "' may use only letters, digits, '.', '-' and '_', start with a letter or digit, and be at most 63 long");
        }
        return Optional.empty();
    }

    public static Optional<String> namespaceProblem(String ns) {
        if (ns == null || !NAMESPACE.matcher(ns).matches()) {
            return Optional.of("namespace '" + ns + "' is not a valid Kubernetes namespace (lower-case letters, digits, '-')");
        }
        return Optional.empty();
    }

    public static Optional<String> aliasProblem(String alias) {
        if (alias == null || alias.isBlank()) {
            return Optional.of("a host needs an ssh alias");
        }
        if (!ALIAS.matcher(alias).matches()) {
            return Optional.of("host alias '" + alias + "' may not contain spaces or the patterns * ? !");
        }
        return Optional.empty();
    }
}
