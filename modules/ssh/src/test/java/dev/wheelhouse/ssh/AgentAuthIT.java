package dev.wheelhouse.ssh;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.hosts.HostReport;
import dev.wheelhouse.ssh.auth.AgentClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Keys held only by a real ssh-agent (the key files are deleted after ssh-add). */
class AgentAuthIT {
    @TempDir
    static Path tmp;

    static TestHome home;
    static SshdServer server;
    static Process agent;
    static Path socket;

    @BeforeAll
    static void start() throws Exception {
        home = new TestHome(tmp);
        Path ed = home.key("agent_ed25519", "ed25519", "", true);
        Path rsa = home.key("agent_rsa", "rsa", "", true);
        server = SshdServer.start(tmp.resolve("sshd"), home.authorizedKeys);
        home.trust(server);
        home.writeConfig(home.hostBlock("box", server));
        socket = tmp.resolve("agent.sock");
        agent = new ProcessBuilder("ssh-agent", "-D", "-a", socket.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("agent.log").toFile()).start();
        for (int i = 0; i < 100 && !Files.exists(socket); i++) {
            Thread.sleep(50);
        }
        Map<String, String> env = Map.of("SSH_AUTH_SOCK", socket.toString());
        Tools.run(env, "ssh-add", rsa.toString());
        Tools.run(env, "ssh-add", ed.toString());
        // Only the agent has them now: a login can only have come through it.
        for (Path p : List.of(ed, rsa)) {
            Files.delete(p);
        }
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        agent.destroy();
    }

    @Test
    void theAgentClientListsTheKeysSshAddDoes() throws Exception {
        String listed = Tools.run(Map.of("SSH_AUTH_SOCK", socket.toString()), "ssh-add", "-L");
        try (AgentClient client = new AgentClient(socket)) {
            List<AgentClient.Identity> identities = client.identities();

            assertThat(identities).extracting(AgentClient.Identity::type).containsExactly("ssh-rsa", "ssh-ed25519");
            for (AgentClient.Identity identity : identities) {
                assertThat(listed).contains(identity.type() + " " + Base64.getEncoder().encodeToString(identity.blob()));
            }
            assertThat(identities.get(1).comment()).isEqualTo("agent_ed25519@wheelhouse-test");
        }
    }

    @Test
    void logsInWithAgentKeys() {
        HostReport report;
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings().withAgentSocket(socket))) {
            report = gateway.probe(HostRef.of("box"), Duration.ofSeconds(20));
        }
        assertThat(report.error()).isNull();
        assertThat(report.reachable()).isTrue();
    }

    @Test
    void logsInWithAnRsaKeyInTheAgentSignedWithSha2() throws Exception {
        Path rsaOnly = tmp.resolve("rsa-only.sock");
        Process second = new ProcessBuilder("ssh-agent", "-D", "-a", rsaOnly.toString()).redirectErrorStream(true)
                .redirectOutput(tmp.resolve("agent2.log").toFile()).start();
        try {
            for (int i = 0; i < 100 && !Files.exists(rsaOnly); i++) {
                Thread.sleep(50);
            }
            Path rsa = home.key("second_rsa", "rsa", "", true);
            Tools.run(Map.of("SSH_AUTH_SOCK", rsaOnly.toString()), "ssh-add", rsa.toString());
            Files.delete(rsa);
            HostReport report;
            try (SshjHostGateway gateway = new SshjHostGateway(home.settings().withAgentSocket(rsaOnly))) {
                report = gateway.probe(HostRef.of("box"), Duration.ofSeconds(20));
            }
            assertThat(report.error()).isNull();
            // OpenSSH 9.2 refuses ssh-rsa (SHA-1) signatures by default: the agent signed with rsa-sha2.
            assertThat(Files.readString(server.log())).contains("Accepted publickey for " + System.getProperty("user.name"))
                    .containsPattern("Accepted publickey .* RSA SHA256:");
        } finally {
            second.destroy();
        }
    }

    @Test
    void withoutTheAgentAndWithoutKeyFilesTheMessageSaysSo() {
        HostReport report;
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings())) {
            report = gateway.probe(HostRef.of("box"), Duration.ofSeconds(20));
        }
        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("no key file in ~/.ssh (id_ed25519, id_ecdsa, id_rsa)");
    }

    @Test
    void anAgentThatIsNotThereIsNamedInTheMessage() {
        Path missing = tmp.resolve("no-such-agent.sock");
        HostReport report;
        try (SshjHostGateway gateway = new SshjHostGateway(home.settings().withAgentSocket(missing))) {
            report = gateway.probe(HostRef.of("box"), Duration.ofSeconds(20));
        }
        assertThat(report.reachable()).isFalse();
        assertThat(report.error()).contains("cannot reach ssh-agent at " + missing);
    }
}
