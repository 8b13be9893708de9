package dev.wheelhouse.ssh.remote;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.hosts.LogSource;
import dev.wheelhouse.core.hosts.MetricsSpec;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands run locally through sh, as sshd would run them through the login shell. */
class RemoteCommandsTest {
    @TempDir
    Path tmp;

    private static Process run(String command) throws Exception {
        return new ProcessBuilder("sh", "-c", command).start();
    }

    @Test
    void theMetricsLoopPrintsWholeBlocksWithEverySection() throws Exception {
        Process p = run(RemoteCommands.metrics(new MetricsSpec(Duration.ofSeconds(1), "no-such-unit")));
        List<String> lines = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                lines.add(line);
                if (line.equals(RemoteCommands.END)) {
                    break;
                }
            }
            p.getOutputStream().close(); // what closing the channel does
            assertThat(p.waitFor(5, TimeUnit.SECONDS)).as("the loop ends when its stdin closes").isTrue();
        }
        assertThat(lines).contains("@@stat", "@@meminfo", "@@loadavg", "@@uptime", "@@netdev", "@@df", "@@dfi", "@@service", "@@end");
        assertThat(lines).anyMatch(l -> l.startsWith("cpu "));
    }

    @Test
    void aFollowedFileEndsWithItsChannelAndLeavesNoTailBehind() throws Exception {
        Path log = tmp.resolve("a log's name.log");
        Files.writeString(log, "one\ntwo\n");
        Process p = run(RemoteCommands.follow(new LogSource.File(log.toString(), 1)));
        BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        assertThat(r.readLine()).isEqualTo("two");
        List<ProcessHandle> tails = p.descendants().filter(h -> h.info().command().orElse("").endsWith("/tail")).toList();
        assertThat(tails).hasSize(1);

        p.getOutputStream().close();

        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        tails.getFirst().onExit().get(5, TimeUnit.SECONDS);
        assertThat(tails.getFirst().isAlive()).isFalse();
    }

    @Test
    void aFollowWhoseCommandEndsEndsItselfWithoutWaitingForTheChannel() throws Exception {
        Path log = tmp.resolve("short.log");
        Files.writeString(log, "only line\n");
        // Without -F, tail prints and exits: the script must end with it although stdin stays open.
        Process p = run(RemoteCommands.follow(new LogSource.File(log.toString(), 5)).replace(" -F ", " "));

        assertThat(p.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("only line\n");
    }

    @Test
    void theJournalCommandQuotesTheUnitOnceForTheScriptAndOnceForTheLoginShell() throws Exception {
        String command = RemoteCommands.follow(new LogSource.Journal("my app'; rm -rf /", 50));
        assertThat(command).startsWith("sh -c '");
        // What the login shell hands to sh -c: print it instead of running it.
        Process p = run("printf %s " + command.substring("sh -c ".length()));
        String script = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(script).contains("journalctl --no-pager -f -o short-iso -n 50 -u 'my app'\\''; rm -rf /' 2>&1");
    }
}
