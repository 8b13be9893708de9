package dev.wheelhouse.ssh;

import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.PassphraseProvider;
import dev.wheelhouse.ssh.auth.AgentClient;
import java.nio.file.Path;
import java.time.Duration;

/**
 * How the SSH adapter is set up.
 *
 * @param sshConfigFile the user's ssh config (a missing file is an empty config)
 * @param home the user's home (for ~, ~/.ssh/known_hosts and the default key files)
 * @param localUser the login name used when neither the workspace nor the config names one
 * @param knownHostsFile Wheelhouse's own known_hosts (in the data directory); new keys go here
 * @param agentSocket ssh-agent's socket, or null to use no agent
 * @param connectTimeout for the TCP connect, and again for key exchange and authentication
 *     (ConnectTimeout in the ssh config wins for the TCP connect)
 * @param keepAlive interval of keepalive@openssh.com requests (ServerAliveInterval wins); a
 *     connection that misses three is dropped and reconnected
 * @param sampleHistory how many recent samples each session keeps
 */
public record SshSettings(
        Path sshConfigFile,
        Path home,
        String localUser,
        Path knownHostsFile,
        Path agentSocket,
        HostKeyDecision hostKeyDecision,
        PassphraseProvider passphrases,
        Duration connectTimeout,
        Duration keepAlive,
        Backoff backoff,
        int sampleHistory) {

    /** The defaults: this user's home and agent, refuse unknown keys, no passphrase prompts. */
    public static SshSettings of(Path sshConfigFile, Path knownHostsFile) {
        return new SshSettings(sshConfigFile, Path.of(System.getProperty("user.home")), System.getProperty("user.name"),
                knownHostsFile, AgentClient.socketFromEnvironment(), HostKeyDecision.REFUSE, PassphraseProvider.NONE,
                Duration.ofSeconds(10), Duration.ofSeconds(15), Backoff.DEFAULT, 300);
    }

    public SshSettings withHome(Path value) {
        return new SshSettings(sshConfigFile, value, localUser, knownHostsFile, agentSocket, hostKeyDecision, passphrases,
                connectTimeout, keepAlive, backoff, sampleHistory);
    }

    public SshSettings withAgentSocket(Path value) {
        return new SshSettings(sshConfigFile, home, localUser, knownHostsFile, value, hostKeyDecision, passphrases,
                connectTimeout, keepAlive, backoff, sampleHistory);
    }

    public SshSettings withHostKeyDecision(HostKeyDecision value) {
        return new SshSettings(sshConfigFile, home, localUser, knownHostsFile, agentSocket, value, passphrases,
                connectTimeout, keepAlive, backoff, sampleHistory);
    }

    public SshSettings withPassphrases(PassphraseProvider value) {
        return new SshSettings(sshConfigFile, home, localUser, knownHostsFile, agentSocket, hostKeyDecision, value,
                connectTimeout, keepAlive, backoff, sampleHistory);
    }

    public SshSettings withTimeouts(Duration connect, Duration keepAliveInterval) {
        return new SshSettings(sshConfigFile, home, localUser, knownHostsFile, agentSocket, hostKeyDecision, passphrases,
                connect, keepAliveInterval, backoff, sampleHistory);
    }

    public SshSettings withBackoff(Backoff value) {
        return new SshSettings(sshConfigFile, home, localUser, knownHostsFile, agentSocket, hostKeyDecision, passphrases,
                connectTimeout, keepAlive, value, sampleHistory);
    }
}
