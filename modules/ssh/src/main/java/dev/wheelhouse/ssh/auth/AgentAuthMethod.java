package dev.wheelhouse.ssh.auth;

import com.hierynomus.sshj.key.KeyAlgorithm;
import java.io.IOException;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.common.Message;
import net.schmizz.sshj.common.SSHPacket;
import net.schmizz.sshj.transport.TransportException;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.method.AbstractAuthMethod;

/**
 * SSH "publickey" authentication with a key held by ssh-agent: the same messages as SSHJ's
 * AuthPublickey, but the signature comes from the agent (SSHJ has no agent support).
 */
final class AgentAuthMethod extends AbstractAuthMethod {
    private final AgentClient agent;
    private final AgentClient.Identity identity;
    private String algorithm;

    AgentAuthMethod(AgentClient agent, AgentClient.Identity identity) {
        super("publickey");
        this.agent = agent;
        this.identity = identity;
    }

    /** Types SSHJ can negotiate a signature algorithm for (not certificates or FIDO keys). */
    static boolean supports(AgentClient.Identity identity) {
        KeyType type = KeyType.fromString(identity.type());
        return type != KeyType.UNKNOWN && type.getParent() == null;
    }

    @Override
    public void handle(Message cmd, SSHPacket buf) throws UserAuthException, TransportException {
        if (cmd == Message.USERAUTH_60) {
            params.getTransport().write(signed());
        } else {
            super.handle(cmd, buf);
        }
    }

    @Override
    protected SSHPacket buildReq() throws UserAuthException {
        return request(false);
    }

    private SSHPacket request(boolean signed) throws UserAuthException {
        return super.buildReq().putBoolean(signed).putString(algorithm()).putString(identity.blob());
    }

    private String algorithm() throws UserAuthException {
        if (algorithm == null) {
            try {
                List<KeyAlgorithm> algorithms = params.getTransport().getClientKeyAlgorithms(KeyType.fromString(identity.type()));
                if (algorithms.isEmpty()) {
                    throw new UserAuthException("no signature algorithm for agent key type " + identity.type());
                }
                algorithm = algorithms.getFirst().getKeyAlgorithm();
            } catch (TransportException e) {
                throw new UserAuthException("no signature algorithm for agent key type " + identity.type(), e);
            }
        }
        return algorithm;
    }

    private SSHPacket signed() throws UserAuthException {
        SSHPacket request = request(true);
        byte[] data = new Buffer.PlainBuffer()
                .putString(params.getTransport().getSessionID())
                .putBuffer(request)
                .getCompactData();
        int flags = switch (algorithm) {
            case "rsa-sha2-256" -> AgentClient.SSH_AGENT_RSA_SHA2_256;
            case "rsa-sha2-512" -> AgentClient.SSH_AGENT_RSA_SHA2_512;
            default -> 0;
        };
        try {
            // The agent answers with the whole signature encoding (algorithm name + bytes).
            return request.putString(agent.sign(identity.blob(), data, flags));
        } catch (IOException e) {
            throw new UserAuthException(e.getMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "agent key " + identity.type() + " " + identity.comment();
    }
}
