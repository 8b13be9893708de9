package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.AccessDecision.Verdict;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The gateway against the sandbox's deny rules: "may I?" answers and a forbidden feed beside live ones. */
class SandboxAccessIT {
    @TempDir
    Path dir;

    Sandbox sandbox;
    Fabric8ClusterGateway gateway;

    @AfterEach
    void stop() {
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void accessReviewsFollowTheDenyRulesAsTheyChange() throws Exception {
        sandbox = Sandbox.start(SandboxIT.QUIET.withDenied(Denial.of("patch", "deployments.apps", "shop-prod")));
        gateway = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")),
                KubeOptions.DEFAULTS.withAccessCacheTtl(Duration.ofMillis(1)), Clock.systemUTC());
        AccessDecision prod = gateway.canI(Sandbox.CONTEXT, "patch", "deployments", "shop-prod");
        assertThat(prod.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(prod.reason()).startsWith("you may not patch deployments in shop-prod (context wheelhouse-sandbox)");
        assertThat(gateway.canI(Sandbox.CONTEXT, "patch", "deployments", "shop-dev").verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(gateway.canI(Sandbox.CONTEXT, "patch", "statefulsets", "shop-prod").verdict()).isEqualTo(Verdict.ALLOWED);

        sandbox.denied(List.of());
        Thread.sleep(5);
        assertThat(gateway.canI(Sandbox.CONTEXT, "patch", "deployments", "shop-prod").verdict()).isEqualTo(Verdict.ALLOWED);
    }

    @Test
    void aForbiddenListIsSaidInPlaceAndTheOtherFeedsStayLive() throws Exception {
        sandbox = Sandbox.start(SandboxIT.QUIET.withDenied(Denial.of("list,watch", "pods", "shop-dev")));
        gateway = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")), EnvironmentWatchIT.FAST, Clock.systemUTC());
        Batches batches = new Batches();
        try (ClusterSubscription subscription = gateway.watch(sandbox.seed().environment("sandbox-dev").orElseThrow(), batches)) {
            FeedKey pods = new FeedKey(Sandbox.CONTEXT, "shop-dev", "Pod");
            await().atMost(Duration.ofSeconds(15)).until(() -> batches.latest() != null
                    && batches.latest().feed(pods).map(f -> f.status() == FeedStatus.FORBIDDEN).orElse(false)
                    && batches.latest().feeds().stream().filter(f -> !f.key().equals(pods)).allMatch(f -> f.status() == FeedStatus.LIVE));
            FeedState state = batches.latest().feed(pods).orElseThrow();
            assertThat(state.detail()).startsWith("no permission to list pods in shop-dev");
            assertThat(batches.latest().rows("Deployment")).isNotEmpty();
            assertThat(subscription.snapshot().rows("Pod")).isEmpty();
        }
    }
}
