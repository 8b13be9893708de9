package dev.wheelhouse.ssh;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real OpenSSH server on a free 127.0.0.1 port, with its own sshd_config, host key and
 * authorized_keys in a directory of its own. Stop kills sshd and its per-connection children,
 * so established connections drop as they would when a host goes away.
 */
final class SshdServer implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final Path authorizedKeys;
    private final int port;
    private final List<String> extraConfig;
    private Process process;

    private SshdServer(Path dir, Path authorizedKeys, int port, List<String> extraConfig) {
        this.dir = dir;
        this.authorizedKeys = authorizedKeys;
        this.port = port;
        this.extraConfig = extraConfig;
    }

    /** Starts a server whose authorized_keys is the given file (shared by several servers is fine). */
    static SshdServer start(Path dir, Path authorizedKeys, String... extraConfig) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        SshdServer server = new SshdServer(dir, authorizedKeys, freePort(), List.of(extraConfig));
        server.writeConfig();
        server.start();
        return server;
    }

    int port() {
        return port;
    }

    Path dir() {
        return dir;
    }

    Path hostKeyPub() {
        return dir.resolve("host_ed25519.pub");
    }

    /** The host key's public line, "ssh-ed25519 AAAA... comment". */
    String hostKeyLine() throws IOException {
        return Files.readString(hostKeyPub()).strip();
    }

    /** The fingerprint as {@code ssh-keygen -lf} prints it. */
    String fingerprint() throws IOException, InterruptedException {
        String out = Tools.run("ssh-keygen", "-lf", hostKeyPub().toString());
        return out.split("\\s+")[1];
    }

    /** A known_hosts line for this server: {@code [127.0.0.1]:PORT ssh-ed25519 AAAA...}. */
    String knownHostsLine() throws IOException {
        String[] words = hostKeyLine().split("\\s+");
        return "[127.0.0.1]:" + port + " " + words[0] + " " + words[1];
    }

    Path log() {
        return dir.resolve("sshd.log");
    }

    private void writeConfig() throws IOException, InterruptedException {
        if (!Files.exists(hostKeyPub())) {
            Tools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wheelhouse-test-host", "-f", dir.resolve("host_ed25519").toString());
        }
        List<String> lines = new ArrayList<>(List.of(
                "Port " + port,
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
                "MaxStartups 200",
                "MaxSessions 50",
                "Subsystem sftp internal-sftp"));
        lines.addAll(extraConfig);
        Files.write(dir.resolve("sshd_config"), lines, StandardCharsets.UTF_8);
    }

    void start() throws IOException, InterruptedException {
        Path run = Path.of("/run/sshd");
        if (!Files.isDirectory(run)) {
            Files.createDirectories(run); // sshd's privilege-separation directory
        }
        ProcessBuilder pb = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(15));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("sshd exited with " + process.exitValue() + ": " + Files.readString(log()));
            }
            if (answers()) {
                return;
            }
            Thread.sleep(50);
        }
        throw new IOException("sshd did not answer on port " + port + " within 15 s: " + Files.readString(log()));
    }

    /** True when the port accepts and speaks SSH. */
    private boolean answers() {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            byte[] banner = new byte[4];
            int n = socket.getInputStream().readNBytes(banner, 0, 4);
            return n == 4 && new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills sshd and every session process under it: connections drop at once. */
    void stop() throws InterruptedException {
        if (process == null) {
            return;
        }
        List<ProcessHandle> children = process.descendants().toList();
        process.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        process.waitFor(10, TimeUnit.SECONDS);
        for (ProcessHandle child : children) {
            child.onExit().completeOnTimeout(child, 5, TimeUnit.SECONDS).join();
        }
        process = null;
    }

    boolean running() {
        return process != null && process.isAlive();
    }

    @Override
    public void close() {
        try {
            stop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
