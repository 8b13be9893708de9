package dev.wheelhouse.ssh.config;

import java.util.List;

/** OpenSSH's host pattern matching: {@code *} and {@code ?} wildcards and {@code !} negation. */
public final class HostPatterns {
    private HostPatterns() {}

    /**
     * True when some pattern matches the name and no negated pattern does (a negated match
     * wins over everything, as in OpenSSH's match_pattern_list). Case-sensitive, as OpenSSH
     * matches {@code Host} lines against the alias as typed.
     */
    public static boolean matchesAny(String name, List<String> patterns) {
        boolean matched = false;
        for (String pattern : patterns) {
            if (pattern.startsWith("!")) {
                if (matches(name, pattern.substring(1))) {
                    return false;
                }
            } else if (matches(name, pattern)) {
                matched = true;
            }
        }
        return matched;
    }

    /** One glob with {@code *} (any run, also empty) and {@code ?} (one character). */
    public static boolean matches(String name, String pattern) {
        int n = 0;
        int p = 0;
        int starP = -1;
        int starN = 0;
        while (n < name.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == name.charAt(n))) {
                n++;
                p++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                starP = p++;
                starN = n;
            } else if (starP >= 0) {
                p = starP + 1;
                n = ++starN;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
