package dev.wheelhouse.app.ui.hosts;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import dev.wheelhouse.app.ui.common.Css;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.hosts.MetricsSpec;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.ssh.Backoff;
import dev.wheelhouse.ssh.SshSettings;
import dev.wheelhouse.ssh.SshjHostGateway;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

/**
 * Test-only launcher for looking at the view (and the docs screenshot): real sshd servers on
 * loopback, one host whose key changed and one with nothing listening. Args: [dark] [seconds].
 */
public final class HostsViewDemo {
    public static void main(String[] args) throws Exception {
        boolean dark = args.length > 0 && args[0].equals("dark");
        boolean logs = args.length > 2 && args[2].equals("logs");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 0;
        Path tmp = Files.createTempDirectory("wheelhouse-hosts-demo");
        SshdFixture.Home home = new SshdFixture.Home(tmp);
        SshdFixture web1 = SshdFixture.start(tmp.resolve("web1"), home.authorizedKeys);
        SshdFixture web2 = SshdFixture.start(tmp.resolve("web2"), home.authorizedKeys);
        SshdFixture db1 = SshdFixture.start(tmp.resolve("db1"), home.authorizedKeys);
        home.host("web-1", web1.port()).host("web-2", web2.port()).host("db-1", db1.port()).host("cache-1", SshdFixture.freePort());
        home.trust(web1).trust(web2);
        // db-1's recorded key is another one: the view must refuse it loudly
        Path other = tmp.resolve("other");
        Files.createDirectories(other);
        SshdFixture.run("ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", other.resolve("k").toString());
        String[] words = Files.readString(other.resolve("k.pub")).split("\\s+");
        Files.writeString(home.ssh.resolve("known_hosts"), "[127.0.0.1]:" + db1.port() + " " + words[0] + " " + words[1] + "\n",
                StandardOpenOption.APPEND);

        Path appLog = tmp.resolve("shop.log");
        List<String> lines = new java.util.ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String t = String.format("2026-11-27T10:%02d:%02d", 10 + i / 60, i % 60);
            lines.add(i % 37 == 5 ? t + " ERROR orders: payment gateway timeout after 5000 ms (order " + (4100 + i) + ")"
                    : i % 11 == 0 ? t + " WARN  pool: 18/20 connections in use"
                    : t + " INFO  http: GET /api/orders/" + (4100 + i) + " 200 " + (12 + i % 40) + " ms");
        }
        Files.write(appLog, lines);
        SshjHostGateway gateway = new SshjHostGateway(SshSettings.of(home.config(), home.ownKnownHosts)
                .withHome(home.home).withAgentSocket(null)
                .withTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5))
                .withBackoff(new Backoff(Duration.ofSeconds(5), Duration.ofSeconds(30), 0.2)));
        Environment env = new Environment("staging", Tier.STAGING, null, false, List.of(),
                List.of(HostRef.of("web-1"), HostRef.of("web-2"), HostRef.of("db-1"), HostRef.of("cache-1")));
        Platform.startup(() -> {
            Application.setUserAgentStylesheet(dark ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
            FxUiExecutor executor = new FxUiExecutor();
            HostsView view = new HostsView(gateway, env, executor, new MetricsSpec(Duration.ofSeconds(1), null),
                    HostsViewModel.FlushScheduler.after(HostsViewModel.FLUSH_PERIOD));
            Stage stage = new Stage();
            Scene scene = new Scene(view, 1280, 1024);
            scene.getStylesheets().add(Css.STYLESHEET);
            scene.getRoot().getStyleClass().add(Css.ROOT);
            stage.setScene(scene);
            stage.setTitle("Wheelhouse — hosts of staging");
            stage.setX(0);
            stage.setY(0);
            stage.show();
            if (logs) {
                javafx.animation.PauseTransition wait = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(6));
                wait.setOnFinished(e -> {
                    LogViewerWindow window = view.openLogs(view.viewModel().hosts().getFirst());
                    window.setX(160);
                    window.setY(200);
                    window.follow(new dev.wheelhouse.core.hosts.LogSource.File(appLog.toString()));
                    javafx.animation.PauseTransition search = new javafx.animation.PauseTransition(javafx.util.Duration.seconds(3));
                    search.setOnFinished(x -> window.viewModel().searchProperty().set("error"));
                    search.play();
                });
                wait.play();
            }
            stage.setOnHidden(e -> {
                view.close();
                gateway.close();
                executor.close();
            });
        });
        if (seconds > 0) {
            Thread.sleep(seconds * 1000);
            gateway.close();
            web1.close();
            web2.close();
            db1.close();
            Platform.exit();
            System.exit(0);
        }
    }

    private HostsViewDemo() {}
}
