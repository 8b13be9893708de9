package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wheelhouse inventory` against the practice sandbox (a Kubernetes API over HTTP with controllers and metrics). */
class InventoryCommandIT {
    static Sandbox sandbox;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withMetricsIntervalMillis(500));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    /** The sandbox's kubeconfig (or one pointing elsewhere) and a workspace with shop-dev on it and a hosts-only env. */
    Path kubeconfig(String server) throws Exception {
        Path file = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
        if (server != null) {
            Files.writeString(file, Files.readString(file).replace(sandbox.url().toString(), server));
        }
        Files.writeString(dir.resolve("workspace.yaml"), """
                environments:
                  - name: shop-dev
                    tier: development
                    kubernetes:
                      - context: %s
                        namespaces: [%s]
                  - name: shop-prod
                    tier: production
                    hosts:
                      - alias: web-1
                """.formatted(Sandbox.CONTEXT, sandbox.seed().namespace("sandbox-dev").orElseThrow()));
        return file;
    }

    CliRun inventory(Path kubeconfig, String... more) {
        String[] base = {"inventory", "--data-dir", dir.toString(), "--kubeconfig", kubeconfig.toString(), "--timeout", "15"};
        return CliRun.of(Stream.concat(Arrays.stream(base), Arrays.stream(more)).toArray(String[]::new));
    }

    @Test
    void printsTheSectionsAsATable() throws Exception {
        CliRun run = inventory(kubeconfig(null), "--env", "shop-dev");
        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).contains("ENVIRONMENT shop-dev", "\nNODES\n", "\nWORKLOADS\n", "\nSTORAGE\n", "\nNETWORK\n", "\nMETRICS\n");
        assertThat(run.out()).contains(Sandbox.CONTEXT + ": available");
        assertThat(run.out()).containsPattern("sandbox-node-1\\s+Ready");
        String storefront = sandbox.seed().version("sandbox-dev", "storefront").orElseThrow();
        assertThat(run.out()).containsPattern("Deployment\\s+storefront\\s+\\d+/\\d+\\s+\\d+\\s+\\d+\\s+healthy\\s+Available\\s+"
                + storefront.replace(".", "\\."));
    }

    @Test
    void printsTheWholeModelAsJson() throws Exception {
        CliRun run = inventory(kubeconfig(null), "--env", "shop-dev", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json.get("environment").asText()).isEqualTo("shop-dev");
        assertThat(json.get("complete").asBoolean()).isTrue();
        assertThat(json.get("targets").get(0).get("status").asText()).isEqualTo("live");
        assertThat(json.get("nodes").get(0).get("allocatable").get("cpuMillis").asLong()).isPositive();
        JsonNode storefront = null;
        for (JsonNode w : json.get("workloads")) {
            if (w.get("name").asText().equals("storefront")) {
                storefront = w;
            }
        }
        assertThat(storefront).isNotNull();
        assertThat(storefront.get("version").asText()).isEqualTo(sandbox.seed().version("sandbox-dev", "storefront").orElseThrow());
        assertThat(storefront.get("health").asText()).isEqualTo("healthy");
        assertThat(json.get("storage").has("claims")).isTrue();
        assertThat(json.get("network").get("services").size()).isPositive();
        assertThat(json.get("metrics").get("statuses").get(0).get("state").asText()).isEqualTo("available");
        assertThat(json.get("summary").get("workloads").get("healthy").asInt()).isPositive();
    }

    @Test
    void anUnknownEnvironmentExitsTwoNamingTheKnownOnes() throws Exception {
        CliRun run = inventory(kubeconfig(null), "--env", "shop-stage");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("wheelhouse inventory: no environment 'shop-stage' in "
                + dir.resolve("workspace.yaml") + " (known: shop-dev, shop-prod)");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void anUnreachableApiExitsOneWithOneLineNamingTheContextAndUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        CliRun run = inventory(kubeconfig("http://127.0.0.1:" + closedPort), "--env", "shop-dev");
        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("wheelhouse inventory: cannot reach context '" + Sandbox.CONTEXT + "' at http://127.0.0.1:"
                + closedPort + ": connection refused" + System.lineSeparator());
        assertThat(run.out()).isEmpty();
    }

    @Test
    void aContextMissingFromTheKubeconfigExitsTwoNamingFileAndContext() throws Exception {
        Path kubeconfig = kubeconfig(null);
        Files.writeString(kubeconfig, Files.readString(kubeconfig).replace("name: " + Sandbox.CONTEXT, "name: other"));
        CliRun run = inventory(kubeconfig, "--env", "shop-dev");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err().strip()).isEqualTo("wheelhouse inventory: kubeconfig " + kubeconfig.toAbsolutePath()
                + " has no context '" + Sandbox.CONTEXT + "' (it has: other)");
    }

    @Test
    void anEnvironmentWithoutKubernetesTargetsIsBadInput() throws Exception {
        CliRun run = inventory(kubeconfig(null), "--env", "shop-prod");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("environment 'shop-prod' has no Kubernetes targets");
    }
}
