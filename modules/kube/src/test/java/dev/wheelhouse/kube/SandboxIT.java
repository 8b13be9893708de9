package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live model and the inventory against the practice sandbox: seeded environments, simulated controllers, metrics. */
class SandboxIT {
    /** Watches, not polling, deliver changes: generous on a shared machine. The 1 s goal is the views benchmark's figure. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    static final SandboxOptions QUIET = SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(200)
            .withMetricsIntervalMillis(500);

    @TempDir
    Path dir;

    Sandbox sandbox;
    Fabric8ClusterGateway gateway;
    ClusterSubscription subscription;
    final Batches batches = new Batches();

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        if (sandbox != null) {
            sandbox.close();
        }
    }

    Environment dev() {
        return sandbox.seed().environment("sandbox-dev").orElseThrow();
    }

    String devNamespace() {
        return sandbox.seed().namespace("sandbox-dev").orElseThrow();
    }

    void watchDev() throws Exception {
        gateway = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")),
                EnvironmentWatchIT.FAST, Clock.systemUTC());
        subscription = gateway.watch(dev(), batches);
        await().atMost(Duration.ofSeconds(15)).until(() -> batches.latest() != null && !batches.latest().feeds().isEmpty()
                && batches.latest().feeds().stream().allMatch(f -> f.status() == FeedStatus.LIVE));
    }

    Optional<ResourceRow> row(String kind, String name) {
        ClusterSnapshot s = batches.latest();
        return s.rows(kind).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    @Test
    void everyKindOfASandboxEnvironmentIsLiveWithTheSeededVersionsAndARolloutShowsLive() throws Exception {
        sandbox = Sandbox.start(QUIET);
        watchDev();
        for (Application app : sandbox.seed().applications()) {
            Application.Workload w = app.workload();
            String expected = sandbox.seed().version("sandbox-dev", app.name()).orElseThrow();
            await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> {
                ResourceRow row = row(w.kind().kind(), w.name()).orElseThrow(() -> new AssertionError("no row " + w));
                assertThat(row.versionOf(w.container())).as(app.name()).isEqualTo(expected);
            });
        }
        assertThat(batches.latest().rows("Node")).isNotEmpty().allSatisfy(n -> assertThat(n.health()).isEqualTo(Health.HEALTHY));
        assertThat(batches.latest().rows("Pod")).isNotEmpty();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest().metrics().state(Sandbox.CONTEXT) == MetricsState.AVAILABLE);

        Application storefront = sandbox.seed().applications().stream()
                .filter(a -> a.workload() != null && a.workload().kind() == WorkloadKind.DEPLOYMENT).findFirst().orElseThrow();
        String name = storefront.workload().name();
        String container = storefront.workload().container();
        long started = System.nanoTime();
        retag(name, container, "9.9.9");
        await().atMost(PROMPTLY).until(() -> row("Deployment", name).map(r -> r.versionOf(container).equals("9.9.9")).orElse(false));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(PROMPTLY);
        await().atMost(Duration.ofSeconds(20)).until(() -> row("Deployment", name).map(r -> r.status().equals("Available")
                && r.health() == Health.HEALTHY).orElse(false));
        assertThat(batches.latest().rows("Pod")).filteredOn(p -> p.labels().values().contains(name))
                .isNotEmpty().allSatisfy(p -> assertThat(p.versionOf(container)).isEqualTo("9.9.9"));
    }

    /**
     * Sets the container's image tag with a JSON patch without a resourceVersion, as kubectl does:
     * the controllers keep updating the object, so an edit() of a read copy can meet a 409.
     */
    private void retag(String deployment, String container, String tag) {
        var resource = sandbox.client().apps().deployments().inNamespace(devNamespace()).withName(deployment);
        var containers = resource.get().getSpec().getTemplate().getSpec().getContainers();
        int index = 0;
        while (!containers.get(index).getName().equals(container)) {
            index++;
        }
        String image = containers.get(index).getImage().replaceAll(":[^:/]+$", ":" + tag);
        resource.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/"
                + index + "/image\",\"value\":\"" + image + "\"}]");
    }

    @Test
    void aStoppedAndRestartedSandboxIsReconnectingThenLiveAgain() throws Exception {
        sandbox = Sandbox.start(QUIET);
        int port = sandbox.url().getPort();
        watchDev();
        FeedKey pods = new FeedKey(Sandbox.CONTEXT, devNamespace(), "Pod");
        int before = batches.latest().rows("Pod").size();

        sandbox.close();
        await().atMost(Duration.ofSeconds(10)).until(() -> batches.latest().feed(pods).orElseThrow().status() == FeedStatus.RECONNECTING);
        assertThat(batches.latest().stale("Pod")).isTrue();
        assertThat(batches.latest().target(Sandbox.CONTEXT).orElseThrow().status()).isEqualTo(FeedStatus.RECONNECTING);

        sandbox = Sandbox.start(QUIET.withPort(port));
        await().atMost(Duration.ofSeconds(20)).until(() -> batches.latest().feeds().stream().allMatch(f -> f.status() == FeedStatus.LIVE));
        assertThat(batches.latest().stale("Pod")).isFalse();
        assertThat(batches.latest().rows("Pod")).hasSize(before);
        String deployment = sandbox.seed().applications().getFirst().workload().name();
        sandbox.client().apps().deployments().inNamespace(devNamespace()).withName(deployment).scale(3);
        await().atMost(Duration.ofSeconds(2)).until(() -> row("Deployment", deployment).map(r -> r.cell(1).endsWith("/3")).orElse(false));
    }

    @Test
    void theInventoryOfASandboxEnvironment() throws Exception {
        sandbox = Sandbox.start(QUIET);
        Inventory inv;
        try (Fabric8ClusterGateway oneShot = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")),
                KubeOptions.DEFAULTS, Clock.systemUTC())) {
            inv = oneShot.inventory(dev(), Duration.ofSeconds(20));
        }
        assertThat(inv.complete()).as("problems: %s", inv.problems()).isTrue();
        assertThat(inv.nodes()).isNotEmpty().allSatisfy(n -> {
            assertThat(n.allocatable().cpuMillis()).isPositive();
            assertThat(n.usage()).as("metrics of %s", n.name()).isNotNull();
        });
        assertThat(inv.nodes().stream().mapToInt(Inventory.Node::podsCounted).sum()).isPositive();
        for (Application app : sandbox.seed().applications()) {
            Inventory.Workload w = inv.workloads().stream().filter(x -> x.name().equals(app.workload().name())).findFirst().orElseThrow();
            assertThat(w.version()).as(app.name()).isEqualTo(sandbox.seed().version("sandbox-dev", app.name()).orElseThrow());
            assertThat(w.pods()).as(app.name()).isPositive();
        }
        assertThat(inv.network().services()).isNotEmpty();
        assertThat(inv.metrics().statuses().getFirst().state()).isEqualTo(MetricsState.AVAILABLE);
        assertThat(inv.metrics().pods()).isNotEmpty();
    }
}
