package dev.wheelhouse.workspace;

import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The concrete host aliases an OpenSSH client config defines, in order of appearance.
 * Reads {@code Host} lines (several aliases per line, {@code Host=alias}, any keyword case,
 * quoted arguments, comments) and follows {@code Include} (globs, {@code ~}, relative paths
 * taken from {@code includeBase}, at most 16 deep, loops refused). Patterns ({@code * ? !})
 * are not hosts and are skipped. Everything else (HostName, User, Match ...) is left to ssh.
 */
final class SshConfigHosts {
    private static final int MAX_DEPTH = 16;

    private final Path includeBase;
    private final Path home;
    private final Set<String> aliases = new LinkedHashSet<>();
    private final List<String> notes = new ArrayList<>();
    private final Set<Path> reading = new HashSet<>();

    private SshConfigHosts(Path includeBase, Path home) {
        this.includeBase = includeBase;
        this.home = home;
    }

    record Result(List<String> aliases, List<String> notes) {}

    static Result read(Path config, Path includeBase, Path home) {
        SshConfigHosts reader = new SshConfigHosts(includeBase, home);
        reader.readFile(config, 0, null);
        return new Result(List.copyOf(reader.aliases), List.copyOf(reader.notes));
    }

    /** @param from "file:line" of the Include that led here, null for the top file */
    private void readFile(Path file, int depth, String from) {
        String text;
        try {
            text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            notes.add(from == null ? "ssh config " + file + ": not found" : "ssh config " + from + ": Include " + file + ": not found");
            return;
        } catch (IOException e) {
            notes.add("ssh config " + file + ": cannot read: " + e);
            return;
        }
        Path key = file.toAbsolutePath().normalize();
        if (!reading.add(key)) {
            notes.add("ssh config " + from + ": Include " + file + " includes itself; skipped");
            return;
        }
        try {
            String[] lines = text.split("\\R", -1);
            for (int i = 0; i < lines.length; i++) {
                String where = file + ":" + (i + 1);
                List<String> words;
                try {
                    words = words(lines[i]);
                } catch (IllegalArgumentException e) {
                    notes.add("ssh config " + where + ": " + e.getMessage() + "; line skipped");
                    continue;
                }
                if (words.isEmpty()) {
                    continue;
                }
                String keyword = words.getFirst().toLowerCase(Locale.ROOT);
                List<String> args = words.subList(1, words.size());
                if (keyword.equals("host")) {
                    for (String alias : args) {
                        addAlias(alias, where);
                    }
                } else if (keyword.equals("include")) {
                    if (depth + 1 > MAX_DEPTH) {
                        notes.add("ssh config " + where + ": Include nested more than " + MAX_DEPTH + " deep; skipped");
                        continue;
                    }
                    for (String pattern : args) {
                        for (Path included : expand(pattern, where)) {
                            readFile(included, depth + 1, where);
                        }
                    }
                }
            }
        } finally {
            reading.remove(key);
        }
    }

    private void addAlias(String alias, String where) {
        if (alias.indexOf('*') >= 0 || alias.indexOf('?') >= 0 || alias.indexOf('!') >= 0) {
            return;
        }
        var problem = WorkspaceRules.aliasProblem(alias);
        if (problem.isPresent()) {
            notes.add("ssh config " + where + ": " + problem.get() + "; skipped");
            return;
        }
        aliases.add(alias);
    }

    /** The files an Include argument names: ~ and relative paths resolved, globs expanded and sorted. */
    private List<Path> expand(String pattern, String where) {
        String p = pattern;
        if (p.equals("~") || p.startsWith("~/")) {
            p = home + p.substring(1);
        }
        Path path;
        try {
            path = includeBase.resolve(p).normalize();
        } catch (InvalidPathException e) {
            notes.add("ssh config " + where + ": Include " + pattern + ": not a usable path");
            return List.of();
        }
        if (!hasGlob(p)) {
            return List.of(path);
        }
        // Walk from the deepest directory without glob characters, as deep as the pattern goes.
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

    /**
     * Splits a line as OpenSSH does: the keyword ends at whitespace or '=' (one '=' may separate
     * it from the arguments), arguments are split on whitespace, double quotes group, and an
     * unquoted word starting with '#' starts a comment.
     */
    static List<String> words(String line) {
        List<String> words = new ArrayList<>();
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return words;
        }
        int i = 0;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != '=') {
            i++;
        }
        words.add(s.substring(0, i));
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
        if (i < s.length() && s.charAt(i) == '=') {
            i++;
        }
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        boolean quoted = false;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (quoted) {
                if (c == '"') {
                    quoted = false;
                } else {
                    word.append(c);
                }
            } else if (c == '"') {
                quoted = true;
                inWord = true;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
            } else if (c == '#' && !inWord) {
                break;
            } else {
                word.append(c);
                inWord = true;
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
