package dev.wheelhouse.ssh;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.connection.channel.direct.Session;

/**
 * A remote command on its own channel whose stdout is read line by line. Closing it closes the
 * channel, which ends the command on the host (see RemoteCommands' watchdog).
 */
final class RemoteStream implements AutoCloseable {
    private final Session session;
    private final Session.Command command;
    private volatile boolean closed;

    private RemoteStream(Session session, Session.Command command) {
        this.session = session;
        this.command = command;
    }

    static RemoteStream start(SSHClient client, String commandLine) throws IOException {
        Session session = client.startSession();
        try {
            return new RemoteStream(session, session.exec(commandLine));
        } catch (IOException | RuntimeException e) {
            session.close();
            throw e;
        }
    }

    /**
     * Blocking: hands every line to {@code lines} until the command ends (returns its exit
     * status, null if unknown) or the stream is closed or the connection drops (throws).
     */
    Integer pump(Consumer<String> lines) throws IOException {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(command.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (!closed && (line = reader.readLine()) != null) {
                lines.accept(line);
            }
        }
        return command.getExitStatus();
    }

    boolean closed() {
        return closed;
    }

    /** Stops reading and closes the channel; the same as {@link #close()}, for use inside the pump. */
    void stop() {
        close();
    }

    @Override
    public void close() {
        closed = true;
        try {
            session.close();
        } catch (IOException | RuntimeException ignored) {
            // the channel or the connection is gone already
        }
    }
}
