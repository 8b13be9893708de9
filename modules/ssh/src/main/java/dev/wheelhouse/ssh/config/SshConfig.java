package dev.wheelhouse.ssh.config;

import dev.wheelhouse.core.workspace.HostRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The user's OpenSSH client config, read once and resolved per host the way ssh(1) does:
 * {@code Host} blocks matched against the alias as typed ({@code * ? !}), the first value
 * obtained for an option wins (IdentityFile accumulates), {@code Include} is followed (globs,
 * {@code ~}, relative to ~/.ssh, an Include inside a non-matching block applies nothing).
 * {@code Match} blocks are out of scope: they and their options are skipped, with a note.
 * Workspace overrides (HostRef's hostName/port/user) win, like ssh's command-line options.
 * Pure: reads files at load, nothing else.
 */
public final class SshConfig {
    private static final int MAX_INCLUDE_DEPTH = 16;
    private static final int MAX_JUMP_DEPTH = 8;

    private sealed interface Node permits HostLine, MatchLine, IncludeLine, OptionLine {}

    private record HostLine(List<String> patterns) implements Node {}

    private record MatchLine(String where) implements Node {}

    private record IncludeLine(List<List<Node>> files) implements Node {}

    private record OptionLine(String keyword, List<String> args, String where) implements Node {}

    private final Path home;
    private final String localUser;
    private final List<Node> nodes;
    private final List<String> loadNotes;

    private SshConfig(Path home, String localUser, List<Node> nodes, List<String> loadNotes) {
        this.home = home;
        this.localUser = localUser;
        this.nodes = nodes;
        this.loadNotes = List.copyOf(loadNotes);
    }

    /** An empty config: every alias is its own host name, port 22, the local user. */
    public static SshConfig empty(Path home, String localUser) {
        return new SshConfig(home, localUser, List.of(), List.of());
    }

    /**
     * Reads the config and everything it includes. A missing file is an empty config; a line
     * that cannot be read is skipped with a note (ssh would refuse the whole file; a console
     * that shows the other hosts is more use during an incident).
     */
    public static SshConfig load(Path file, Path home, String localUser) {
        Loader loader = new Loader(home);
        List<Node> nodes = loader.read(file, 0, null, false);
        return new SshConfig(home, localUser, nodes, loader.notes);
    }

    /** Problems met while reading the files (skipped lines, Include loops ...), with file:line. */
    public List<String> loadNotes() {
        return loadNotes;
    }

    /** Resolves a workspace host: its overrides win over the config. */
    public ResolvedHost resolve(HostRef host) {
        return resolve(host.alias(), host.hostName(), host.port(), host.user(), null);
    }

    /**
     * Resolves the host of a ProxyJump hop, as ssh does for {@code ssh -W}: the hop's host is an
     * alias in the config, its user and port given on the "command line"; the hops before it
     * (if any) become its own ProxyJump, else its config's ProxyJump applies.
     */
    public ResolvedHost resolveJump(JumpHost hop, List<JumpHost> hopsBefore) {
        return resolve(hop.host(), null, hop.port(), hop.user(), hopsBefore.isEmpty() ? null : hopsBefore);
    }

    /** The hops, first to last, that lead to a jump host's own hosts, resolved recursively; bounded depth. */
    public List<ResolvedHost> resolveChain(ResolvedHost destination) {
        List<ResolvedHost> chain = new ArrayList<>();
        addChain(destination, chain, 0);
        return chain;
    }

    private void addChain(ResolvedHost host, List<ResolvedHost> chain, int depth) {
        List<JumpHost> hops = host.proxyJump();
        if (hops.isEmpty()) {
            return;
        }
        if (depth >= MAX_JUMP_DEPTH) {
            throw new IllegalArgumentException("ProxyJump of " + host.alias() + " is nested more than " + MAX_JUMP_DEPTH
                    + " hops deep (a loop in the ssh config?)");
        }
        JumpHost last = hops.getLast();
        ResolvedHost jump = resolveJump(last, hops.subList(0, hops.size() - 1));
        addChain(jump, chain, depth + 1);
        chain.add(jump);
    }

    private ResolvedHost resolve(String alias, String hostOverride, Integer portOverride, String userOverride, List<JumpHost> jumpOverride) {
        Values values = new Values();
        walk(nodes, alias, false, values);
        List<String> notes = new ArrayList<>(values.notes);

        String hostName;
        if (hostOverride != null) {
            hostName = hostOverride;
        } else if (values.first.containsKey("hostname")) {
            OptionLine line = values.first.get("hostname");
            hostName = expandHostName(line.args().getFirst(), alias, line.where(), notes);
        } else {
            hostName = alias;
        }
        hostName = hostName.toLowerCase(Locale.ROOT);

        int port = 22;
        if (portOverride != null) {
            port = portOverride;
        } else if (values.first.containsKey("port")) {
            OptionLine line = values.first.get("port");
            try {
                port = Integer.parseInt(line.args().getFirst());
                if (port < 1 || port > 65535) {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                notes.add("ssh config " + line.where() + ": Port " + line.args().getFirst() + " is not a port; using 22");
                port = 22;
            }
        }

        String user = userOverride != null ? userOverride
                : values.first.containsKey("user") ? values.first.get("user").args().getFirst() : localUser;

        Map<Character, String> tokens = new HashMap<>();
        tokens.put('%', "%");
        tokens.put('d', home.toString());
        tokens.put('u', localUser);
        tokens.put('h', hostName);
        tokens.put('r', user);
        tokens.put('p', Integer.toString(port));
        tokens.put('n', alias);

        List<Path> identityFiles = new ArrayList<>();
        for (OptionLine line : values.identityFiles) {
            Path path = expandPath(line.args().getFirst(), tokens, line.where(), notes);
            if (path != null && !identityFiles.contains(path)) {
                identityFiles.add(path);
            }
        }

        List<Path> knownHosts = new ArrayList<>();
        if (values.first.containsKey("userknownhostsfile")) {
            OptionLine line = values.first.get("userknownhostsfile");
            for (String arg : line.args()) {
                if (!arg.equals("none")) {
                    Path path = expandPath(arg, tokens, line.where(), notes);
                    if (path != null) {
                        knownHosts.add(path);
                    }
                }
            }
        } else {
            knownHosts.add(home.resolve(".ssh/known_hosts"));
            knownHosts.add(home.resolve(".ssh/known_hosts2"));
        }

        boolean identitiesOnly = values.first.containsKey("identitiesonly")
                && yes(values.first.get("identitiesonly").args().getFirst());

        String unsupported = null;
        List<JumpHost> jumps = List.of();
        if (jumpOverride != null) {
            jumps = jumpOverride;
        } else if (values.first.containsKey("proxy")) {
            OptionLine line = values.first.get("proxy");
            String value = String.join(" ", line.args());
            if (line.keyword().equals("proxycommand")) {
                if (!value.equals("none")) {
                    unsupported = "ssh config " + line.where() + ": ProxyCommand is not supported by Wheelhouse; use ProxyJump";
                }
            } else if (!value.equals("none")) {
                try {
                    List<JumpHost> parsed = new ArrayList<>();
                    for (String spec : value.split(",")) {
                        parsed.add(JumpHost.parse(spec.strip()));
                    }
                    jumps = parsed;
                } catch (IllegalArgumentException e) {
                    unsupported = "ssh config " + line.where() + ": " + e.getMessage();
                }
            }
        }

        return new ResolvedHost(alias, hostName, port, user, identityFiles, identitiesOnly, jumps,
                seconds(values, "connecttimeout", notes), seconds(values, "serveraliveinterval", notes),
                knownHosts, unsupported, notes);
    }

    private static boolean yes(String value) {
        return value.equalsIgnoreCase("yes") || value.equalsIgnoreCase("true");
    }

    private static Integer seconds(Values values, String keyword, List<String> notes) {
        OptionLine line = values.first.get(keyword);
        if (line == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(line.args().getFirst());
            return n > 0 ? n : null;
        } catch (NumberFormatException e) {
            notes.add("ssh config " + line.where() + ": " + line.args().getFirst() + " is not a number of seconds; ignored");
            return null;
        }
    }

    private static String expandHostName(String value, String alias, String where, List<String> notes) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '%' && i + 1 < value.length()) {
                char t = value.charAt(++i);
                if (t == 'h') {
                    out.append(alias);
                } else if (t == '%') {
                    out.append('%');
                } else {
                    notes.add("ssh config " + where + ": HostName token %" + t + " is not allowed; kept as is");
                    out.append('%').append(t);
                }
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private Path expandPath(String value, Map<Character, String> tokens, String where, List<String> notes) {
        String v = value;
        if (v.equals("~") || v.startsWith("~/")) {
            v = home + v.substring(1);
        } else if (v.startsWith("~")) {
            notes.add("ssh config " + where + ": " + value + ": ~user paths are not supported; skipped");
            return null;
        }
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 1 < v.length()) {
                char t = v.charAt(++i);
                String replacement = tokens.get(t);
                if (replacement == null) {
                    notes.add("ssh config " + where + ": " + value + ": token %" + t + " is not supported; skipped");
                    return null;
                }
                out.append(replacement);
            } else {
                out.append(c);
            }
        }
        try {
            return Path.of(out.toString()).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            notes.add("ssh config " + where + ": " + value + ": not a usable path; skipped");
            return null;
        }
    }

    /** The values obtained so far, first one winning, as readconf.c keeps them. */
    private static final class Values {
        final Map<String, OptionLine> first = new HashMap<>();
        final List<OptionLine> identityFiles = new ArrayList<>();
        final List<String> notes = new ArrayList<>();
        final Set<String> notedMatch = new HashSet<>();

        void apply(OptionLine line) {
            String keyword = line.keyword();
            if (line.args().isEmpty()) {
                notes.add("ssh config " + line.where() + ": " + keyword + " without a value; skipped");
                return;
            }
            switch (keyword) {
                case "identityfile" -> identityFiles.add(line);
                // ProxyJump and ProxyCommand share one slot in ssh: whichever comes first wins.
                case "proxyjump", "proxycommand" -> first.putIfAbsent("proxy", line);
                case "hostname", "port", "user", "identitiesonly", "connecttimeout", "serveraliveinterval",
                        "userknownhostsfile" -> first.putIfAbsent(keyword, line);
                default -> {
                    // Every other option is ssh's business, not ours.
                }
            }
        }
    }

    private void walk(List<Node> lines, String alias, boolean neverMatch, Values values) {
        boolean active = !neverMatch;
        for (Node node : lines) {
            switch (node) {
                case HostLine host -> active = !neverMatch && HostPatterns.matchesAny(alias, host.patterns());
                case MatchLine match -> {
                    active = false;
                    if (values.notedMatch.add(match.where())) {
                        values.notes.add("ssh config " + match.where() + ": Match blocks are not supported; this block was skipped");
                    }
                }
                case IncludeLine include -> {
                    // An Include in a block that does not apply contributes nothing, Host lines inside included.
                    for (List<Node> file : include.files()) {
                        walk(file, alias, !active, values);
                    }
                }
                case OptionLine option -> {
                    if (active) {
                        values.apply(option);
                    }
                }
            }
        }
    }

    /** Reads files into nodes, following Includes. */
    private static final class Loader {
        private final Path home;
        private final List<String> notes = new ArrayList<>();
        private final Set<Path> reading = new LinkedHashSet<>();

        Loader(Path home) {
            this.home = home;
        }

        List<Node> read(Path file, int depth, String from, boolean quietIfMissing) {
            String text;
            try {
                text = Files.readString(file, StandardCharsets.UTF_8);
            } catch (NoSuchFileException e) {
                if (from != null && !quietIfMissing) {
                    notes.add("ssh config " + from + ": Include " + file + ": not found");
                }
                return List.of();
            } catch (IOException | RuntimeException e) {
                notes.add("ssh config " + (from == null ? file : from + ": Include " + file) + ": cannot read: " + e.getMessage());
                return List.of();
            }
            Path key = file.toAbsolutePath().normalize();
            if (!reading.add(key)) {
                notes.add("ssh config " + from + ": Include " + file + " includes itself; skipped");
                return List.of();
            }
            try {
                List<Node> nodes = new ArrayList<>();
                String[] lines = text.split("\\R", -1);
                for (int i = 0; i < lines.length; i++) {
                    String where = file + ":" + (i + 1);
                    List<String> words;
                    try {
                        words = ConfigWords.split(lines[i]);
                    } catch (IllegalArgumentException e) {
                        notes.add("ssh config " + where + ": " + e.getMessage() + "; line skipped");
                        continue;
                    }
                    if (words.isEmpty()) {
                        continue;
                    }
                    String keyword = words.getFirst().toLowerCase(Locale.ROOT);
                    List<String> args = List.copyOf(words.subList(1, words.size()));
                    switch (keyword) {
                        case "host" -> nodes.add(new HostLine(args));
                        case "match" -> nodes.add(new MatchLine(where));
                        case "include" -> {
                            if (depth + 1 > MAX_INCLUDE_DEPTH) {
                                notes.add("ssh config " + where + ": Include nested more than " + MAX_INCLUDE_DEPTH + " deep; skipped");
                                continue;
                            }
                            List<List<Node>> files = new ArrayList<>();
                            for (String pattern : args) {
                                boolean glob = hasGlob(pattern);
                                for (Path included : expand(pattern, where)) {
                                    files.add(read(included, depth + 1, where, glob));
                                }
                            }
                            nodes.add(new IncludeLine(files));
                        }
                        default -> nodes.add(new OptionLine(keyword, args, where));
                    }
                }
                return nodes;
            } finally {
                reading.remove(key);
            }
        }

        /** An Include argument's files: ~ expanded, relative to ~/.ssh (as for a user config), globs sorted. */
        private List<Path> expand(String pattern, String where) {
            String p = pattern;
            if (p.equals("~") || p.startsWith("~/")) {
                p = home + p.substring(1);
            }
            Path path;
            try {
                path = home.resolve(".ssh").resolve(p).normalize();
            } catch (InvalidPathException e) {
                notes.add("ssh config " + where + ": Include " + pattern + ": not a usable path");
                return List.of();
            }
            if (!hasGlob(p)) {
                return List.of(path);
            }
            Path base = path.getRoot();
            int depth = 0;
            boolean globbed = false;
            for (Path part : path) {
                if (globbed || hasGlob(part.toString())) {
                    globbed = true;
                    depth++;
                } else {
                    base = base == null ? part : base.resolve(part);
                }
            }
            if (base == null || !Files.isDirectory(base)) {
                return List.of();
            }
            PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + path.toString().replace("\\", "\\\\"));
            try (Stream<Path> found = Files.walk(base, depth)) {
                return found.filter(f -> matcher.matches(f) && Files.isRegularFile(f)).sorted().toList();
            } catch (IOException | RuntimeException e) {
                notes.add("ssh config " + where + ": Include " + pattern + ": " + e.getMessage());
                return List.of();
            }
        }

        private static boolean hasGlob(String s) {
            return s.indexOf('*') >= 0 || s.indexOf('?') >= 0 || s.indexOf('[') >= 0;
        }
    }
}
