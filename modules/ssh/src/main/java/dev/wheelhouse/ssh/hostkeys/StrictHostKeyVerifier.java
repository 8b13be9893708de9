package dev.wheelhouse.ssh.hostkeys;

import dev.wheelhouse.core.hosts.HostKeyDecision;
import dev.wheelhouse.core.hosts.HostKeyStatus;
import dev.wheelhouse.core.hosts.UnknownHostKey;
import java.io.IOException;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.List;
import net.schmizz.sshj.common.Buffer;
import net.schmizz.sshj.transport.verification.HostKeyVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Checks a server's host key against the user's known_hosts files and Wheelhouse's own, never
 * trusting blindly: a known key passes; a changed or revoked key is refused with a message
 * that says so, with both fingerprints and the file:line of the old key; an unknown key goes
 * to the {@link HostKeyDecision} (accept-and-save writes Wheelhouse's file, hashed). One
 * instance per connection attempt: it remembers its outcome for the error message.
 */
public final class StrictHostKeyVerifier implements HostKeyVerifier {
    private static final Logger LOG = LoggerFactory.getLogger(StrictHostKeyVerifier.class);

    /**
     * What the check found; {@code message} explains a refusal (null when trusted);
     * {@code unknownKey} is the key refused for being unknown.
     */
    public record Outcome(HostKeyStatus status, String keyType, String fingerprint, String message, UnknownHostKey unknownKey) {
        Outcome(HostKeyStatus status, String keyType, String fingerprint, String message) {
            this(status, keyType, fingerprint, message, null);
        }
    }

    private final String alias;
    private final List<Path> userFiles;
    private final Path ownFile;
    private final HostKeyDecision decision;
    private volatile Outcome outcome = new Outcome(HostKeyStatus.NOT_CHECKED, null, null, null);

    /**
     * @param userFiles the user's known_hosts files (read only)
     * @param ownFile Wheelhouse's known_hosts in the data directory (read, and appended to)
     */
    public StrictHostKeyVerifier(String alias, List<Path> userFiles, Path ownFile, HostKeyDecision decision) {
        this.alias = alias;
        this.userFiles = List.copyOf(userFiles);
        this.ownFile = ownFile;
        this.decision = decision;
    }

    public Outcome outcome() {
        return outcome;
    }

    @Override
    public boolean verify(String hostname, int port, PublicKey key) {
        byte[] blob = new Buffer.PlainBuffer().putPublicKey(key).getCompactData();
        outcome = check(hostname, port, blob);
        if (outcome.message() != null) {
            LOG.warn("{}", outcome.message());
        }
        return outcome.status().trusted();
    }

    /** The check itself, on the key's SSH blob (public for tests). */
    public Outcome check(String hostname, int port, byte[] blob) {
        String type = KeyBlobs.type(blob);
        String fingerprint = KeyBlobs.sha256Fingerprint(blob);
        String name = KnownHosts.hostName(hostname, port);
        List<KnownHosts.Entry> entries;
        try {
            entries = entries();
        } catch (IOException e) {
            return new Outcome(HostKeyStatus.UNKNOWN_REFUSED, type, fingerprint,
                    "cannot check the host key of " + alias + " (" + name + "): " + e.getMessage() + "; refused");
        }
        switch (KnownHosts.lookup(entries, hostname, port, blob)) {
            case KnownHosts.Lookup.Known known -> {
                return new Outcome(HostKeyStatus.KNOWN, type, fingerprint, null);
            }
            case KnownHosts.Lookup.Revoked revoked -> {
                return new Outcome(HostKeyStatus.REVOKED, type, fingerprint,
                        "the host key of " + alias + " (" + name + ") " + type + " " + fingerprint
                                + " is marked @revoked in " + revoked.entry().where() + "; refused");
            }
            case KnownHosts.Lookup.Changed changed -> {
                KnownHosts.Entry old = changed.old();
                return new Outcome(HostKeyStatus.CHANGED, type, fingerprint,
                        "WARNING: the host key of " + alias + " (" + name + ") has CHANGED. It now presents " + type + " "
                                + fingerprint + ", but " + old.where() + " records " + old.keyType() + " " + old.fingerprint()
                                + ". Someone could be intercepting the connection, or the host was reinstalled. Refused."
                                + " If the change is expected, remove the old entry (ssh-keygen -R '" + name + "' -f "
                                + old.file() + ") and connect again.");
            }
            case KnownHosts.Lookup.Unknown unknown -> {
                return decide(hostname, port, blob, type, fingerprint, unknown.otherTypes());
            }
        }
    }

    private Outcome decide(String hostname, int port, byte[] blob, String type, String fingerprint, List<String> otherTypes) {
        UnknownHostKey key = new UnknownHostKey(alias, hostname, port, type, fingerprint, otherTypes,
                java.util.Base64.getEncoder().encodeToString(blob));
        HostKeyDecision.Verdict verdict;
        try {
            verdict = decision.decide(key);
        } catch (RuntimeException e) {
            LOG.warn("host key decision for {} failed; refusing", alias, e);
            verdict = HostKeyDecision.Verdict.REFUSE;
        }
        switch (verdict == null ? HostKeyDecision.Verdict.REFUSE : verdict) {
            case ACCEPT_AND_SAVE -> {
                try {
                    int line = KnownHosts.append(ownFile, hostname, port, blob);
                    LOG.info("accepted new host key of {} ({}) {} {}; saved in {}:{}",
                            alias, key.knownHostsName(), type, fingerprint, ownFile, line);
                    return new Outcome(HostKeyStatus.ACCEPTED_NEW, type, fingerprint, null);
                } catch (IOException e) {
                    return new Outcome(HostKeyStatus.UNKNOWN_REFUSED, type, fingerprint,
                            "cannot save the host key of " + alias + " in " + ownFile + ": " + e.getMessage() + "; refused");
                }
            }
            case ACCEPT_ONCE -> {
                return new Outcome(HostKeyStatus.ACCEPTED_ONCE, type, fingerprint, null);
            }
            default -> {
                return new Outcome(HostKeyStatus.UNKNOWN_REFUSED, type, fingerprint,
                        "the host key of " + alias + " (" + key.knownHostsName() + ") is not known: " + type + " " + fingerprint
                                + (otherTypes.isEmpty() ? "" : " (known key types for it: " + String.join(", ", otherTypes) + ")")
                                + "; refused", key);
            }
        }
    }

    @Override
    public List<String> findExistingAlgorithms(String hostname, int port) {
        try {
            return KnownHosts.knownTypes(entries(), hostname, port);
        } catch (IOException e) {
            return List.of();
        }
    }

    private List<KnownHosts.Entry> entries() throws IOException {
        List<KnownHosts.Entry> entries = new ArrayList<>();
        for (Path file : userFiles) {
            entries.addAll(KnownHosts.read(file));
        }
        entries.addAll(KnownHosts.read(ownFile));
        return entries;
    }
}
