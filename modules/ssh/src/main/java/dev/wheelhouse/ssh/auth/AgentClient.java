package dev.wheelhouse.ssh.auth;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A client of ssh-agent's protocol (draft-miller-ssh-agent) over its UNIX domain socket:
 * list the identities and have one sign. Nothing more is needed to log in with agent keys, and
 * the private keys never leave the agent. One connection, opened on first use; thread-safe.
 */
public final class AgentClient implements AutoCloseable {
    static final byte SSH_AGENT_FAILURE = 5;
    static final byte SSH2_AGENTC_REQUEST_IDENTITIES = 11;
    static final byte SSH2_AGENT_IDENTITIES_ANSWER = 12;
    static final byte SSH2_AGENTC_SIGN_REQUEST = 13;
    static final byte SSH2_AGENT_SIGN_RESPONSE = 14;
    public static final int SSH_AGENT_RSA_SHA2_256 = 2;
    public static final int SSH_AGENT_RSA_SHA2_512 = 4;
    private static final int MAX_MESSAGE = 256 * 1024;

    /** A key the agent holds: its public blob, type and comment. */
    public record Identity(byte[] blob, String type, String comment) {}

    private final Path socket;
    private SocketChannel channel;

    public AgentClient(Path socket) {
        this.socket = socket;
    }

    /** The agent named by {@code SSH_AUTH_SOCK}, or null when it is not set. */
    public static Path socketFromEnvironment() {
        String value = System.getenv("SSH_AUTH_SOCK");
        return value == null || value.isBlank() ? null : Path.of(value);
    }

    public Path socket() {
        return socket;
    }

    public synchronized List<Identity> identities() throws IOException {
        ByteBuffer reply = call(new Message(SSH2_AGENTC_REQUEST_IDENTITIES));
        byte type = reply.get();
        if (type != SSH2_AGENT_IDENTITIES_ANSWER) {
            throw new IOException("ssh-agent at " + socket + " refused to list its keys (reply " + type + ")");
        }
        int count = reply.getInt();
        if (count < 0 || count > 4096) {
            throw new IOException("ssh-agent at " + socket + " sent a bad key count " + count);
        }
        List<Identity> identities = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            byte[] blob = string(reply);
            String comment = new String(string(reply), StandardCharsets.UTF_8);
            identities.add(new Identity(blob, blobType(blob), comment));
        }
        return identities;
    }

    /**
     * Has the agent sign {@code data} with the key whose public blob is given.
     *
     * @param flags {@link #SSH_AGENT_RSA_SHA2_256} or {@link #SSH_AGENT_RSA_SHA2_512} for RSA keys, else 0
     * @return the signature as SSH encodes it: string algorithm, string signature bytes
     */
    public synchronized byte[] sign(byte[] keyBlob, byte[] data, int flags) throws IOException {
        ByteBuffer reply = call(new Message(SSH2_AGENTC_SIGN_REQUEST).string(keyBlob).string(data).uint32(flags));
        byte type = reply.get();
        if (type == SSH_AGENT_FAILURE) {
            throw new IOException("ssh-agent at " + socket + " refused to sign (key removed, or confirmation denied)");
        }
        if (type != SSH2_AGENT_SIGN_RESPONSE) {
            throw new IOException("ssh-agent at " + socket + " sent an unexpected reply " + type + " to a sign request");
        }
        return string(reply);
    }

    @Override
    public synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a local socket: nothing to do about a failure
            }
            channel = null;
        }
    }

    private ByteBuffer call(Message request) throws IOException {
        try {
            return exchange(request);
        } catch (IOException e) {
            // The agent may have closed an idle connection: one fresh try.
            close();
            return exchange(request);
        }
    }

    private ByteBuffer exchange(Message request) throws IOException {
        if (channel == null) {
            SocketChannel c = SocketChannel.open(StandardProtocolFamily.UNIX);
            try {
                c.connect(UnixDomainSocketAddress.of(socket));
            } catch (IOException e) {
                c.close();
                throw new IOException("cannot reach ssh-agent at " + socket + " (SSH_AUTH_SOCK): " + e.getMessage(), e);
            }
            channel = c;
        }
        ByteBuffer out = request.framed();
        while (out.hasRemaining()) {
            channel.write(out);
        }
        ByteBuffer length = readFully(4);
        int n = length.getInt();
        if (n <= 0 || n > MAX_MESSAGE) {
            throw new IOException("ssh-agent at " + socket + " sent a bad message length " + n);
        }
        return readFully(n);
    }

    private ByteBuffer readFully(int n) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(n);
        while (buffer.hasRemaining()) {
            if (channel.read(buffer) < 0) {
                throw new IOException("ssh-agent at " + socket + " closed the connection");
            }
        }
        return buffer.flip();
    }

    private static byte[] string(ByteBuffer buffer) throws IOException {
        if (buffer.remaining() < 4) {
            throw new IOException("truncated message from ssh-agent");
        }
        int n = buffer.getInt();
        if (n < 0 || n > buffer.remaining()) {
            throw new IOException("truncated message from ssh-agent");
        }
        byte[] bytes = new byte[n];
        buffer.get(bytes);
        return bytes;
    }

    private static String blobType(byte[] blob) {
        ByteBuffer b = ByteBuffer.wrap(blob);
        if (b.remaining() < 4) {
            return "unknown";
        }
        int n = b.getInt();
        if (n < 0 || n > b.remaining()) {
            return "unknown";
        }
        byte[] type = new byte[n];
        b.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }

    /** An agent request: type byte then fields, framed with its length. */
    private static final class Message {
        private final java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();

        Message(byte type) {
            body.write(type);
        }

        Message uint32(int value) {
            body.write(value >>> 24);
            body.write(value >>> 16);
            body.write(value >>> 8);
            body.write(value);
            return this;
        }

        Message string(byte[] value) {
            uint32(value.length);
            body.writeBytes(value);
            return this;
        }

        ByteBuffer framed() {
            byte[] bytes = body.toByteArray();
            return ByteBuffer.allocate(4 + bytes.length).putInt(bytes.length).put(bytes).flip();
        }
    }
}
