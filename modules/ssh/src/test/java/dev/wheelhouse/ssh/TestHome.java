package dev.wheelhouse.ssh;

import dev.wheelhouse.core.hosts.HostKeyDecision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;

/**
 * A user's home for the tests: ~/.ssh with a client key, an ssh config and known_hosts, an
 * authorized_keys file the test servers accept, and Wheelhouse's data directory. Nothing
 * outside the temporary directory is read or written.
 */
final class TestHome {
    final Path root;
    final Path home;
    final Path ssh;
    final Path dataDir;
    final Path authorizedKeys;

    TestHome(Path root) throws IOException {
        this.root = root;
        this.home = root.resolve("home");
        this.ssh = home.resolve(".ssh");
        this.dataDir = root.resolve("data");
        this.authorizedKeys = root.resolve("authorized_keys");
        Files.createDirectories(ssh);
        Files.createDirectories(dataDir);
        Files.writeString(authorizedKeys, "");
    }

    /** Makes a key pair (ssh-keygen) and authorizes it; returns the private key file. */
    Path key(String name, String type, String passphrase, boolean authorize) throws IOException, InterruptedException {
        Path file = ssh.resolve(name);
        Tools.run("ssh-keygen", "-q", "-t", type, "-N", passphrase, "-C", name + "@wheelhouse-test", "-f", file.toString());
        if (authorize) {
            Files.writeString(authorizedKeys, Files.readString(file.resolveSibling(name + ".pub")), StandardOpenOption.APPEND);
        }
        return file;
    }

    Path config() {
        return ssh.resolve("config");
    }

    void writeConfig(String text) throws IOException {
        Files.writeString(config(), text, StandardCharsets.UTF_8);
    }

    /** A Host block that sends {@code alias} to a test server. */
    String hostBlock(String alias, SshdServer server) {
        return "Host " + alias + "\n  HostName 127.0.0.1\n  Port " + server.port() + "\n";
    }

    void trust(SshdServer server) throws IOException {
        Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine() + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    Path ownKnownHosts() {
        return dataDir.resolve("known_hosts");
    }

    /** Settings for tests: this home, no agent, refuse unknown keys, short timeouts and backoff. */
    SshSettings settings() {
        return SshSettings.of(config(), ownKnownHosts())
                .withHome(home)
                .withAgentSocket(null)
                .withHostKeyDecision(HostKeyDecision.REFUSE)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withBackoff(new Backoff(Duration.ofMillis(300), Duration.ofSeconds(2), 0.2));
    }
}
