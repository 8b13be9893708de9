package dev.wheelhouse.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wheelhouse.core.workspace.Discovery;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.EnvironmentDiscovery;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Proposes environments from what the user already has: the kubeconfig's contexts and the ssh
 * config's hosts. Reads files only; never contacts a cluster or a host.
 *
 * <h2>How things are grouped</h2>
 * <ol>
 *   <li>Each kubeconfig context becomes one environment, in the kubeconfig's order. Its name is
 *       the context name made to fit the workspace name rule (characters other than letters,
 *       digits, '.', '-', '_' become '-', at most 63 long, "-2", "-3" ... when two collide).
 *       Its one Kubernetes target is the context itself, with the context's namespace if it sets
 *       a valid one (else the context's default namespace). Its tier is
 *       {@link Tier#guessFrom(String)} of the context name and namespace together, so a
 *       "prod" in either makes it production.</li>
 *   <li>Each concrete ssh {@code Host} alias (patterns skipped) gets the tier guessed from the
 *       alias, and joins a context environment of the same tier: the one whose name shares the
 *       most name parts (split on '-', '.', '_') with the alias, the first in kubeconfig order on
 *       a tie. When no context has that tier, hosts of that tier form an environment
 *       {@code hosts-<tier>} (e.g. {@code hosts-production}), after the context environments.</li>
 * </ol>
 * The ssh config is read as {@link SshConfigHosts} describes: {@code Include} paths that are
 * relative are taken from the ssh config's own directory (~/.ssh for the default config, as ssh
 * does), globs are expanded, and {@code Match} blocks are ignored.
 * Nothing is read-only and no colour is set: the tier's default applies. Missing or malformed
 * files become {@link Discovery#notes()} ("kubeconfig /x/y:3:5: malformed YAML: ..."); only the
 * kubeconfig's first file is read (see {@link #defaultKubeconfig}). Every proposed environment
 * passes {@link WorkspaceRules}; anything that would not is left out with a note.
 */
public final class LocalEnvironmentDiscovery implements EnvironmentDiscovery {
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Path kubeconfig;
    private final Path sshConfig;

    /** Either path may be null (not looked at) or point at a missing file (a note). */
    public LocalEnvironmentDiscovery(Path kubeconfig, Path sshConfig) {
        this.kubeconfig = kubeconfig;
        this.sshConfig = sshConfig;
    }

    /** The first file of $KUBECONFIG (a path list, as kubectl reads it), else ~/.kube/config. */
    public static Path defaultKubeconfig(Map<String, String> env, Path home) {
        String list = env == null ? null : env.get("KUBECONFIG");
        if (list != null) {
            for (String entry : list.split(java.util.regex.Pattern.quote(File.pathSeparator))) {
                if (!entry.isBlank()) {
                    return Path.of(entry.strip());
                }
            }
        }
        return home.resolve(".kube").resolve("config");
    }

    /** ~/.ssh/config. */
    public static Path defaultSshConfig(Path home) {
        return home.resolve(".ssh").resolve("config");
    }

    @Override
    public Discovery discover() {
        List<String> notes = new ArrayList<>();
        List<Proposal> proposals = new ArrayList<>();
        Set<String> names = new HashSet<>();
        if (kubeconfig != null) {
            for (Context c : readContexts(kubeconfig, notes)) {
                Tier tier = Tier.guessFrom(c.name() + " " + (c.namespace() == null ? "" : c.namespace()));
                List<String> namespaces = c.namespace() == null ? List.of() : List.of(c.namespace());
                Proposal p = new Proposal(unique(sanitise(c.name()), names), tier, true, c.name());
                p.targets.add(new KubeTarget(c.name(), namespaces));
                proposals.add(p);
            }
        }
        if (sshConfig != null) {
            Path base = sshConfig.toAbsolutePath().getParent();
            Path home = Path.of(System.getProperty("user.home"));
            SshConfigHosts.Result ssh = SshConfigHosts.read(sshConfig, base == null ? Path.of(".") : base, home);
            notes.addAll(ssh.notes());
            Map<Tier, Proposal> hostGroups = new LinkedHashMap<>();
            for (String alias : ssh.aliases()) {
                Tier tier = Tier.guessFrom(alias);
                Proposal owner = closest(alias, tier, proposals);
                if (owner == null) {
                    owner = hostGroups.computeIfAbsent(tier,
                            t -> new Proposal(unique("hosts-" + t.id(), names), t, false, null));
                }
                owner.hosts.add(HostRef.of(alias));
            }
            proposals.addAll(hostGroups.values());
        }
        List<Environment> environments = new ArrayList<>();
        for (Proposal p : proposals) {
            Environment env = new Environment(p.name, p.tier, null, false, p.targets, p.hosts);
            List<WorkspaceRules.Problem> problems = WorkspaceRules.checkEnvironment(p.name, env);
            if (problems.isEmpty()) {
                environments.add(env);
            } else {
                notes.add("environment '" + p.name + "' not proposed: " + problems.getFirst().message());
            }
        }
        return new Discovery(environments, notes);
    }

    // ---- kubeconfig ---------------------------------------------------------------------

    record Context(String name, String namespace) {}

    static List<Context> readContexts(Path file, List<String> notes) {
        String what = "kubeconfig " + file;
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            notes.add(what + ": not found");
            return List.of();
        } catch (IOException e) {
            notes.add(what + ": cannot read: " + e);
            return List.of();
        }
        JsonNode root;
        try {
            root = YAML.readTree(text);
        } catch (JsonProcessingException e) {
            YamlSyntax.Position p = YamlSyntax.describe(e);
            notes.add(what + (p.line() > 0 ? ":" + p.line() + ":" + p.column() : "") + ": " + p.message());
            return List.of();
        }
        if (root == null || root.isMissingNode() || root.isNull()) {
            notes.add(what + ": is empty");
            return List.of();
        }
        if (!root.isObject()) {
            notes.add(what + ": is not a kubeconfig (expected a mapping with 'contexts')");
            return List.of();
        }
        JsonNode contexts = root.path("contexts");
        if (contexts.isMissingNode() || contexts.isNull() || (contexts.isArray() && contexts.isEmpty())) {
            notes.add(what + ": has no contexts");
            return List.of();
        }
        if (!contexts.isArray()) {
            notes.add(what + ": 'contexts' is not a list");
            return List.of();
        }
        List<Context> found = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < contexts.size(); i++) {
            JsonNode entry = contexts.get(i);
            JsonNode name = entry.path("name");
            if (!name.isValueNode() || name.asText().isBlank()) {
                notes.add(what + ": contexts[" + i + "] has no name; skipped");
                continue;
            }
            String contextName = name.asText();
            if (!seen.add(contextName)) {
                notes.add(what + ": context '" + contextName + "' is defined twice; the first is used");
                continue;
            }
            JsonNode ns = entry.path("context").path("namespace");
            String namespace = ns.isValueNode() && !ns.asText().isBlank() ? ns.asText().strip() : null;
            if (namespace != null && WorkspaceRules.namespaceProblem(namespace).isPresent()) {
                notes.add(what + ": context '" + contextName + "': " + WorkspaceRules.namespaceProblem(namespace).get()
                        + "; using the default namespace");
                namespace = null;
            }
            found.add(new Context(contextName, namespace));
        }
        return found;
    }

    // ---- grouping -----------------------------------------------------------------------

    private static final class Proposal {
        final String name;
        final Tier tier;
        final boolean fromContext;
        final String context;
        final List<KubeTarget> targets = new ArrayList<>();
        final List<HostRef> hosts = new ArrayList<>();

        Proposal(String name, Tier tier, boolean fromContext, String context) {
            this.name = name;
            this.tier = tier;
            this.fromContext = fromContext;
            this.context = context;
        }
    }

    /** The context environment of the tier sharing the most name parts with the alias. */
    private static Proposal closest(String alias, Tier tier, List<Proposal> proposals) {
        Set<String> aliasParts = parts(alias);
        Proposal best = null;
        int bestScore = -1;
        for (Proposal p : proposals) {
            if (!p.fromContext || p.tier != tier) {
                continue;
            }
            Set<String> shared = parts(p.context);
            shared.retainAll(aliasParts);
            if (shared.size() > bestScore) {
                best = p;
                bestScore = shared.size();
            }
        }
        return best;
    }

    private static Set<String> parts(String name) {
        Set<String> parts = new HashSet<>(Arrays.asList(name.toLowerCase(Locale.ROOT).split("[-._]+")));
        parts.remove("");
        return parts;
    }

    /** Makes any context name fit the workspace's name rule. */
    static String sanitise(String name) {
        String s = name.replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("-{2,}", "-");
        s = s.replaceAll("^[^A-Za-z0-9]+", "");
        if (s.length() > 63) {
            s = s.substring(0, 63);
        }
        s = s.replaceAll("[-._]+$", "");
        return s.isEmpty() ? "context" : s;
    }

    private static String unique(String base, Set<String> taken) {
        String name = base;
        for (int n = 2; !taken.add(name); n++) {
            String suffix = "-" + n;
            name = base.substring(0, Math.min(base.length(), 63 - suffix.length())) + suffix;
        }
        return name;
    }
}
