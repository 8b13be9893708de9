package dev.wheelhouse.ssh.hostkeys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/** SSH public key blobs (RFC 4253 6.6): their type and OpenSSH's SHA256 fingerprint. */
public final class KeyBlobs {
    private KeyBlobs() {}

    /** The key type a blob starts with, e.g. {@code ssh-ed25519}. */
    public static String type(byte[] blob) {
        ByteBuffer buffer = ByteBuffer.wrap(blob);
        if (buffer.remaining() < 4) {
            throw new IllegalArgumentException("not an SSH key blob (too short)");
        }
        int length = buffer.getInt();
        if (length < 1 || length > 64 || length > buffer.remaining()) {
            throw new IllegalArgumentException("not an SSH key blob (bad type length " + length + ")");
        }
        byte[] type = new byte[length];
        buffer.get(type);
        return new String(type, StandardCharsets.US_ASCII);
    }

    /** As {@code ssh-keygen -lf} prints it: {@code SHA256:} and base64 without padding. */
    public static String sha256Fingerprint(byte[] blob) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
