package dev.wheelhouse.ssh.hostkeys;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fixture keys and hashed lines were made by OpenSSH 9.2's ssh-keygen (-lf, -H) on this machine. */
class KnownHostsTest {
    static final String K1 = "AAAAC3NzaC1lZDI1NTE5AAAAIBl05owXPB1K0QxVx0IcERjeEmsTdYZqRJepleb6wUVr";
    static final String K1_FINGERPRINT = "SHA256:51SdwMbzh8PDb6Y2ppC5wNLYDwU+4CJoQ0+oUjFWuGc";
    static final String K2 = "AAAAC3NzaC1lZDI1NTE5AAAAIOEnxZ9ScBHuwywxddgqMdUkMpTA/uk9W+QJ2rMbIDXw";
    static final String K2_FINGERPRINT = "SHA256:VU6ya5oIjwSH2hom2oq8APl97CEKIV8f09Jw8UWXEVM";
    /** ssh-keygen -H of "[db.example.com]:2222 K1" and "web.example.com K1". */
    static final String HASHED = """
            |1|cIfgfWiBVRBJ59RVBNZBvSE2Mgo=|0LaE39Zl4o5A80qLHq0zpJ2v5Ls= ssh-ed25519 %s
            |1|Lbg+k7piQXd+OW3BlJ3X0wdUC8o=|w3C3wtFEbPBIc7kPbss1JoPPSFM= ssh-ed25519 %s
            """.formatted(K1, K1);

    @TempDir
    Path tmp;

    static byte[] blob(String base64) {
        return Base64.getDecoder().decode(base64);
    }

    private List<KnownHosts.Entry> file(String text) throws Exception {
        Path f = tmp.resolve("known_hosts");
        Files.writeString(f, text);
        return KnownHosts.read(f);
    }

    @Test
    void fingerprintsAreOpenSshs() {
        assertThat(KeyBlobs.sha256Fingerprint(blob(K1))).isEqualTo(K1_FINGERPRINT);
        assertThat(KeyBlobs.sha256Fingerprint(blob(K2))).isEqualTo(K2_FINGERPRINT);
        assertThat(KeyBlobs.type(blob(K1))).isEqualTo("ssh-ed25519");
    }

    @Test
    void hashedEntriesMatchTheirHostAndPortOnly() throws Exception {
        List<KnownHosts.Entry> entries = file(HASHED);

        assertThat(KnownHosts.lookup(entries, "db.example.com", 2222, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "DB.Example.com", 2222, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "web.example.com", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "db.example.com", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Unknown.class);
        assertThat(KnownHosts.lookup(entries, "web.example.com", 2222, blob(K1))).isInstanceOf(KnownHosts.Lookup.Unknown.class);
    }

    @Test
    void plainEntriesWithPatternsListsAndNegation() throws Exception {
        List<KnownHosts.Entry> entries = file("""
                # comment
                web1,web2,10.0.0.5 ssh-ed25519 %s
                *.prod,!bastion.prod ssh-ed25519 %s
                [10.0.0.9]:2200 ssh-ed25519 %s
                garbage line
                """.formatted(K1, K1, K2));

        assertThat(KnownHosts.lookup(entries, "web2", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "db.prod", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "bastion.prod", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Unknown.class);
        assertThat(KnownHosts.lookup(entries, "10.0.0.9", 2200, blob(K2))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(entries).hasSize(3);
    }

    @Test
    void aDifferentKeyOfTheSameTypeIsAChangeThatNamesFileAndLine() throws Exception {
        List<KnownHosts.Entry> entries = file("\n# two\nweb1 ssh-ed25519 " + K1 + "\n");

        KnownHosts.Lookup lookup = KnownHosts.lookup(entries, "web1", 22, blob(K2));

        assertThat(lookup).isInstanceOfSatisfying(KnownHosts.Lookup.Changed.class, changed -> {
            assertThat(changed.old().where()).isEqualTo(tmp.resolve("known_hosts") + ":3");
            assertThat(changed.old().fingerprint()).isEqualTo(K1_FINGERPRINT);
        });
    }

    @Test
    void aMatchAnywhereWinsOverAStaleEntry() throws Exception {
        List<KnownHosts.Entry> entries = file("web1 ssh-ed25519 " + K1 + "\nweb1 ssh-ed25519 " + K2 + "\n");

        assertThat(KnownHosts.lookup(entries, "web1", 22, blob(K2))).isInstanceOf(KnownHosts.Lookup.Known.class);
    }

    @Test
    void revokedKeysAreRevokedAndCertAuthorityLinesIgnored() throws Exception {
        List<KnownHosts.Entry> entries = file("@revoked * ssh-ed25519 " + K2 + "\n@cert-authority * ssh-ed25519 " + K1
                + "\nweb1 ssh-ed25519 " + K2 + "\n");

        assertThat(KnownHosts.lookup(entries, "web1", 22, blob(K2))).isInstanceOf(KnownHosts.Lookup.Revoked.class);
        assertThat(KnownHosts.lookup(entries, "web1", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Changed.class);
    }

    @Test
    void otherKeyTypesMakeItUnknownNotChanged() throws Exception {
        String rsaLike = Base64.getEncoder().encodeToString(new byte[] {0, 0, 0, 7, 's', 's', 'h', '-', 'r', 's', 'a', 1, 2});
        List<KnownHosts.Entry> entries = file("web1 ssh-rsa " + rsaLike + "\n");

        assertThat(KnownHosts.lookup(entries, "web1", 22, blob(K1)))
                .isEqualTo(new KnownHosts.Lookup.Unknown(List.of("ssh-rsa")));
        assertThat(KnownHosts.knownTypes(entries, "web1", 22)).containsExactly("ssh-rsa");
    }

    @Test
    void appendWritesAHashedLineAfterAFileWithoutATrailingNewlineAndReportsItsLine() throws Exception {
        Path f = tmp.resolve("sub/known_hosts");
        Files.createDirectories(f.getParent());
        Files.writeString(f, "web1 ssh-ed25519 " + K1);

        int line = KnownHosts.append(f, "DB.example.com", 2222, blob(K2));

        assertThat(line).isEqualTo(2);
        List<String> lines = Files.readAllLines(f);
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1)).startsWith("|1|").endsWith(" ssh-ed25519 " + K2).doesNotContain("example");
        List<KnownHosts.Entry> entries = KnownHosts.read(f);
        assertThat(KnownHosts.lookup(entries, "db.example.com", 2222, blob(K2))).isInstanceOf(KnownHosts.Lookup.Known.class);
        assertThat(KnownHosts.lookup(entries, "web1", 22, blob(K1))).isInstanceOf(KnownHosts.Lookup.Known.class);
    }

    @Test
    void theSameKeyForTheSameHostIsWrittenOnce() throws Exception {
        Path f = tmp.resolve("known_hosts");

        assertThat(KnownHosts.append(f, "web1", 2200, blob(K1))).isEqualTo(1);
        assertThat(KnownHosts.append(f, "web1", 2200, blob(K1))).isEqualTo(1);
        assertThat(KnownHosts.append(f, "web1", 22, blob(K1))).isEqualTo(2);

        assertThat(Files.readAllLines(f)).hasSize(2);
    }

    @Test
    void aNewFileIsPrivate() throws Exception {
        Path f = tmp.resolve("new/known_hosts");

        assertThat(KnownHosts.append(f, "web1", 22, blob(K1))).isEqualTo(1);

        assertThat(java.nio.file.Files.getPosixFilePermissions(f))
                .containsExactlyInAnyOrder(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                        java.nio.file.attribute.PosixFilePermission.OWNER_WRITE);
    }
}
