package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WheelhouseCliTest {
    @TempDir
    Path dir;

    @Test
    void versionNamesTheProductAndItsVersion() {
        CliRun run = CliRun.of("--version");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Wheelhouse 0.").contains("Java 25");
    }

    @Test
    void helpListsTheCommandsTheGlobalOptionsAndTheExitCodes() {
        CliRun run = CliRun.of("--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("envs", "history", "--data-dir", "--workspace", "--kubeconfig", "--ssh-config",
                "2   bad input or bad usage");
    }

    @Test
    void badUsageExitsTwoWithAMessage() {
        CliRun run = CliRun.of("envs", "--no-such-option");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("Unknown option: '--no-such-option'");

        CliRun format = CliRun.of("envs", "--format", "xml");
        assertThat(format.exitCode()).isEqualTo(2);
        assertThat(format.err()).contains("--format", "xml");
    }

    @Test
    void everyTimeoutMustBeAtLeastOneSecondAndTablesAreTableOrJson() {
        for (String command : new String[] {"hosts", "inventory"}) {
            CliRun run = CliRun.of(command, "--env", "x", "--timeout", "0");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("'--timeout': must be at least 1 second, not 0");
        }
        CliRun csv = CliRun.of("envs", "--format", "csv");
        assertThat(csv.exitCode()).isEqualTo(2);
        assertThat(csv.err()).contains("expected one of [table, json]");
    }

    @Test
    void subcommandHelpShowsTheGlobalOptionsToo() {
        CliRun run = CliRun.of("history", "--help");
        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("--data-dir", "--env", "--app", "--limit", "--format", "verify");
    }
}
