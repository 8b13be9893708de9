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
    /**
     * Release ids and version labels become directory names and words of remote commands:
     * letters, digits, '.', '_', '+', '-', starting with a letter or digit (so never "." or "..").
     */
    private static final Pattern RELEASE_WORD = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._+-]{0,79}");
    /** A shared path: relative, plain segments only. */
    private static final Pattern SHARED_PATH = Pattern.compile("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*");

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
        if (app.hostService() != null) {
            problems.addAll(checkHostService(where + ".hosts", app.hostService()));
        }
        return problems;
    }

    /** The rules of a service on hosts: the deploy root, shared paths, keep, batches, health check. */
    public static List<Problem> checkHostService(String where, Application.HostService s) {
        List<Problem> problems = new ArrayList<>();
        if (s.deployRoot() == null || !s.deployRoot().startsWith("/")) {
            problems.add(new Problem(where + ".deployRoot", "deployRoot must be an absolute path"));
        } else if (s.deployRoot().equals("/") || s.deployRoot().contains("/../") || s.deployRoot().endsWith("/..")
                || s.deployRoot().indexOf('\0') >= 0 || s.deployRoot().indexOf('\n') >= 0) {
            problems.add(new Problem(where + ".deployRoot", "deployRoot '" + s.deployRoot()
                    + "' must be a directory below / without '..' or line breaks"));
        }
        for (int i = 0; i < s.sharedPaths().size(); i++) {
            String path = s.sharedPaths().get(i);
            if (path == null || !SHARED_PATH.matcher(path).matches() || List.of(path.split("/")).contains("..")
                    || List.of(path.split("/")).contains(".")) {
                problems.add(new Problem(where + ".shared[" + i + "]", "shared path '" + path
                        + "' must be relative (like logs or config/app.yml), made of letters, digits, '.', '_', '-' and '/', without '.' or '..'"));
            }
        }
        if (s.keepReleases() != null && (s.keepReleases() < 2 || s.keepReleases() > 100)) {
            problems.add(new Problem(where + ".keepReleases", "keepReleases " + s.keepReleases()
                    + " must be between 2 and 100 (the current release and the previous one are always kept)"));
        }
        Application.Batches b = s.batches();
        if (b != null) {
            range(problems, where + ".batches.first", b.first(), 1, 1000, "hosts in the first batch");
            range(problems, where + ".batches.percent", b.percent(), 1, 100, "percent of the hosts in the second batch");
            range(problems, where + ".batches.maxFailedPercent", b.maxFailedPercent(), 0, 100, "percent of a batch that may fail");
        }
        Application.HealthCheck h = s.healthCheck();
        if (h != null) {
            range(problems, where + ".healthCheck.retries", h.retries(), 1, 100, "tries of the health command");
            range(problems, where + ".healthCheck.timeoutSeconds", h.timeoutSeconds(), 1, 3600, "seconds each try may take");
            range(problems, where + ".healthCheck.intervalSeconds", h.intervalSeconds(), 0, 3600, "seconds between tries");
        }
        return problems;
    }

    private static void range(List<Problem> problems, String where, Integer value, int min, int max, String what) {
        if (value != null && (value < min || value > max)) {
            problems.add(new Problem(where, value + " is not between " + min + " and " + max + " (" + what + ")"));
        }
    }

    /**
     * A version label of a host release: checked before anything reaches a host, since it is
     * written into the host's release log and may be part of the release id.
     */
    public static Optional<String> versionProblem(String version) {
        if (version == null || version.isBlank()) {
            return Optional.of("a version is required (like 1.4.2)");
        }
        if (!RELEASE_WORD.matcher(version).matches()) {
            return Optional.of("version '" + version + "' may use only letters, digits, '.', '_', '+' and '-', "
                    + "start with a letter or digit, and be at most 80 long");
        }
        return Optional.empty();
    }

    /** A release id: the name of the release's directory on each host. */
    public static Optional<String> releaseIdProblem(String releaseId) {
        if (releaseId == null || releaseId.isBlank()) {
            return Optional.of("a release id is required");
        }
        if (!RELEASE_WORD.matcher(releaseId).matches()) {
            return Optional.of("release id '" + releaseId + "' may use only letters, digits, '.', '_', '+' and '-', "
                    + "start with a letter or digit, and be at most 80 long");
        }
        return Optional.empty();
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
