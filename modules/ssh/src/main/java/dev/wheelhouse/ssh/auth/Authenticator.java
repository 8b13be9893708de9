package dev.wheelhouse.ssh.auth;

import dev.wheelhouse.core.hosts.PassphraseProvider;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.schmizz.sshj.SSHClient;
import net.schmizz.sshj.common.KeyType;
import net.schmizz.sshj.userauth.UserAuthException;
import net.schmizz.sshj.userauth.keyprovider.KeyProvider;
import net.schmizz.sshj.userauth.method.AuthMethod;
import net.schmizz.sshj.userauth.method.AuthPublickey;
import net.schmizz.sshj.userauth.password.PasswordFinder;
import net.schmizz.sshj.userauth.password.Resource;

/**
 * Logs a connected client in with keys only, in OpenSSH's order: the agent's keys (when
 * SSH_AUTH_SOCK names one), then key files (the IdentityFile entries, else ~/.ssh/id_ed25519,
 * id_ecdsa, id_rsa). Never a password. When nothing works, the message says what was tried and
 * why each failed, with nothing secret in it.
 */
public final class Authenticator {
    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    private final Path agentSocket;
    private final PassphraseProvider passphrases;

    /** @param agentSocket the agent's socket, or null for none */
    public Authenticator(Path agentSocket, PassphraseProvider passphrases) {
        this.agentSocket = agentSocket;
        this.passphrases = passphrases;
    }

    /** The key files tried for a host: configured ones, else the default ones that exist. */
    public static List<Path> keyFiles(List<Path> identityFiles, Path home) {
        if (!identityFiles.isEmpty()) {
            return identityFiles.stream().filter(Files::isRegularFile).toList();
        }
        return DEFAULT_KEYS.stream().map(name -> home.resolve(".ssh").resolve(name)).filter(Files::isRegularFile).toList();
    }

    /**
     * @param identitiesOnly only agent keys whose {@code .pub} is beside a configured key file
     * @throws UserAuthException with a summary of every attempt
     */
    public void authenticate(SSHClient client, String user, List<Path> identityFiles, boolean identitiesOnly, Path home)
            throws IOException {
        List<String> tried = new ArrayList<>();
        List<AuthMethod> methods = new ArrayList<>();
        AgentClient agent = null;
        List<Path> files = keyFiles(identityFiles, home);
        if (agentSocket != null) {
            agent = new AgentClient(agentSocket);
            try {
                Set<String> allowed = identitiesOnly ? publicBlobs(files) : null;
                int offered = 0;
                for (AgentClient.Identity identity : agent.identities()) {
                    if (!AgentAuthMethod.supports(identity)) {
                        continue;
                    }
                    if (allowed != null && !allowed.contains(Base64.getEncoder().encodeToString(identity.blob()))) {
                        continue;
                    }
                    methods.add(new AgentAuthMethod(agent, identity));
                    offered++;
                }
                tried.add("ssh-agent: " + offered + " key(s)");
            } catch (IOException e) {
                tried.add("ssh-agent: " + e.getMessage());
            }
        }
        List<NotingKeyProvider> keyProviders = new ArrayList<>();
        for (Path file : files) {
            try {
                NotingKeyProvider provider = new NotingKeyProvider(file, client, passphrases);
                keyProviders.add(provider);
                methods.add(new AuthPublickey(provider));
            } catch (IOException | RuntimeException e) {
                tried.add(display(file, home) + ": cannot read (" + e.getMessage() + ")");
            }
        }
        if (files.isEmpty()) {
            tried.add(identityFiles.isEmpty() ? "no key file in ~/.ssh (id_ed25519, id_ecdsa, id_rsa)"
                    : "no IdentityFile exists (" + identityFiles.stream().map(p -> display(p, home)).toList() + ")");
        }
        try {
            if (methods.isEmpty()) {
                throw new UserAuthException("nothing to authenticate with");
            }
            client.auth(user, methods);
        } catch (UserAuthException e) {
            for (NotingKeyProvider provider : keyProviders) {
                tried.add(display(provider.file, home) + ": " + (provider.problem != null ? provider.problem : "not accepted"));
            }
            throw new UserAuthException("authentication as " + user + " failed; tried " + String.join("; ", tried)
                    + " (password authentication is never used)", e);
        } finally {
            if (agent != null) {
                agent.close();
            }
        }
    }

    private static String display(Path file, Path home) {
        return file.startsWith(home) ? "~/" + home.relativize(file) : file.toString();
    }

    /** The base64 blobs of the {@code .pub} files beside the key files. */
    private static Set<String> publicBlobs(List<Path> files) {
        Set<String> blobs = new LinkedHashSet<>();
        for (Path file : files) {
            Path pub = file.resolveSibling(file.getFileName() + ".pub");
            try {
                String[] words = Files.readString(pub).strip().split("\\s+");
                if (words.length >= 2) {
                    blobs.add(words[1]);
                }
            } catch (IOException ignored) {
                // no .pub: this file's key is only tried as a file
            }
        }
        return blobs;
    }

    /**
     * A key file whose failure is remembered in words (encrypted and no passphrase, wrong
     * passphrase, unreadable), since SSHJ reports only that publickey failed.
     */
    private static final class NotingKeyProvider implements KeyProvider {
        final Path file;
        private final KeyProvider delegate;
        volatile String problem;

        NotingKeyProvider(Path file, SSHClient client, PassphraseProvider passphrases) throws IOException {
            this.file = file;
            this.delegate = client.loadKeys(file.toString(), new AskingFinder(file, passphrases, this));
        }

        @Override
        public PrivateKey getPrivate() throws IOException {
            try {
                var value = delegate.getPrivate();
                problem = null; // decrypted fine: a failure from here on is the server's refusal
                return value;
            } catch (IOException | RuntimeException e) {
                throw noted(e);
            }
        }

        @Override
        public PublicKey getPublic() throws IOException {
            try {
                var value = delegate.getPublic();
                problem = null; // decrypted fine: a failure from here on is the server's refusal
                return value;
            } catch (IOException | RuntimeException e) {
                throw noted(e);
            }
        }

        @Override
        public KeyType getType() throws IOException {
            try {
                var value = delegate.getType();
                problem = null; // decrypted fine: a failure from here on is the server's refusal
                return value;
            } catch (IOException | RuntimeException e) {
                throw noted(e);
            }
        }

        private IOException noted(Exception e) {
            if (problem == null) {
                problem = "cannot use it (" + e.getMessage() + ")";
            }
            return e instanceof IOException io ? io : new IOException(e.getMessage(), e);
        }

        @Override
        public String toString() {
            return "key file " + file;
        }
    }

    /**
     * Asks the PassphraseProvider. SSHJ wipes the array it is given once the key is decrypted;
     * a wrong passphrase makes the key fail (and the next connection asks again).
     */
    private static final class AskingFinder implements PasswordFinder {
        private final Path file;
        private final PassphraseProvider passphrases;
        private final NotingKeyProvider owner;
        private int attempts;

        AskingFinder(Path file, PassphraseProvider passphrases, NotingKeyProvider owner) {
            this.file = file;
            this.passphrases = passphrases;
            this.owner = owner;
        }

        @Override
        public synchronized char[] reqPassword(Resource<?> resource) {
            attempts++;
            char[] answer = passphrases.passphrase(file, attempts);
            owner.problem = answer == null
                    ? "encrypted, and no passphrase can be asked here (load it into ssh-agent with ssh-add, or use the console window)"
                    : "encrypted; the passphrase given was not accepted";
            return answer;
        }

        @Override
        public synchronized boolean shouldRetry(Resource<?> resource) {
            return false;
        }
    }
}
