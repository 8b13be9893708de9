package dev.wheelhouse.app.ui.hosts;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on a free 127.0.0.1 port with its own config, host key and
 * authorized_keys (the minimal part of modules/ssh's SshdServer, which app's tests cannot see),
 * with SFTP for release uploads. Stopping it kills sshd and its session processes, so live
 * connections drop. Public for the other app test packages (host deploys, commands).
 */
public final class SshdFixture implements AutoCloseable {
    private final Path dir;
    private final int port;
    private Process process;

    private SshdFixture(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    public static SshdFixture start(Path dir, Path authorizedKeys) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        SshdFixture server = new SshdFixture(dir, freePort());
        run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wheelhouse-test-host", "-f", dir.resolve("host_ed25519").toString());
        Files.write(dir.resolve("sshd_config"), List.of(
                "Port " + server.port,
                "ListenAddress 127.0.0.1",
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys.toAbsolutePath(),
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "MaxSessions 50",
                "Subsystem sftp internal-sftp"), StandardCharsets.UTF_8);
        server.start();
        return server;
    }

    public int port() {
        return port;
    }

    /** {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...} */
    public String knownHostsLine() throws IOException {
        String[] words = Files.readString(dir.resolve("host_ed25519.pub")).strip().split("\\s+");
        return "[127.0.0.1]:" + port + " " + words[0] + " " + words[1];
    }

    String fingerprint() throws IOException, InterruptedException {
        return run("ssh-keygen", "-lf", dir.resolve("host_ed25519.pub").toString()).split("\\s+")[1];
    }

    /** Starts it again after {@link #stop()} (same port, same host key). */
    public void start() throws IOException, InterruptedException {
        Files.createDirectories(Path.of("/run/sshd")); // sshd's privilege-separation directory
        Path log = dir.resolve("sshd.log");
        process = new ProcessBuilder("/usr/sbin/sshd", "-D", "-e", "-f", dir.resolve("sshd_config").toString())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited: " + Files.readString(log));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("sshd did not answer on port " + port + ": " + Files.readString(log));
    }

    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            return new String(socket.getInputStream().readNBytes(4), StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    public void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        process = null;
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed: " + out);
        }
        return out;
    }

    /**
     * A user's ~/.ssh for the tests: a client key authorized on the servers, an ssh config with
     * one Host block per alias, a known_hosts; nothing outside the directory is touched.
     */
    public static final class Home {
        public final Path home;
        public final Path ssh;
        public final Path authorizedKeys;
        public final Path ownKnownHosts;
        private final StringBuilder config = new StringBuilder();

        public Home(Path root) throws IOException, InterruptedException {
            home = root.resolve("home");
            ssh = home.resolve(".ssh");
            Files.createDirectories(ssh);
            Files.createDirectories(root.resolve("data"));
            ownKnownHosts = root.resolve("data").resolve("known_hosts");
            authorizedKeys = root.resolve("authorized_keys");
            run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wheelhouse-ui-test", "-f", ssh.resolve("id_ed25519").toString());
            Files.copy(ssh.resolve("id_ed25519.pub"), authorizedKeys);
            Files.writeString(ssh.resolve("known_hosts"), "");
        }

        public Home host(String alias, int port) throws IOException {
            config.append("Host ").append(alias).append("\n  HostName 127.0.0.1\n  Port ").append(port)
                    .append("\n  User root\n  IdentityFile ").append(ssh.resolve("id_ed25519")).append('\n');
            Files.writeString(ssh.resolve("config"), config.toString());
            return this;
        }

        public Home trust(SshdFixture server) throws IOException {
            Files.writeString(ssh.resolve("known_hosts"), server.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.APPEND);
            return this;
        }

        public Path config() {
            return ssh.resolve("config");
        }
    }
}
