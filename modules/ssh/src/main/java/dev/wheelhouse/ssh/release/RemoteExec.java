package dev.wheelhouse.ssh.release;

import dev.wheelhouse.core.hosts.releases.CommandResult;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/** Runs one command on its own channel, collecting its output (bounded) and its exit status. */
final class RemoteExec {
    /** Output kept per stream: enough for a health check's complaint, never a flood into the journal. */
    static final int MAX_OUTPUT = 16 * 1024;

    private RemoteExec() {}

    record Result(int exitStatus, boolean timedOut, String stdout, String stderr) {
        CommandResult asCommandResult() {
            String both = (stdout + (stderr.isBlank() ? "" : "\n" + stderr)).strip();
            return new CommandResult(timedOut ? -1 : exitStatus, timedOut, lastLines(both, 5));
        }
    }

    /** Throws IOException when the channel cannot be opened or the connection is lost. */
    static Result run(SSHClient client, String command, Duration timeout) throws IOException {
        try (Session session = client.startSession()) {
            Session.Command cmd = session.exec(command);
            cmd.getOutputStream().close();
            Bounded out = new Bounded();
            Bounded err = new Bounded();
            Thread o = Thread.ofVirtual().start(() -> out.drain(cmd.getInputStream()));
            Thread e = Thread.ofVirtual().start(() -> err.drain(cmd.getErrorStream()));
            try {
                cmd.join(timeout.toMillis(), TimeUnit.MILLISECONDS);
            } catch (net.schmizz.sshj.connection.ConnectionException timedOutOrLost) {
                if (!client.isConnected() || !client.getTransport().isRunning()) {
                    throw new IOException("the connection was lost", timedOutOrLost);
                }
            }
            Integer exit = cmd.getExitStatus();
            if (exit == null) {
                if (!client.isConnected() || !client.getTransport().isRunning()) {
                    throw new IOException("the connection was lost while the command ran");
                }
                cmd.close();
            }
            join(o);
            join(e);
            return new Result(exit == null ? -1 : exit, exit == null, out.text(), err.text());
        }
    }

    private static void join(Thread t) throws IOException {
        try {
            if (!t.join(Duration.ofSeconds(5))) {
                t.interrupt();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted");
        }
    }

    static String lastLines(String text, int n) {
        String[] lines = text.split("\n");
        int from = Math.max(0, lines.length - n);
        return String.join("\n", java.util.Arrays.copyOfRange(lines, from, lines.length));
    }

    private static final class Bounded {
        private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        void drain(InputStream in) {
            byte[] buffer = new byte[8192];
            try {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    synchronized (this) {
                        // Keep the tail: the end of the output says why a command failed.
                        bytes.write(buffer, 0, n);
                        if (bytes.size() > 2 * MAX_OUTPUT) {
                            byte[] all = bytes.toByteArray();
                            bytes.reset();
                            bytes.write(all, all.length - MAX_OUTPUT, MAX_OUTPUT);
                        }
                    }
                }
            } catch (IOException ignored) {
                // the channel closed: what was read is what there is
            }
        }

        synchronized String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }
}
