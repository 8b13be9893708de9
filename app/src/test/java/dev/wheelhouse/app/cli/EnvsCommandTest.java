package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EnvsCommandTest {
    private static final String WORKSPACE = """
            environments:
              - name: shop-dev
                tier: development
                kubernetes:
                  - context: sandbox
                    namespaces: [shop-dev]
              - name: shop-prod
                tier: production
                readOnly: true
                kubernetes:
                  - context: prod-eu
                    namespaces: [shop-prod, shop-jobs]
                hosts:
                  - alias: web-1
                  - alias: web-2
                    port: 2222
            """;

    @TempDir
    Path dir;

    @Test
    void printsATableOfEnvironmentsWithTierTargetsAndHosts() throws Exception {
        Files.writeString(dir.resolve("workspace.yaml"), WORKSPACE);
        CliRun run = CliRun.of("envs", "--data-dir", dir.toString());
        assertThat(run.exitCode()).as(run.err()).isZero();
        String[] lines = run.out().split("\n");
        assertThat(lines[0]).startsWith("NAME").contains("TIER", "KUBERNETES", "HOSTS");
        assertThat(lines[1]).contains("shop-dev", "development", "sandbox / shop-dev");
        assertThat(lines[2]).contains("shop-prod", "production", "yes", "prod-eu / shop-prod, shop-jobs", "web-1, web-2");
    }

    @Test
    void globalOptionsWorkBeforeTheCommandToo() throws Exception {
        Path file = dir.resolve("elsewhere.yaml");
        Files.writeString(file, WORKSPACE);
        CliRun run = CliRun.of("--workspace", file.toString(), "envs", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertThat(json).hasSize(2);
        JsonNode prod = json.get(1);
        assertThat(prod.get("name").asText()).isEqualTo("shop-prod");
        assertThat(prod.get("tier").asText()).isEqualTo("production");
        assertThat(prod.get("readOnly").asBoolean()).isTrue();
        assertThat(prod.get("kubernetes").get(0).get("namespaces").get(1).asText()).isEqualTo("shop-jobs");
        assertThat(prod.get("hosts").get(1).get("port").asInt()).isEqualTo(2222);
    }

    @Test
    void malformedYamlExitsTwoNamingFileLineAndColumnAndLeavesTheFileAlone() throws Exception {
        Path file = dir.resolve("workspace.yaml");
        String broken = "environments:\n  - name: shop-dev\n    tier: development\n   kubernetes: [\n";
        Files.writeString(file, broken);
        FileTime before = Files.getLastModifiedTime(file);

        CliRun run = CliRun.of("envs", "--data-dir", dir.toString());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).startsWith("wheelhouse: " + file + ":").containsPattern(":\\d+:\\d+: ");
        assertThat(run.err()).doesNotContain("Exception", "\tat ");
        assertThat(run.out()).isEmpty();
        assertThat(Files.readString(file)).isEqualTo(broken);
        assertThat(Files.getLastModifiedTime(file)).isEqualTo(before);
        assertThat(dir.resolve("workspace.yaml.bak")).doesNotExist();
    }

    @Test
    void unknownTierExitsTwoWithTheLineAndColumnOfTheTier() throws Exception {
        Path file = dir.resolve("workspace.yaml");
        Files.writeString(file, "environments:\n  - name: shop-prod\n    tier: prodution\n");
        CliRun run = CliRun.of("envs", "--data-dir", dir.toString());
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains(file + ":3:11: ", "prodution", "development, staging, production");
    }

    @Test
    void noWorkspaceYetIsNotAnErrorButSaysWhereItWouldBe() {
        CliRun run = CliRun.of("envs", "--data-dir", dir.toString(), "--format", "json");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out().strip()).isEqualTo("[ ]");
        assertThat(run.err()).contains("no workspace yet at " + dir.resolve("workspace.yaml"));
    }
}
