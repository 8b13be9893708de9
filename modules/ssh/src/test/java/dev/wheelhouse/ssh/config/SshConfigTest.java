package dev.wheelhouse.ssh.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.HostRef;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected values were checked against OpenSSH 9.2's {@code ssh -G} with the same files. */
class SshConfigTest {
    @TempDir
    Path tmp;

    Path home;
    Path ssh;

    @BeforeEach
    void home() throws Exception {
        home = tmp.resolve("home");
        ssh = Files.createDirectories(home.resolve(".ssh"));
    }

    private SshConfig config(String text) throws Exception {
        Files.writeString(ssh.resolve("config"), text);
        return SshConfig.load(ssh.resolve("config"), home, "me");
    }

    @Test
    void firstObtainedValueWinsAndIdentityFilesAccumulate() throws Exception {
        SshConfig config = config("""
                # production
                Host db?.prod
                  HostName DB-Server.Internal
                  Port 1
                  IdentityFile ~/.ssh/prod_%r_%h_%p
                Host *.prod !bastion.prod
                  ProxyJump admin@bastion.prod:2022
                  Port 9
                Host *
                  Port 2
                  User=dflt
                  IdentityFile ~/.ssh/id_ed25519
                """);

        ResolvedHost db = config.resolve(HostRef.of("db1.prod"));
        assertThat(db.hostName()).isEqualTo("db-server.internal");
        assertThat(db.port()).isEqualTo(1);
        assertThat(db.user()).isEqualTo("dflt");
        assertThat(db.identityFiles()).containsExactly(ssh.resolve("prod_dflt_db-server.internal_1"), ssh.resolve("id_ed25519"));
        assertThat(db.proxyJump()).containsExactly(new JumpHost("admin", "bastion.prod", 2022));

        ResolvedHost bastion = config.resolve(HostRef.of("bastion.prod"));
        assertThat(bastion.proxyJump()).isEmpty();
        assertThat(bastion.port()).isEqualTo(2);

        ResolvedHost db10 = config.resolve(HostRef.of("db10.prod"));
        assertThat(db10.hostName()).isEqualTo("db10.prod");
        assertThat(db10.port()).isEqualTo(9);
    }

    @Test
    void hostPatternsAreMatchedAgainstTheAliasAsTypedAndHostNameTakesPercentH() throws Exception {
        SshConfig config = config("""
                Host MyBox
                  HostName %h.example.com
                """);

        assertThat(config.resolve(HostRef.of("MyBox")).hostName()).isEqualTo("mybox.example.com");
        assertThat(config.resolve(HostRef.of("mybox")).hostName()).isEqualTo("mybox");
    }

    @Test
    void workspaceOverridesWinOverTheConfig() throws Exception {
        SshConfig config = config("Host web\n  HostName web.internal\n  Port 2200\n  User deploy\n");

        ResolvedHost web = config.resolve(new HostRef("web", "10.1.2.3", 22, "ops"));

        assertThat(web.target()).isEqualTo("ops@10.1.2.3:22");
    }

    @Test
    void noConfigAtAllMeansTheAliasPort22AndTheLocalUser() {
        SshConfig config = SshConfig.load(tmp.resolve("missing"), home, "me");

        ResolvedHost h = config.resolve(HostRef.of("Some.Host"));

        assertThat(h.target()).isEqualTo("me@some.host:22");
        assertThat(h.identityFiles()).isEmpty();
        assertThat(h.userKnownHostsFiles()).containsExactly(ssh.resolve("known_hosts"), ssh.resolve("known_hosts2"));
    }

    @Test
    void includesAreFollowedRelativeToDotSshWithGlobsAndOnlyWhereTheirBlockApplies() throws Exception {
        Files.createDirectories(ssh.resolve("conf.d"));
        Files.writeString(ssh.resolve("conf.d/10-web"), "User incuser\nHost other\n  Port 999\n");
        Files.writeString(ssh.resolve("conf.d/20-more"), "Host web*\n  IdentityFile ~/.ssh/web\n");
        SshConfig config = config("""
                Host nomatch
                  Include conf.d/*
                Host web*
                  Include conf.d/*
                  Port 2200
                """);

        ResolvedHost web = config.resolve(HostRef.of("web1"));
        assertThat(web.user()).isEqualTo("incuser");
        assertThat(web.port()).as("the block's own options still apply after the Include").isEqualTo(2200);
        assertThat(web.identityFiles()).containsExactly(ssh.resolve("web"));

        ResolvedHost other = config.resolve(HostRef.of("other"));
        assertThat(other.port()).as("an Include in a block that does not match applies nothing").isEqualTo(22);
        assertThat(other.user()).isEqualTo("me");
    }

    @Test
    void anIncludeLoopIsNotedNotFollowedForever() throws Exception {
        Files.writeString(ssh.resolve("loop"), "Include loop\nUser looped\n");
        SshConfig config = config("Include loop\n");

        assertThat(config.resolve(HostRef.of("x")).user()).isEqualTo("looped");
        assertThat(config.loadNotes()).anyMatch(n -> n.contains("includes itself"));
    }

    @Test
    void matchBlocksAreSkippedWithANote() throws Exception {
        SshConfig config = config("""
                Match host web exec "true"
                  User matched
                Host web
                  User hosted
                """);

        ResolvedHost web = config.resolve(HostRef.of("web"));

        assertThat(web.user()).isEqualTo("hosted");
        assertThat(web.notes()).anyMatch(n -> n.contains(":1: Match blocks are not supported"));
    }

    @Test
    void proxyJumpNoneAndChainsAndUris() throws Exception {
        SshConfig config = config("""
                Host direct
                  ProxyJump none
                Host chained
                  ProxyJump ssh://ops@hop1:2201,hop2
                Host default-bastion
                  ProxyJump none
                Host *
                  ProxyJump default-bastion
                """);

        assertThat(config.resolve(HostRef.of("direct")).proxyJump()).isEmpty();
        ResolvedHost chained = config.resolve(HostRef.of("chained"));
        assertThat(chained.proxyJump()).containsExactly(new JumpHost("ops", "hop1", 2201), new JumpHost(null, "hop2", null));
        // ProxyJump a,b: b is reached through a (b's own ProxyJump is replaced), a uses its config.
        List<ResolvedHost> chain = config.resolveChain(chained);
        assertThat(chain).extracting(ResolvedHost::alias).containsExactly("default-bastion", "hop1", "hop2");
        assertThat(chain.get(1).target()).isEqualTo("ops@hop1:2201");
    }

    @Test
    void aProxyJumpLoopIsRefusedNotFollowedForever() throws Exception {
        SshConfig config = config("Host a\n  ProxyJump b\nHost b\n  ProxyJump a\n");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> config.resolveChain(config.resolve(HostRef.of("a"))))
                .hasMessageContaining("nested more than");
    }

    @Test
    void proxyCommandIsReportedAsUnsupportedWithWhereItIs() throws Exception {
        SshConfig config = config("Host old\n  ProxyCommand ssh -W %h:%p gw\n  ProxyJump ignored\n");

        ResolvedHost old = config.resolve(HostRef.of("old"));

        assertThat(old.unsupported()).isEqualTo("ssh config " + ssh.resolve("config") + ":2: ProxyCommand is not supported by Wheelhouse; use ProxyJump");
    }

    @Test
    void oddLinesAreNotedAndSkipped() throws Exception {
        SshConfig config = config("Host web\n  Port nope\n  HostName \"unterminated\n  User ok\n");

        ResolvedHost web = config.resolve(HostRef.of("web"));

        assertThat(web.port()).isEqualTo(22);
        assertThat(web.user()).isEqualTo("ok");
        assertThat(web.notes()).anyMatch(n -> n.contains(":2: Port nope is not a port"));
        assertThat(config.loadNotes()).anyMatch(n -> n.contains(":3: unterminated quote"));
    }

    @Test
    void identitiesOnlyTimeoutsAndKnownHostsFiles() throws Exception {
        SshConfig config = config("""
                Host web
                  IdentitiesOnly yes
                  ConnectTimeout 7
                  ServerAliveInterval 30
                  UserKnownHostsFile ~/.ssh/kh_%h /etc/kh
                  IdentityFile "/keys/with space"
                """);

        ResolvedHost web = config.resolve(HostRef.of("web"));

        assertThat(web.identitiesOnly()).isTrue();
        assertThat(web.connectTimeoutSeconds()).isEqualTo(7);
        assertThat(web.serverAliveIntervalSeconds()).isEqualTo(30);
        assertThat(web.userKnownHostsFiles()).containsExactly(ssh.resolve("kh_web"), Path.of("/etc/kh"));
        assertThat(web.identityFiles()).containsExactly(Path.of("/keys/with space"));
    }
}
