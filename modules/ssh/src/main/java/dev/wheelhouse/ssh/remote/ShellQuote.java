package dev.wheelhouse.ssh.remote;

/** POSIX shell quoting: everything goes inside single quotes, where nothing is special. */
public final class ShellQuote {
    private ShellQuote() {}

    /**
     * One shell word that the shell reads back as exactly {@code value}: wrapped in single
     * quotes, each single quote written as {@code '\''}. NUL cannot be passed to a command at
     * all, so it is refused; a leading '-' is the caller's business (use {@code --}).
     */
    public static String quote(String value) {
        if (value.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("a shell argument cannot contain NUL");
        }
        return "'" + value.replace("'", "'\\''") + "'";
    }
}
