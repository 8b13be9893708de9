package dev.wheelhouse.ssh.hostkeys;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * OpenSSH known_hosts files, read with the line of every entry so a changed key can say where
 * the old one is stored. Plain entries (comma-separated patterns with {@code * ? !}) and
 * hashed ones ({@code |1|salt|hmac}), {@code [host]:port} off port 22, the {@code @revoked}
 * marker; {@code @cert-authority} lines are skipped (host certificates are not supported).
 * Pure JDK: keys are compared as blobs, never decoded.
 */
public final class KnownHosts {
    private static final Base64.Decoder B64 = Base64.getDecoder();
    private static final Object APPEND_LOCK = new Object();

    private KnownHosts() {}

    /** One usable line of a known_hosts file. */
    public record Entry(Path file, int line, boolean revoked, String hosts, String keyType, byte[] keyBlob) {
        public String where() {
            return file + ":" + line;
        }

        public String fingerprint() {
            return KeyBlobs.sha256Fingerprint(keyBlob);
        }

        /** Does this entry name the host ({@code host} or {@code [host]:port}, lower case)? */
        public boolean appliesTo(String name) {
            if (hosts.startsWith("|1|")) {
                return hashedMatches(hosts, name);
            }
            boolean matched = false;
            for (String pattern : hosts.split(",")) {
                String p = pattern.toLowerCase(Locale.ROOT);
                if (p.startsWith("!")) {
                    if (glob(name, p.substring(1))) {
                        return false;
                    }
                } else if (glob(name, p)) {
                    matched = true;
                }
            }
            return matched;
        }
    }

    /** The outcome of looking a host's key up. */
    public sealed interface Lookup {
        /** The key is recorded for the host. */
        record Known(Entry entry) implements Lookup {}

        /** The key is marked {@code @revoked}. */
        record Revoked(Entry entry) implements Lookup {}

        /** The host is recorded with a different key of the same type: maybe an attack. */
        record Changed(Entry old) implements Lookup {}

        /** No entry for this key type; {@code otherTypes} are the types known for the host. */
        record Unknown(List<String> otherTypes) implements Lookup {}
    }

    /** The name known_hosts uses for a host: lower-cased, {@code [host]:port} off port 22. */
    public static String hostName(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? h : "[" + h + "]:" + port;
    }

    /** Reads the usable entries of a file; a missing file has none, lines that make no sense are skipped. */
    public static List<Entry> read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return List.of();
        }
        List<Entry> entries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Entry entry = parse(file, i + 1, lines.get(i));
            if (entry != null) {
                entries.add(entry);
            }
        }
        return entries;
    }

    static Entry parse(Path file, int lineNumber, String line) {
        String s = line.strip();
        if (s.isEmpty() || s.startsWith("#")) {
            return null;
        }
        String[] words = s.split("\\s+");
        int i = 0;
        boolean revoked = false;
        if (words[0].startsWith("@")) {
            if (words[0].equals("@revoked")) {
                revoked = true;
            } else {
                return null; // @cert-authority: certificates are not supported
            }
            i = 1;
        }
        if (words.length < i + 3) {
            return null;
        }
        try {
            byte[] blob = B64.decode(words[i + 2]);
            String type = words[i + 1];
            if (!type.equals(KeyBlobs.type(blob))) {
                return null;
            }
            return new Entry(file, lineNumber, revoked, words[i], type, blob);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /**
     * Looks a key up in the files, as OpenSSH does: a match anywhere wins (unless revoked);
     * else an entry for the host with the same key type but another key means it changed.
     */
    public static Lookup lookup(List<Entry> entries, String host, int port, byte[] keyBlob) {
        String name = hostName(host, port);
        String type = KeyBlobs.type(keyBlob);
        for (Entry e : entries) {
            if (e.revoked() && Arrays.equals(e.keyBlob(), keyBlob)) {
                return new Lookup.Revoked(e);
            }
        }
        Entry changed = null;
        Set<String> otherTypes = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (e.revoked() || !e.appliesTo(name)) {
                continue;
            }
            if (Arrays.equals(e.keyBlob(), keyBlob)) {
                return new Lookup.Known(e);
            }
            if (e.keyType().equals(type)) {
                if (changed == null) {
                    changed = e;
                }
            } else {
                otherTypes.add(e.keyType());
            }
        }
        return changed != null ? new Lookup.Changed(changed) : new Lookup.Unknown(List.copyOf(otherTypes));
    }

    /** The key types recorded for a host (so the key exchange asks for a type we can check). */
    public static List<String> knownTypes(List<Entry> entries, String host, int port) {
        String name = hostName(host, port);
        Set<String> types = new LinkedHashSet<>();
        for (Entry e : entries) {
            if (!e.revoked() && e.appliesTo(name)) {
                types.add(e.keyType());
            }
        }
        return List.copyOf(types);
    }

    /**
     * Appends a hashed entry (as {@code HashKnownHosts yes} writes it) for the host, unless the
     * file has this key for it already. A new file is made readable by its owner only. Locked
     * against other Wheelhouse processes.
     *
     * @return the line number of the entry
     */
    public static int append(Path file, String host, int port, byte[] keyBlob) throws IOException {
        synchronized (APPEND_LOCK) {
            // Two aliases of one host accepted at once must not write it twice.
            for (Entry e : read(file)) {
                if (!e.revoked() && Arrays.equals(e.keyBlob(), keyBlob) && e.appliesTo(hostName(host, port))) {
                    return e.line();
                }
            }
            return appendLine(file, host, port, keyBlob);
        }
    }

    @SuppressWarnings("try") // the lock is held for the try block, never referenced
    private static int appendLine(Path file, String host, int port, byte[] keyBlob) throws IOException {
        String line = hashedName(hostName(host, port)) + " " + KeyBlobs.type(keyBlob) + " "
                + Base64.getEncoder().encodeToString(keyBlob) + "\n";
        synchronized (APPEND_LOCK) {
            Path dir = file.toAbsolutePath().getParent();
            if (dir != null) {
                Files.createDirectories(dir);
            }
            if (!Files.exists(file)) {
                try {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
                } catch (UnsupportedOperationException e) {
                    Files.createFile(file);
                } catch (java.nio.file.FileAlreadyExistsException e) {
                    // made by another process in the meantime: fine
                }
            }
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    FileLock lock = channel.lock()) {
                long size = channel.size();
                String text = line;
                if (size > 0) {
                    ByteBuffer last = ByteBuffer.allocate(1);
                    channel.read(last, size - 1);
                    if (last.get(0) != '\n') {
                        text = "\n" + line;
                    }
                }
                int lineNumber = countLines(channel, size) + (text.startsWith("\n") ? 2 : 1);
                channel.write(ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8)), size);
                channel.force(true);
                return lineNumber;
            }
        }
    }

    private static int countLines(FileChannel channel, long size) throws IOException {
        int lines = 0;
        ByteBuffer buffer = ByteBuffer.allocate(8192);
        long position = 0;
        while (position < size) {
            buffer.clear();
            int n = channel.read(buffer, position);
            if (n <= 0) {
                break;
            }
            for (int i = 0; i < n; i++) {
                if (buffer.get(i) == '\n') {
                    lines++;
                }
            }
            position += n;
        }
        return lines;
    }

    /** {@code |1|base64(salt)|base64(HMAC-SHA1(salt, name))}, as ssh-keygen -H writes. */
    static String hashedName(String name) {
        byte[] salt = new byte[20];
        new SecureRandom().nextBytes(salt);
        return "|1|" + Base64.getEncoder().encodeToString(salt) + "|" + Base64.getEncoder().encodeToString(hmac(salt, name));
    }

    private static boolean hashedMatches(String hashed, String name) {
        String[] parts = hashed.split("\\|");
        // "", "1", salt, hash
        if (parts.length != 4) {
            return false;
        }
        try {
            byte[] salt = B64.decode(parts[2]);
            byte[] expected = B64.decode(parts[3]);
            return MessageDigest.isEqual(expected, hmac(salt, name));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static byte[] hmac(byte[] salt, String name) {
        try {
            Mac mac = Mac.getInstance("HmacSHA1");
            mac.init(new SecretKeySpec(salt, "HmacSHA1"));
            return mac.doFinal(name.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no HmacSHA1", e);
        }
    }

    private static boolean glob(String name, String pattern) {
        return dev.wheelhouse.ssh.config.HostPatterns.matches(name, pattern);
    }
}
