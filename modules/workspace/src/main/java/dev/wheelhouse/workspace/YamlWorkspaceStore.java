package dev.wheelhouse.workspace;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceError;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import dev.wheelhouse.core.workspace.WorkspaceStore;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.workspace.WorkspaceFile.ApplicationEntry;
import dev.wheelhouse.workspace.WorkspaceFile.EnvironmentEntry;
import dev.wheelhouse.workspace.WorkspaceFile.HostEntry;
import dev.wheelhouse.workspace.WorkspaceFile.HostServiceEntry;
import dev.wheelhouse.workspace.WorkspaceFile.KubernetesEntry;
import dev.wheelhouse.workspace.WorkspaceFile.WorkloadEntry;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The workspace kept in a YAML file the user can edit and share.
 *
 * <h2>File format</h2>
 * <pre>{@code
 * # Wheelhouse workspace
 * environments:
 *   - name: shop-prod              # letters, digits, . - _ ; unique
 *     tier: production             # development | staging | production (required)
 *     colour: "#e03131"            # optional #rrggbb, defaults by tier (quote it: # starts a comment)
 *     readOnly: false              # optional, default false
 *     kubernetes:                  # optional: kubeconfig contexts and their namespaces
 *       - context: prod-cluster
 *         namespaces: [shop-prod]  # optional; none = the context's default namespace
 *     hosts:                       # optional: ssh config Host aliases
 *       - alias: web-1
 *       - alias: web-2
 *         hostName: 10.0.0.12      # optional overrides of the ssh config
 *         port: 2222
 *         user: deploy
 * applications:
 *   - name: checkout
 *     kubernetes: { kind: Deployment, name: checkout, container: app }   # kind: Deployment | StatefulSet | DaemonSet
 *                                    # optional: rollbackOnFailure: true (a failed deploy rolls back by itself)
 *     hosts:                       # optional: a service on the environment's hosts
 *       deployRoot: /srv/checkout  # absolute; releases/, current, shared/, .wheelhouse/ go here
 *       restart: "sudo systemctl restart checkout"   # run in the current release after a switch
 *       health: "curl -fsS localhost:8080/health"    # optional; exit 0 = healthy
 *       shared: [logs, config/app.yml]               # optional: linked into every release from shared/
 *       keepReleases: 5                              # optional, 2..100 (default 5)
 *       batches: { first: 1, percent: 50, maxFailedPercent: 0 }            # optional (these are the defaults)
 *       healthCheck: { retries: 5, timeoutSeconds: 10, intervalSeconds: 2 } # optional (these are the defaults)
 * }</pre>
 * Both top-level lists are optional; an empty file is an empty workspace. Tier and kind are
 * case-insensitive. There are no secret fields: credentials stay in the kubeconfig, the ssh
 * agent and the ssh config.
 *
 * <h2>Reading</h2>
 * {@link #load()} never throws for bad input: the file is read once, never written, and every
 * problem becomes a {@link WorkspaceLoad.Invalid} naming the line and column (1-based; 0 when the
 * file cannot be read at all). Unknown fields, a key given twice, a second YAML document, wrong
 * types, unknown tiers and kinds, empty list entries and every rule of {@link WorkspaceRules}
 * are reported, so nothing in the file is silently ignored.
 *
 * <h2>Writing</h2>
 * {@link #save(Workspace)} refuses a workspace that breaks a rule, writes the new text to a
 * temporary file in the same directory and forces it to disk, copies the current file to
 * {@code <name>.bak} (one backup, replacing the previous one) and renames the new file over the
 * current one (atomically where the file system can). The current file is never truncated in
 * place, so a failed save leaves it as it was. Comments in a hand-edited file are not kept.
 */
public final class YamlWorkspaceStore implements WorkspaceStore {

    static final String HEADER = """
            # Wheelhouse workspace: environments (tier: development | staging | production)
            # and applications. Edit freely; saving from Wheelhouse rewrites this file without comments.
            """;

    private static final YAMLFactory FACTORY = YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .enable(YAMLGenerator.Feature.INDENT_ARRAYS_WITH_INDICATOR)
            .build();
    private static final YAMLMapper MAPPER = YAMLMapper.builder(FACTORY)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .build();
    private static final ObjectReader READER = MAPPER.readerFor(WorkspaceFile.class);
    private static final ObjectWriter WRITER = MAPPER.writerFor(WorkspaceFile.class);

    private final Path file;

    public YamlWorkspaceStore(Path file) {
        this.file = Objects.requireNonNull(file, "file");
    }

    @Override
    public Path file() {
        return file;
    }

    @Override
    public WorkspaceLoad load() {
        if (Files.isDirectory(file)) {
            return new WorkspaceLoad.Invalid(file, new WorkspaceError(file, 0, 0, "is a directory, not a workspace file"));
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return new WorkspaceLoad.Missing(file);
        } catch (AccessDeniedException e) {
            return new WorkspaceLoad.Invalid(file, new WorkspaceError(file, 0, 0, "cannot read the file: permission denied"));
        } catch (IOException e) {
            return new WorkspaceLoad.Invalid(file, new WorkspaceError(file, 0, 0, "cannot read the file: " + e));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return new WorkspaceLoad.Invalid(file, new WorkspaceError(file, 0, 0, "is not UTF-8 text"));
        }
        try {
            return new WorkspaceLoad.Loaded(file, parse(text));
        } catch (FileProblem p) {
            return new WorkspaceLoad.Invalid(file, new WorkspaceError(file, p.line, p.column, p.getMessage()));
        }
    }

    @Override
    public synchronized void save(Workspace workspace) throws IOException {
        Objects.requireNonNull(workspace, "workspace");
        List<WorkspaceRules.Problem> problems = WorkspaceRules.check(workspace);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("workspace not saved to " + file + ": "
                    + problems.stream().map(WorkspaceRules.Problem::toString).collect(Collectors.joining("; ")));
        }
        byte[] bytes = render(workspace).getBytes(StandardCharsets.UTF_8);
        Path target = writeTarget();
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        String name = target.getFileName().toString();
        Path temp = Files.createTempFile(dir, "." + name + ".", ".tmp");
        boolean moved = false;
        try {
            try (FileChannel out = FileChannel.open(temp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    out.write(buffer);
                }
                out.force(true);
            }
            if (Files.exists(target)) {
                copyPermissions(target, temp);
                backUp(target, dir, name);
            }
            move(temp, target);
            moved = true;
            syncDirectory(dir);
        } finally {
            if (!moved) {
                Files.deleteIfExists(temp);
            }
        }
    }

    /** The YAML text save writes: the header, then the workspace. */
    static String render(Workspace workspace) {
        try {
            return HEADER + WRITER.writeValueAsString(toFile(workspace));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot render the workspace as YAML", e);
        }
    }

    // ---- reading ------------------------------------------------------------------------

    /** A problem in the file, at a 1-based position. */
    static final class FileProblem extends Exception {
        private static final long serialVersionUID = 1L;
        final int line;
        final int column;

        FileProblem(int line, int column, String message) {
            super(message, null, false, false);
            this.line = line;
            this.column = column;
        }

        FileProblem(YamlLocations.Node at, String message) {
            this(at.line(), at.column(), message);
        }
    }

    static Workspace parse(String text) throws FileProblem {
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        YamlLocations at;
        try {
            at = YamlLocations.index(FACTORY, text);
        } catch (JsonProcessingException e) {
            YamlSyntax.Position p = YamlSyntax.describe(e);
            throw new FileProblem(p.line(), p.column(), p.message());
        } catch (YamlLocations.StructureException e) {
            throw new FileProblem(e.line, e.column, e.getMessage());
        } catch (IOException e) {
            throw new FileProblem(0, 0, "cannot read the YAML: " + e.getMessage());
        }
        YamlLocations.Node root = at.root().orElse(null);
        if (root == null || root.kind() == YamlLocations.Kind.NULL) {
            return Workspace.EMPTY;
        }
        if (root.kind() != YamlLocations.Kind.MAPPING) {
            throw new FileProblem(root, "expected a mapping with 'environments' and 'applications' at the top level, found "
                    + found(root));
        }
        WorkspaceFile dto;
        try {
            dto = READER.readValue(text);
        } catch (JsonProcessingException e) {
            throw mappingProblem(e, at);
        }
        Workspace workspace = toWorkspace(dto, at);
        List<WorkspaceRules.Problem> problems = WorkspaceRules.check(workspace);
        if (!problems.isEmpty()) {
            WorkspaceRules.Problem first = problems.getFirst();
            String more = problems.size() == 1 ? "" : " (and " + (problems.size() - 1) + " more)";
            throw new FileProblem(locate(first.where(), at), first + more);
        }
        return workspace;
    }

    /** The node a rule's "where" points at; for a bad namespace, the offending list item. */
    private static YamlLocations.Node locate(String where, YamlLocations at) {
        if (where.endsWith(".namespaces")) {
            for (int i = 0; ; i++) {
                var item = at.value(where + "[" + i + "]");
                if (item.isEmpty()) {
                    break;
                }
                if (WorkspaceRules.namespaceProblem(item.get().text()).isPresent()) {
                    return item.get();
                }
            }
        }
        return at.nearest(where);
    }

    private static FileProblem mappingProblem(JsonProcessingException e, YamlLocations at) {
        if (!(e instanceof JsonMappingException m)) {
            YamlSyntax.Position p = YamlSyntax.describe(e);
            return new FileProblem(p.line(), p.column(), p.message());
        }
        String path = path(m.getPath());
        if (m instanceof UnrecognizedPropertyException u) {
            String parent = YamlLocations.parent(path);
            List<String> known = knownFields(u.getReferringClass(), u.getKnownPropertyIds());
            String field = u.getPropertyName();
            String hint = closest(field, known).map(k -> "; did you mean '" + k + "'?").orElse("");
            YamlLocations.Node where = at.key(path).orElseGet(() -> at.nearest(parent));
            return new FileProblem(where, "unknown field '" + field + "' in " + YamlLocations.describe(parent) + hint
                    + " (known fields: " + String.join(", ", known) + ")");
        }
        YamlLocations.Node where = at.nearest(path);
        boolean empty = at.value(path).map(n -> n.kind() == YamlLocations.Kind.NULL
                || (n.kind() == YamlLocations.Kind.SCALAR && n.text().isEmpty())).orElse(false);
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null && empty) {
            return new FileProblem(where, YamlLocations.describe(path) + " is empty: expected " + expected(mi.getTargetType()));
        }
        if (m instanceof MismatchedInputException mi && mi.getTargetType() != null) {
            String found = m instanceof InvalidFormatException f && f.getValue() != null
                    ? "'" + f.getValue() + "'"
                    : at.value(path).map(YamlLocations.Node::kind).isPresent() ? found(where) : "nothing";
            return new FileProblem(where, YamlLocations.describe(path) + ": expected " + expected(mi.getTargetType())
                    + ", found " + found);
        }
        return new FileProblem(where, YamlLocations.describe(path) + ": " + YamlSyntax.oneLine(m.getOriginalMessage()));
    }

    private static String path(List<JsonMappingException.Reference> refs) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference r : refs) {
            if (r.getFieldName() != null) {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(r.getFieldName());
            } else if (r.getIndex() >= 0) {
                sb.append('[').append(r.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    private static List<String> knownFields(Class<?> type, Collection<Object> fallback) {
        if (type != null && type.isRecord()) {
            return Arrays.stream(type.getRecordComponents()).map(c -> c.getName()).toList();
        }
        return fallback == null ? List.of() : fallback.stream().map(String::valueOf).sorted().toList();
    }

    /** A known field within two edits of the unknown one (typos like "namspaces"). */
    private static java.util.Optional<String> closest(String unknown, List<String> known) {
        String u = unknown.toLowerCase(Locale.ROOT);
        String best = null;
        int bestDistance = 3;
        for (String k : known) {
            int d = distance(u, k.toLowerCase(Locale.ROOT));
            if (d < bestDistance) {
                best = k;
                bestDistance = d;
            }
        }
        return java.util.Optional.ofNullable(best);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] swap = prev;
            prev = cur;
            cur = swap;
        }
        return prev[b.length()];
    }

    private static String expected(Class<?> type) {
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        if (type == String.class) {
            return "a single value (text)";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "a whole number";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        return "a mapping of fields";
    }

    private static String found(YamlLocations.Node node) {
        return switch (node.kind()) {
            case MAPPING -> "a mapping";
            case LIST -> "a list";
            case NULL -> "nothing";
            case SCALAR -> "'" + node.text() + "'";
        };
    }

    private static Workspace toWorkspace(WorkspaceFile dto, YamlLocations at) throws FileProblem {
        List<Environment> environments = new ArrayList<>();
        List<EnvironmentEntry> envEntries = orEmpty(dto.environments());
        for (int i = 0; i < envEntries.size(); i++) {
            String where = "environments[" + i + "]";
            EnvironmentEntry e = present(envEntries.get(i), where, "an environment (name, tier, ...)", at);
            noEmptyValues(at, where, ENVIRONMENT_SCALARS);
            Tier tier = null;
            if (e.tier() != null) {
                tier = Tier.parse(e.tier()).orElseThrow(() -> new FileProblem(at.nearest(where + ".tier"),
                        "unknown tier '" + e.tier() + "' (expected " + Tier.choices() + ")"));
            }
            List<KubeTarget> targets = new ArrayList<>();
            List<KubernetesEntry> kube = orEmpty(e.kubernetes());
            for (int k = 0; k < kube.size(); k++) {
                KubernetesEntry t = present(kube.get(k), where + ".kubernetes[" + k + "]", "a context", at);
                noEmptyValues(at, where + ".kubernetes[" + k + "]", KUBERNETES_SCALARS);
                targets.add(new KubeTarget(t.context(), t.namespaces()));
            }
            List<HostRef> hosts = new ArrayList<>();
            List<HostEntry> hostEntries = orEmpty(e.hosts());
            for (int h = 0; h < hostEntries.size(); h++) {
                HostEntry host = present(hostEntries.get(h), where + ".hosts[" + h + "]", "a host alias", at);
                noEmptyValues(at, where + ".hosts[" + h + "]", HOST_SCALARS);
                hosts.add(new HostRef(host.alias(), host.hostName(), host.port(), host.user()));
            }
            environments.add(new Environment(e.name(), tier, e.colour(), Boolean.TRUE.equals(e.readOnly()), targets, hosts));
        }
        List<Application> applications = new ArrayList<>();
        List<ApplicationEntry> appEntries = orEmpty(dto.applications());
        for (int i = 0; i < appEntries.size(); i++) {
            String where = "applications[" + i + "]";
            ApplicationEntry a = present(appEntries.get(i), where, "an application (name, kubernetes, hosts)", at);
            noEmptyValues(at, where, APPLICATION_SCALARS);
            Application.Workload workload = null;
            if (a.kubernetes() != null) {
                WorkloadEntry w = a.kubernetes();
                WorkloadKind kind = null;
                if (w.kind() != null) {
                    kind = WorkloadKind.parse(w.kind()).orElseThrow(() -> new FileProblem(at.nearest(where + ".kubernetes.kind"),
                            "unknown kind '" + w.kind() + "' (expected " + kinds() + ")"));
                }
                workload = new Application.Workload(kind, w.name(), w.container(), w.rollbackOnFailure());
            }
            Application.HostService service = null;
            if (a.hosts() != null) {
                HostServiceEntry s = a.hosts();
                noNullItems(at, where + ".hosts.shared", s.shared());
                service = new Application.HostService(s.deployRoot(), s.restart(), s.health(), s.shared(), s.keepReleases(),
                        s.batches() == null ? null : new Application.Batches(
                                s.batches().first(), s.batches().percent(), s.batches().maxFailedPercent()),
                        s.healthCheck() == null ? null : new Application.HealthCheck(
                                s.healthCheck().retries(), s.healthCheck().timeoutSeconds(), s.healthCheck().intervalSeconds()));
            }
            applications.add(new Application(a.name(), workload, service));
        }
        return new Workspace(environments, applications);
    }

    /** Scalar fields that are written down must have a value: an empty one is a mistake. */
    private static final List<String> ENVIRONMENT_SCALARS = List.of("name", "tier", "colour", "readOnly");
    private static final List<String> KUBERNETES_SCALARS = List.of("context");
    private static final List<String> HOST_SCALARS = List.of("alias", "hostName", "port", "user");
    private static final List<String> APPLICATION_SCALARS = List.of(
            "name", "kubernetes.kind", "kubernetes.name", "kubernetes.container", "kubernetes.rollbackOnFailure",
            "hosts.deployRoot", "hosts.restart", "hosts.health", "hosts.keepReleases",
            "hosts.batches.first", "hosts.batches.percent", "hosts.batches.maxFailedPercent",
            "hosts.healthCheck.retries", "hosts.healthCheck.timeoutSeconds", "hosts.healthCheck.intervalSeconds");

    private static void noNullItems(YamlLocations at, String where, List<String> items) throws FileProblem {
        if (items == null) {
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i) == null || items.get(i).isBlank()) {
                throw new FileProblem(at.nearest(where + "[" + i + "]"), where + "[" + i + "] has no value");
            }
        }
    }

    private static void noEmptyValues(YamlLocations at, String where, List<String> fields) throws FileProblem {
        for (String field : fields) {
            String path = where + "." + field;
            if (at.emptyValue(path)) {
                String hint = field.equals("colour") ? " (in YAML '#' starts a comment: quote it, e.g. colour: \"#e03131\")" : "";
                throw new FileProblem(at.key(path).orElseGet(() -> at.nearest(path)), path + " has no value" + hint);
            }
        }
    }

    private static <T> T present(T entry, String where, String expected, YamlLocations at) throws FileProblem {
        if (entry == null) {
            throw new FileProblem(at.nearest(where), where + " is empty: expected " + expected);
        }
        return entry;
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static String kinds() {
        return Arrays.stream(WorkloadKind.values()).map(WorkloadKind::kind).collect(Collectors.joining(", "));
    }

    // ---- writing ------------------------------------------------------------------------

    private static WorkspaceFile toFile(Workspace workspace) {
        List<EnvironmentEntry> environments = workspace.environments().stream()
                .map(e -> new EnvironmentEntry(
                        e.name(),
                        e.tier().id(),
                        e.colour() == null || e.colour().isBlank() ? null : e.colour(),
                        e.readOnly() ? Boolean.TRUE : null,
                        map(e.kubeTargets(), t -> new KubernetesEntry(t.context(), t.namespaces())),
                        map(e.hosts(), h -> new HostEntry(h.alias(), h.hostName(), h.port(), h.user()))))
                .toList();
        List<ApplicationEntry> applications = workspace.applications().stream()
                .map(a -> new ApplicationEntry(
                        a.name(),
                        a.workload() == null ? null : new WorkloadEntry(
                                a.workload().kind().kind(), a.workload().name(), a.workload().container(),
                                a.workload().rollbackOnFailure()),
                        a.hostService() == null ? null : hostServiceEntry(a.hostService())))
                .toList();
        return new WorkspaceFile(environments, applications);
    }

    private static HostServiceEntry hostServiceEntry(Application.HostService s) {
        Application.Batches b = s.batches();
        Application.HealthCheck h = s.healthCheck();
        return new HostServiceEntry(s.deployRoot(), s.restartCommand(), s.healthCommand(), s.sharedPaths(), s.keepReleases(),
                b == null ? null : new WorkspaceFile.BatchesEntry(b.first(), b.percent(), b.maxFailedPercent()),
                h == null ? null : new WorkspaceFile.HealthCheckEntry(h.retries(), h.timeoutSeconds(), h.intervalSeconds()));
    }

    private static <A, B> List<B> map(List<A> list, Function<A, B> f) {
        return list.stream().map(f).toList();
    }

    /** Saving through a symlink (a dotfiles repository) replaces the link's target, not the link. */
    private Path writeTarget() {
        if (Files.isSymbolicLink(file)) {
            try {
                return file.toRealPath();
            } catch (IOException dangling) {
                return file;
            }
        }
        return file;
    }

    private static void backUp(Path target, Path dir, String name) throws IOException {
        Path backup = target.resolveSibling(name + ".bak");
        Path temp = Files.createTempFile(dir, "." + name + ".", ".bak.tmp");
        try {
            Files.copy(target, temp, StandardCopyOption.REPLACE_EXISTING);
            move(temp, backup);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void copyPermissions(Path from, Path to) {
        try {
            Files.setPosixFilePermissions(to, Files.getPosixFilePermissions(from));
        } catch (UnsupportedOperationException | IOException notPosix) {
            // keep the temp file's default permissions
        }
    }

    /** Makes the rename durable; not every platform can open a directory, which is fine. */
    private static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException ignored) {
            // best effort
        }
    }
}
