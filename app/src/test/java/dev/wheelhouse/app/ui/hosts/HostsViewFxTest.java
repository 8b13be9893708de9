package dev.wheelhouse.app.ui.hosts;

import static dev.wheelhouse.app.ui.FxWait.onFx;
import static dev.wheelhouse.app.ui.FxWait.until;
import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.hosts.ConnectionState.Phase;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.ssh.Backoff;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/**
 * The hosts view against real OpenSSH servers on loopback: a known host comes up with a CPU
 * figure, a host whose port is closed shows down with its error without holding the others
 * up, an unknown key is asked about and accepted, and a server that stops shows down.
 */
@ExtendWith(ApplicationExtension.class)
class HostsViewFxTest {
    @TempDir
    static Path tmp;

    static SshdFixture alpha;
    static SshdFixture beta;
    static SshdFixture.Home home;

    SshjHostGateway gateway;
    FxUiExecutor executor;
    HostsView view;

    @BeforeAll
    static void servers() throws Exception {
        home = new SshdFixture.Home(tmp);
        alpha = SshdFixture.start(tmp.resolve("alpha"), home.authorizedKeys);
        beta = SshdFixture.start(tmp.resolve("beta"), home.authorizedKeys);
        home.host("alpha", alpha.port()).host("beta", beta.port()).host("ghost", SshdFixture.freePort()).trust(alpha);
    }

    @AfterAll
    static void stopServers() throws Exception {
        alpha.close();
        beta.close();
    }

    @Start
    void start(Stage stage) {
        gateway = new SshjHostGateway(SshSettings.of(home.config(), home.ownKnownHosts)
                .withHome(home.home)
                .withAgentSocket(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2))
                .withBackoff(new Backoff(Duration.ofMillis(500), Duration.ofSeconds(3), 0.2)));
        executor = new FxUiExecutor();
        Environment env = new Environment("staging", Tier.STAGING, null, false, List.of(),
                List.of(HostRef.of("alpha"), HostRef.of("ghost"), HostRef.of("beta")));
        view = new HostsView(gateway, env, executor, new MetricsSpec(Duration.ofSeconds(1), null),
                HostsViewModel.FlushScheduler.after(HostsViewModel.FLUSH_PERIOD));
        Scene scene = new Scene(view, 1200, 900);
        scene.getStylesheets().add(Css.STYLESHEET);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        onFx(() -> {
            view.close();
            return null;
        });
        gateway.close();
        executor.close();
    }

    private static String text(FxRobot robot, String id) {
        return onFx(() -> robot.lookup("#" + id).queryAs(Label.class).getText());
    }

    @Test
    void hostsComeUpWithFiguresAnUnknownKeyIsAskedAndAStoppedServerShowsDown(FxRobot robot) throws Exception {
        until("alpha is up with a CPU figure", () ->
                "up".equals(text(robot, "host-state-alpha")) && text(robot, "host-cpu-alpha").matches("\\d+ % of \\d+ CPU"));
        assertThat(text(robot, "host-key-alpha")).isEqualTo("host key: known");
        assertThat(text(robot, "host-memory-alpha")).contains(" / ");

        // a host with nothing listening is down with its reason, and did not hold alpha up
        until("ghost is down with its error", () -> text(robot, "host-state-ghost").startsWith("down")
                || text(robot, "host-state-ghost").startsWith("reconnecting"));
        assertThat(text(robot, "host-error-ghost")).contains("127.0.0.1");

        // beta's key is in no known_hosts: the dialog shows its fingerprint; accepting connects
        until("the unknown key dialog shows", () -> !robot.lookup("#host-key-fingerprint").queryAll().isEmpty());
        String shown = onFx(() -> robot.lookup("#host-key-fingerprint").queryAs(TextField.class).getText());
        assertThat(shown).isEqualTo(beta.fingerprint());
        assertThat(text(robot, "host-key-beta")).isEqualTo("host key: unknown, refused");
        onFx(() -> {
            robot.lookup("#host-key-accept").queryAs(Button.class).fire();
            return null;
        });
        until("beta is up after the key was accepted", () -> "up".equals(text(robot, "host-state-beta")));
        assertThat(java.nio.file.Files.readString(home.ownKnownHosts)).as("saved, hashed").startsWith("|1|");

        // logs: follow a file on alpha, search it, new lines arrive
        Path log = tmp.resolve("app.log");
        java.nio.file.Files.write(log, List.of("started", "GET /health 200", "ERROR database timeout", "GET /health 200"));
        LogViewerWindow logs = onFx(() -> view.openLogs(view.viewModel().hosts().getFirst()));
        onFx(() -> {
            logs.follow(new dev.wheelhouse.core.hosts.LogSource.File(log.toString()));
            return null;
        });
        until("the file's lines show", () -> logs.viewModel().lineCount() == 4);
        onFx(() -> {
            logs.viewModel().searchProperty().set("error");
            return null;
        });
        assertThat(onFx(() -> logs.viewModel().shownLines().stream().map(dev.wheelhouse.app.ui.logs.LogLine::text).toList()))
                .containsExactly("ERROR database timeout");
        java.nio.file.Files.writeString(log, "error again\n", java.nio.file.StandardOpenOption.APPEND);
        until("a new line is followed", () -> logs.viewModel().shownLines().size() == 2);
        onFx(() -> {
            logs.close();
            return null;
        });
        assertThat(onFx(() -> view.logWindows())).isEmpty();

        // alpha's server goes away: its card says so, with the error
        alpha.stop();
        until("alpha shows down", () -> !"up".equals(text(robot, "host-state-alpha"))
                && !text(robot, "host-error-alpha").isBlank());
        assertThat(onFx(() -> view.viewModel().hosts().getFirst().state().phase())).isIn(Phase.DOWN, Phase.RECONNECTING);
        assertThat(text(robot, "host-state-beta")).isEqualTo("up");
    }
}
