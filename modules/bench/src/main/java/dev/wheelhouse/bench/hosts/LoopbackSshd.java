package dev.wheelhouse.bench.hosts;

import java.io.IOException;
import java.net.InetAddress;
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
 * One real OpenSSH server ({@code /usr/sbin/sshd -D -e -f CONFIG}) listening on several free
 * 127.0.0.1 ports, with its own host key; the authorized_keys file is shared. Several ports of one
 * sshd stand for several hosts: every connection still gets its own sshd child and shell, as on a
 * host of its own, without 50 idle listeners.
 */
final class LoopbackSshd implements AutoCloseable {
    static final Path SSHD = Path.of("/usr/sbin/sshd");

    private final Path dir;
    private final List<Integer> ports;
    private Process process;

    private LoopbackSshd(Path dir, List<Integer> ports) {
        this.dir = dir;
        this.ports = List.copyOf(ports);
    }

    static LoopbackSshd start(Path dir, Path authorizedKeys, int portCount) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        List<ServerSocket> held = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        try {
            // Hold every port until all are chosen, so the same free port is not picked twice.
            for (int i = 0; i < portCount; i++) {
                ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
                held.add(socket);
                ports.add(socket.getLocalPort());
            }
        } finally {
            for (ServerSocket socket : held) {
                socket.close();
            }
        }
        LoopbackSshd server = new LoopbackSshd(dir, ports);
        server.writeConfig(authorizedKeys);
        server.launch();
        return server;
    }

    List<Integer> ports() {
        return ports;
    }

    Path hostKeyPub() {
        return dir.resolve("host_ed25519.pub");
    }

    /** "ssh-ed25519 AAAA..." (type and blob). */
    String hostKeyTypeAndBlob() throws IOException {
        String[] words = Files.readString(hostKeyPub()).strip().split("\\s+");
        return words[0] + " " + words[1];
    }

    Process process() {
        return process;
    }

    private void writeConfig(Path authorizedKeys) throws IOException, InterruptedException {
        Tools.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "wheelhouse-bench-host", "-f", dir.resolve("host_ed25519").toString());
        List<String> lines = new ArrayList<>();
        for (int port : ports) {
            lines.add("ListenAddress 127.0.0.1:" + port);
        }
        lines.addAll(List.of(
                "HostKey " + dir.resolve("host_ed25519"),
                "PidFile " + dir.resolve("sshd.pid"),
                "AuthorizedKeysFile " + authorizedKeys.toAbsolutePath(),
                "PubkeyAuthentication yes",
                "PasswordAuthentication no",
                "KbdInteractiveAuthentication no",
                "UsePAM no",
                "StrictModes no",
                "PermitRootLogin prohibit-password",
                "MaxStartups 400",
                "MaxSessions 50",
                "LogLevel ERROR"));
        Files.write(dir.resolve("sshd_config"), lines, StandardCharsets.UTF_8);
    }

    private Path log() {
        return dir.resolve("sshd.log");
    }

    private void launch() throws IOException, InterruptedException {
        Path run = Path.of("/run/sshd");
        if (!Files.isDirectory(run)) {
            Files.createDirectories(run); // sshd's privilege-separation directory
        }
        ProcessBuilder pb = new ProcessBuilder(SSHD.toString(), "-D", "-e", "-f", dir.resolve("sshd_config").toString());
        pb.redirectErrorStream(true);
        pb.redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        process = pb.start();
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        for (int port : ports) {
            while (!answers(port)) {
                if (!process.isAlive()) {
                    throw new IOException("sshd exited with " + process.exitValue() + ": " + Files.readString(log()));
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("sshd did not answer on port " + port + " within 20 s: " + Files.readString(log()));
                }
                Thread.sleep(50);
            }
        }
    }

    private static boolean answers(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            socket.setSoTimeout(2000);
            byte[] banner = socket.getInputStream().readNBytes(4);
            return new String(banner, StandardCharsets.US_ASCII).equals("SSH-");
        } catch (IOException e) {
            return false;
        }
    }

    /** Kills sshd and every session process under it. Safe to call twice, and from a shutdown hook. */
    @Override
    public synchronized void close() {
        Process p = process;
        if (p == null) {
            return;
        }
        List<ProcessHandle> children = p.descendants().toList();
        p.destroyForcibly();
        children.forEach(ProcessHandle::destroyForcibly);
        try {
            p.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process = null;
    }
}
