package dev.wheelhouse.ssh.config;

import java.nio.file.Path;
import java.util.List;

/**
 * A host alias as the ssh config and the workspace resolve it: everything needed to connect.
 *
 * @param identityFiles the IdentityFile entries in order, expanded; empty when none was configured
 *     (then the default key files are tried)
 * @param proxyJump the hops, first to last; empty for a direct connection
 * @param connectTimeoutSeconds ConnectTimeout, or null for Wheelhouse's default
 * @param serverAliveIntervalSeconds ServerAliveInterval, or null for Wheelhouse's default
 * @param userKnownHostsFiles UserKnownHostsFile entries, expanded (default ~/.ssh/known_hosts and known_hosts2)
 * @param unsupported why this host cannot be reached as configured (e.g. a ProxyCommand), with
 *     file:line; null when it can
 * @param notes what was skipped or not understood, with file:line, for the log
 */
public record ResolvedHost(
        String alias,
        String hostName,
        int port,
        String user,
        List<Path> identityFiles,
        boolean identitiesOnly,
        List<JumpHost> proxyJump,
        Integer connectTimeoutSeconds,
        Integer serverAliveIntervalSeconds,
        List<Path> userKnownHostsFiles,
        String unsupported,
        List<String> notes) {

    public ResolvedHost {
        identityFiles = List.copyOf(identityFiles);
        proxyJump = List.copyOf(proxyJump);
        userKnownHostsFiles = List.copyOf(userKnownHostsFiles);
        notes = List.copyOf(notes);
    }

    /** {@code user@host:port}, for messages. */
    public String target() {
        return user + "@" + hostName + ":" + port;
    }
}
