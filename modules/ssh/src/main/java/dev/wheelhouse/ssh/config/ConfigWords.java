package dev.wheelhouse.ssh.config;

import java.util.ArrayList;
import java.util.List;

/** Splits an ssh config line into keyword and arguments the way OpenSSH's argv_split does. */
final class ConfigWords {
    private ConfigWords() {}

    /**
     * The keyword ends at whitespace or '=' (one '=' may separate it from the arguments);
     * arguments split on whitespace, single or double quotes group, a backslash escapes a
     * quote or backslash, and a word starting with an unquoted '#' starts a comment.
     *
     * @throws IllegalArgumentException on an unterminated quote
     */
    static List<String> split(String line) {
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
        char quote = 0;
        for (; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length() && "\\\"' ".indexOf(s.charAt(i + 1)) >= 0 && quote != '\'') {
                word.append(s.charAt(++i));
                inWord = true;
            } else if (quote != 0) {
                if (c == quote) {
                    quote = 0;
                } else {
                    word.append(c);
                }
            } else if (c == '"' || c == '\'') {
                quote = c;
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
        if (quote != 0) {
            throw new IllegalArgumentException("unterminated quote");
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }
}
