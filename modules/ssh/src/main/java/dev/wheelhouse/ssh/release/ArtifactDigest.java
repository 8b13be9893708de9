package dev.wheelhouse.ssh.release;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The SHA-256 of an artifact, computed here exactly as {@link ReleaseCommands#verifyAndPlace}
 * computes it on the host: a file's own SHA-256; for a directory, the SHA-256 of the lines
 * {@code "<sha256>  ./<path>\n"} of its regular files, sorted by path bytewise (LC_ALL=C sort).
 */
final class ArtifactDigest {
    private ArtifactDigest() {}

    static String of(Path artifact) throws IOException {
        if (Files.isRegularFile(artifact)) {
            return file(artifact);
        }
        if (!Files.isDirectory(artifact)) {
            throw new IOException("artifact " + artifact + " is neither a file nor a directory");
        }
        List<String> lines = new ArrayList<>();
        try (Stream<Path> files = Files.walk(artifact)) {
            for (Path f : (Iterable<Path>) files.filter(p -> Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS))::iterator) {
                String rel = artifact.relativize(f).toString().replace('\\', '/');
                lines.add(file(f) + "  ./" + rel + "\n");
            }
        }
        lines.sort((a, b) -> Arrays.compareUnsigned(a.substring(64).getBytes(StandardCharsets.UTF_8),
                b.substring(64).getBytes(StandardCharsets.UTF_8)));
        MessageDigest digest = sha256();
        lines.forEach(line -> digest.update(line.getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(digest.digest());
    }

    private static String file(Path f) throws IOException {
        MessageDigest digest = sha256();
        try (InputStream in = Files.newInputStream(f)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0; ) {
                digest.update(buffer, 0, n);
            }
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
