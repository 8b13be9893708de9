package dev.wheelhouse.ssh.remote;

import dev.wheelhouse.core.hosts.LogSource;
import dev.wheelhouse.core.hosts.MetricsSpec;

/**
 * The commands Wheelhouse runs on hosts. Each is a one-line POSIX sh script handed to
 * {@code sh -c} (so the user's login shell, whatever it is, only sees one quoted word), and
 * wrapped so that it ends when its channel closes: a watchdog reads the channel's stdin and
 * kills the command at EOF, since a {@code tail -F} on a quiet file would otherwise outlive us.
 */
public final class RemoteCommands {
    /** Marks that start each section of a metrics block; {@link #END} closes the block. */
    public static final String SECTION = "@@";
    public static final String END = "@@end";

    private RemoteCommands() {}

    /** The one long-running metrics loop: a block of /proc files and df output per interval. */
    public static String metrics(MetricsSpec spec) {
        long seconds = Math.max(1, spec.interval().toSeconds());
        StringBuilder loop = new StringBuilder();
        // df can hang on a dead network mount: bound it when timeout(1) exists.
        loop.append("T=; command -v timeout >/dev/null 2>&1 && T='timeout 5'; ");
        loop.append("while :; do ");
        loop.append("echo @@stat; grep '^cpu' /proc/stat; ");
        loop.append("echo @@meminfo; cat /proc/meminfo; ");
        loop.append("echo @@loadavg; cat /proc/loadavg; ");
        loop.append("echo @@uptime; cat /proc/uptime; ");
        loop.append("echo @@netdev; cat /proc/net/dev; ");
        loop.append("echo @@df; $T df -P -k; ");
        loop.append("echo @@dfi; $T df -P -i; ");
        if (spec.service() != null) {
            loop.append("echo @@service; systemctl is-active ").append(ShellQuote.quote(spec.service())).append("; ");
        }
        loop.append("echo @@end; sleep ").append(seconds).append(" || exit; done 2>/dev/null");
        return wrap(loop.toString());
    }

    /** Follows a journal ({@code journalctl -f}) or a file ({@code tail -F}); stderr joins stdout so errors show. */
    public static String follow(LogSource source) {
        int lines = Math.max(0, Math.min(source.history(), 100_000));
        String command = switch (source) {
            case LogSource.Journal journal -> "journalctl --no-pager -f -o short-iso -n " + lines + " -u " + ShellQuote.quote(journal.unit());
            case LogSource.File file -> "tail -n " + lines + " -F -- " + ShellQuote.quote(file.path());
        };
        return wrap(command + " 2>&1");
    }

    /**
     * {@code sh -c 'SCRIPT'} where SCRIPT runs the command in the background and a watchdog
     * kills it when the channel's stdin reaches EOF (we closed the channel, or the connection
     * died); the script ends with the command. sh runs a one-command subshell by exec, so $p is
     * the tail or journalctl itself (for the metrics loop, the loop's subshell: its last sleep
     * ends alone). Not {@code kill 0}: the process group is only ours if sshd made it so. fd 3
     * keeps the channel's stdin for the watchdog, since sh gives background jobs /dev/null.
     */
    static String wrap(String command) {
        String script = "exec 3<&0; (" + command + ") </dev/null & p=$!; "
                + "(cat <&3 >/dev/null 2>&1; kill $p 2>/dev/null) >/dev/null 2>&1 & exec 3<&-; wait $p";
        return "sh -c " + ShellQuote.quote(script);
    }
}
