package dev.wheelhouse.app.hostops;

import atlantafx.base.theme.PrimerLight;
import dev.wheelhouse.app.ui.hostops.HostDeployWizardModel;
import dev.wheelhouse.app.ui.hostops.HostOpsContext;
import dev.wheelhouse.app.ui.hostops.HostWizard;
import dev.wheelhouse.app.ui.tasks.FxUiExecutor;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.history.H2HistoryStore;
import dev.wheelhouse.ops.OperationEngine;
import dev.wheelhouse.ops.hosts.HostDeployPlanner;
import dev.wheelhouse.ops.hosts.HostDeployRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Platform;

/**
 * Test-only launcher for the docs screenshot of the host deploy wizard: three real sshd hosts on
 * loopback on release 1.4.1, the wizard filled in for 1.4.2 and run to its end. Args: [seconds].
 */
public final class HostDeployWizardDemo {
    public static void main(String[] args) throws Exception {
        long seconds = args.length > 0 ? Long.parseLong(args[0]) : 0;
        Path tmp = Files.createTempDirectory("wheelhouse-host-deploy-demo");
        LoopbackHosts hosts = new LoopbackHosts(tmp, 3);
        Path root = tmp.resolve("srv/checkout");
        Application app = new Application("checkout", null, new Application.HostService(root.toString(),
                "echo restarted >> ../../restarts.log", "test -f bin/checkout", List.of("logs", "config"), 5,
                new Application.Batches(1, 50, 0), new Application.HealthCheck(5, 10, 1)));
        Path data = tmp.resolve("data");
        for (String v : List.of("1.4.0", "1.4.1")) {
            Path build = tmp.resolve("build-" + v);
            Files.createDirectories(build.resolve("bin"));
            Files.writeString(build.resolve("bin/checkout"), "#!/bin/sh\necho " + v + "\n");
            try (H2HistoryStore history = H2HistoryStore.open(data)) {
                OperationEngine engine = new OperationEngine(history, "maria@ops-laptop");
                new HostDeployPlanner(hosts.perHostRoots(), engine.operator()).plan(new HostDeployRequest("shop-staging", app,
                        hosts.refs, build, v, null, "release train", false)).run(engine, null, null);
            }
        }
        Path next = tmp.resolve("checkout-1.4.2");
        Files.createDirectories(next.resolve("bin"));
        Files.writeString(next.resolve("bin/checkout"), "#!/bin/sh\necho 1.4.2\n");
        Files.writeString(next.resolve("README"), "checkout 1.4.2\n");
        Environment env = new Environment("shop-staging", Tier.STAGING, null, false, List.of(), hosts.refs);
        Platform.startup(() -> {
            javafx.application.Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
            FxUiExecutor executor = new FxUiExecutor();
            HostDeployWizardModel model = new HostDeployWizardModel(new HostOpsContext(env, app, hosts.perHostRoots(),
                    () -> H2HistoryStore.open(data), "maria@ops-laptop", executor));
            HostWizard wizard = HostWizard.deploy(null, model);
            wizard.window().stage().setX(40);
            wizard.window().stage().setY(30);
            wizard.window().stage().setWidth(1360);
            wizard.window().stage().setHeight(840);
            wizard.showWindow();
            model.artifactProperty().set(next.toString());
            model.versionProperty().set("1.4.2");
            model.progress().summaryProperty().addListener((o, a, b) -> System.err.println("progress: " + b));
            wizard.window().nextButton().fire(); // artifact -> hosts, once they are read
            javafx.animation.Timeline drive = new javafx.animation.Timeline();
            drive.getKeyFrames().add(new javafx.animation.KeyFrame(javafx.util.Duration.millis(250), e -> {
                if (wizard.window().pageProperty().get() == 1 && !wizard.window().nextButton().isDisabled()) {
                    wizard.window().nextButton().fire(); // hosts -> confirm
                    model.confirm().reasonProperty().set("release train 48: faster card tokenisation");
                    wizard.window().nextButton().fire(); // confirm -> deploy
                    drive.stop();
                }
            }));
            drive.setCycleCount(javafx.animation.Animation.INDEFINITE);
            drive.play();
        });
        if (seconds > 0) {
            Thread.sleep(seconds * 1000);
            hosts.close();
            Platform.exit();
            System.exit(0);
        }
    }

    private HostDeployWizardDemo() {}
}
