package dev.wheelhouse.history;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The hash of a journal entry: SHA-256 over a canonical encoding of every stored field (except
 * the hash itself) in a fixed order, ending with the previous entry's hash.
 *
 * <p>Encoding (format v1): a version tag, then each field as a presence byte (0 = SQL NULL,
 * 1 = value) followed by the value: longs and ints big-endian, the timestamp as epoch
 * microseconds (the stored precision), strings as a 4-byte UTF-8 length and the bytes. The
 * length prefixes and presence bytes make it unambiguous: ("ab", "c") and ("a", "bc") differ,
 * and so do null and "".
 */
final class ChainHash {

    /** The previous hash of the very first entry. */
    static final String GENESIS = "0".repeat(64);

    private static final String FORMAT = "wheelhouse-history-journal/v1";

    private ChainHash() {}

    static String of(JournalEntry e) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(256);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            string(out, FORMAT);
            number(out, e.seq());
            string(out, e.type() == null ? null : e.type().name());
            number(out, e.operationId());
            number(out, e.stepSeq() == null ? null : e.stepSeq().longValue());
            number(out, e.recordedAt() == null ? null : micros(e.recordedAt()));
            string(out, e.kind());
            string(out, e.environment());
            string(out, e.application());
            string(out, e.target());
            string(out, e.fromVersion());
            string(out, e.toVersion());
            string(out, e.operator());
            string(out, e.reason());
            string(out, e.stepName());
            string(out, e.stepStatus());
            string(out, e.outcome());
            string(out, e.output());
            string(out, e.prevHash());
            if (e.linkedTo() != null) {
                string(out, "linked_to");
                number(out, e.linkedTo());
            }
        } catch (IOException impossible) {
            throw new UncheckedIOException(impossible);
        }
        return HexFormat.of().formatHex(sha256().digest(bytes.toByteArray()));
    }

    static long micros(Instant t) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, t);
    }

    private static void number(DataOutputStream out, Long value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            out.writeByte(1);
            out.writeLong(value);
        }
    }

    private static void string(DataOutputStream out, String value) throws IOException {
        if (value == null) {
            out.writeByte(0);
        } else {
            byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
            out.writeByte(1);
            out.writeInt(utf8.length);
            out.write(utf8);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this JDK has no SHA-256", e);
        }
    }
}
