package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.cluster.ClusterSnapshot;
import dev.wheelhouse.core.cluster.ClusterSubscription;
import dev.wheelhouse.core.cluster.FeedKey;
import dev.wheelhouse.core.cluster.FeedState;
import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.core.cluster.RowChange;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.kube.render.PodRenderer;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The live model against a Kubernetes API over real HTTP (Fabric8's CRUD mock server). */
class EnvironmentWatchIT {
    /** Watches, not polling, deliver changes: generous on a shared machine. The 1 s goal is the views benchmark's figure. */
    private static final Duration PROMPTLY = Duration.ofSeconds(10);
    static final KubeOptions FAST = KubeOptions.DEFAULTS.withMetricsInterval(Duration.ofMillis(300))
            .withReconnectGrace(Duration.ofMillis(1000)).withWatchRetry(Duration.ofMillis(250));

    @TempDir
    Path dir;

    MockCluster cluster;
    Fabric8ClusterGateway gateway;
    Batches batches = new Batches();
    ClusterSubscription subscription;

    @BeforeEach
    void startCluster() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void stop() {
        if (subscription != null) {
            subscription.close();
        }
        if (gateway != null) {
            gateway.close();
        }
        cluster.close();
    }

    static Environment env(String context, String... namespaces) {
        return new Environment("shop-dev", Tier.DEVELOPMENT, null, false, List.of(new KubeTarget(context, List.of(namespaces))),
                List.of());
    }

    void watch(Path kubeconfig, Environment env) {
        watch(kubeconfig, env, FAST);
    }

    void watch(Path kubeconfig, Environment env, KubeOptions options) {
        gateway = new Fabric8ClusterGateway(kubeconfig, options, Clock.systemUTC());
        subscription = gateway.watch(env, batches);
    }

    void watchMock() throws Exception {
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"));
        awaitAllLive();
    }

    void awaitAllLive() {
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            ClusterSnapshot s = batches.latest();
            return s != null && !s.feeds().isEmpty() && s.feeds().stream().allMatch(f -> f.status() == FeedStatus.LIVE);
        });
    }

    Optional<ResourceRow> row(String kind, String name) {
        ClusterSnapshot s = batches.latest();
        return s == null ? Optional.empty() : s.rows(kind).stream().filter(r -> r.name().equals(name)).findFirst();
    }

    FeedState feed(String ns, String kind) {
        return batches.latest().feed(new FeedKey("mock", ns, kind)).orElseThrow();
    }

    @Test
    void everyKindIsWatchedPerNamespaceAndClusterKindsOncePerContext() throws Exception {
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev", "jobs"));
        awaitAllLive();
        List<FeedState> feeds = batches.latest().feeds();
        assertThat(feeds).hasSize(12 * 2 + 3);
        assertThat(feeds).filteredOn(f -> f.key().kind().equals("Node")).singleElement()
                .satisfies(f -> assertThat(f.key().namespace()).isEmpty());
        assertThat(batches.latest().targets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(FeedStatus.LIVE);
            assertThat(t.server()).isEqualTo(cluster.url());
            assertThat(t.live()).isEqualTo(27);
        });
    }

    @Test
    void createsUpdatesAndDeletesReachTheListenerPromptlyOnABackgroundThread() throws Exception {
        watchMock();

        long created = System.nanoTime();
        cluster.create(TestObjects.runningPod("dev", "web-1", "registry.example.com/shop/web:1.4.2", "node-a"));
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-1").isPresent());
        long seen = firstDeliveryWith("web-1", false);
        assertThat(Duration.ofNanos(seen - created)).isLessThan(PROMPTLY);
        ResourceRow row = row("Pod", "web-1").orElseThrow();
        assertThat(row.context()).isEqualTo("mock");
        assertThat(row.namespace()).isEqualTo("dev");
        assertThat(row.cells().subList(0, 4)).containsExactly("web-1", "1/1", "Running", "0");
        assertThat(row.health()).isEqualTo(Health.HEALTHY);
        assertThat(row.version()).isEqualTo("1.4.2");

        cluster.client().pods().inNamespace("dev").withName("web-1").edit(p -> new PodBuilder(p)
                .editStatus().editFirstContainerStatus().withReady(false).withRestartCount(4)
                .withNewState().withNewWaiting().withReason("CrashLoopBackOff").endWaiting().endState()
                .endContainerStatus().endStatus().build());
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-1").map(r -> r.status().equals("CrashLoopBackOff")).orElse(false));
        assertThat(row("Pod", "web-1").orElseThrow().health()).isEqualTo(Health.FAILED);

        cluster.client().pods().inNamespace("dev").withName("web-1").delete();
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-1").isEmpty());
        assertThat(batches.deliveries).anySatisfy(d -> assertThat(d.batch().changes())
                .contains(new RowChange(new RowKey("mock", "Pod", "dev", "web-1"), null)));
        assertThat(batches.deliveries).allSatisfy(d -> assertThat(d.thread()).startsWith("wheelhouse-kube-shop-dev"));
    }

    @Test
    void aPolicyCountsThePodsItSelectsAndIsLeftAloneByTheirStatusChurn() throws Exception {
        watchMock();
        cluster.create(new io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder()
                .withNewMetadata().withName("web-only").withNamespace("dev").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels("app", "web").endPodSelector().endSpec().build());
        await().atMost(Duration.ofSeconds(2)).until(() -> row("NetworkPolicy", "web-only").map(r -> r.cell(2).equals("0")).orElse(false));

        cluster.create(TestObjects.runningPod("dev", "web-1", "registry.example.com/shop/web:1.4.2", "node-a"));
        await().atMost(Duration.ofSeconds(2)).until(() -> row("NetworkPolicy", "web-only").map(r -> r.cell(2).equals("1")).orElse(false));

        int before = batches.deliveries.size();
        cluster.client().pods().inNamespace("dev").withName("web-1").edit(p -> new PodBuilder(p)
                .editStatus().editFirstContainerStatus().withRestartCount(2).endContainerStatus().endStatus().build());
        await().atMost(Duration.ofSeconds(2)).until(() -> row("Pod", "web-1").map(r -> r.cell(3).equals("2")).orElse(false));
        List<Batches.Delivery> since = List.copyOf(batches.deliveries);
        assertThat(since.subList(before, since.size()))
                .allSatisfy(d -> assertThat(d.batch().changes()).noneMatch(c -> c.key().kind().equals("NetworkPolicy")));

        cluster.client().pods().inNamespace("dev").withName("web-1").edit(p -> new PodBuilder(p)
                .editMetadata().addToLabels("app", "api").endMetadata().build());
        await().atMost(Duration.ofSeconds(2)).until(() -> row("NetworkPolicy", "web-only").map(r -> r.cell(2).equals("0")).orElse(false));

        cluster.create(TestObjects.runningPod("dev", "web-2", "registry.example.com/shop/web:1.4.2", "node-a"));
        await().atMost(Duration.ofSeconds(2)).until(() -> row("NetworkPolicy", "web-only").map(r -> r.cell(2).equals("1")).orElse(false));
        cluster.client().pods().inNamespace("dev").withName("web-2").delete();
        await().atMost(Duration.ofSeconds(2)).until(() -> row("NetworkPolicy", "web-only").map(r -> r.cell(2).equals("0")).orElse(false));
    }

    @Test
    void anEditThatChangesNothingShownIsNoChangeAndTheRowStaysTheSameObject() throws Exception {
        watchMock();
        cluster.create(TestObjects.runningPod("dev", "web-1", "registry.example.com/shop/web:1.4.2", "node-a"));
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-1").isPresent());
        ResourceRow shown = row("Pod", "web-1").orElseThrow();
        int before = batches.deliveries.size();

        // An annotation is in no column: the row must stay the very object the tables hold.
        cluster.client().pods().inNamespace("dev").withName("web-1").edit(p -> new PodBuilder(p)
                .editMetadata().addToAnnotations("example.com/touched", "yes").endMetadata().build());
        await().during(Duration.ofMillis(600)).atMost(PROMPTLY).until(() -> row("Pod", "web-1").orElseThrow() == shown);
        List<Batches.Delivery> since = List.copyOf(batches.deliveries);
        assertThat(since.subList(before, since.size()))
                .allSatisfy(d -> assertThat(d.batch().changes()).noneMatch(c -> c.key().name().equals("web-1")));

        cluster.client().pods().inNamespace("dev").withName("web-1").edit(p -> new PodBuilder(p)
                .editStatus().editFirstContainerStatus().withRestartCount(3).endContainerStatus().endStatus().build());
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-1").map(r -> r.cell(3).equals("3")).orElse(false));
        assertThat(firstDeliveryWith("web-1", false)).isPositive();
    }

    long firstDeliveryWith(String name, boolean removed) {
        return batches.deliveries.stream()
                .filter(d -> d.batch().changes().stream().anyMatch(c -> c.key().name().equals(name) && c.removed() == removed))
                .mapToLong(Batches.Delivery::nanos).min().orElseThrow();
    }

    @Test
    void manyChangesArriveAsFewCoalescedBatches() throws Exception {
        watchMock();
        int before = batches.count();
        int pods = 150;
        List<Thread> writers = new java.util.ArrayList<>();
        for (int w = 0; w < 3; w++) {
            int writer = w;
            writers.add(Thread.ofVirtual().start(() -> {
                for (int i = writer; i < pods; i += 3) {
                    cluster.create(TestObjects.runningPod("dev", "web-" + i, "shop/web:1." + i, "node-a"));
                }
            }));
        }
        for (Thread t : writers) {
            t.join();
        }
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest().rows("Pod").size() == pods);

        List<Batches.Delivery> all = List.copyOf(batches.deliveries);
        List<Batches.Delivery> during = all.subList(before, all.size());
        int changes = during.stream().mapToInt(d -> d.batch().changes().size()).sum();
        assertThat(changes).isGreaterThanOrEqualTo(pods);
        assertThat(during.size()).as("batches for %d changes", changes).isLessThan(pods / 5);
        for (int i = 1; i < during.size(); i++) {
            long gapMillis = (during.get(i).nanos() - during.get(i - 1).nanos()) / 1_000_000;
            assertThat(gapMillis).as("gap between batch %d and %d", i - 1, i).isGreaterThanOrEqualTo(140);
        }
    }

    @Test
    void aForbiddenKindSaysSoInPlaceAndTheOtherKindsStayLive() throws Exception {
        cluster.forbid("/api/v1/namespaces/dev/endpoints");
        cluster.create(new io.fabric8.kubernetes.api.model.ServiceBuilder().withNewMetadata().withName("web").withNamespace("dev")
                .endMetadata().withNewSpec().withSelector(java.util.Map.of("app", "web")).addNewPort().withPort(80).endPort()
                .endSpec().build());
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"));

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.latest() != null
                && batches.latest().feeds().stream().allMatch(f -> f.status().isSettled())
                && row("Service", "web").isPresent());
        FeedState endpoints = feed("dev", "Endpoints");
        assertThat(endpoints.status()).isEqualTo(FeedStatus.FORBIDDEN);
        assertThat(endpoints.detail()).isEqualTo("no permission to list endpoints in dev (context mock)");
        assertThat(endpoints.stale()).isFalse();
        assertThat(batches.latest().feeds()).filteredOn(f -> !f.key().kind().equals("Endpoints"))
                .allSatisfy(f -> assertThat(f.status()).isEqualTo(FeedStatus.LIVE));
        assertThat(batches.latest().problems("Endpoints")).containsExactly("no permission to list endpoints in dev (context mock)");
        assertThat(batches.latest().target("mock").orElseThrow().status()).isEqualTo(FeedStatus.LIVE);
        assertThat(batches.latest().target("mock").orElseThrow().detail()).isEqualTo("1 of 15 lists forbidden");
        // the service cannot count endpoints it may not read: unknown, not "0 endpoints"
        ResourceRow web = row("Service", "web").orElseThrow();
        assertThat(web.cell(5)).isEqualTo("?");
        assertThat(web.health()).isEqualTo(Health.UNKNOWN);
    }

    @Test
    void anUnreachableApiServerIsUnreachableWithTheContextAndUrl() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        String url = "http://127.0.0.1:" + closedPort;
        watch(MockCluster.writeKubeconfig(dir, "gone", url), env("gone", "dev"));

        await().atMost(Duration.ofSeconds(10)).until(() -> batches.latest() != null
                && !batches.latest().feeds().isEmpty()
                && batches.latest().feeds().stream().allMatch(f -> f.status() == FeedStatus.UNREACHABLE));
        String expected = "cannot reach context 'gone' at " + url + ": connection refused";
        assertThat(batches.latest().feeds()).allSatisfy(f -> assertThat(f.detail()).isEqualTo(expected));
        var target = batches.latest().target("gone").orElseThrow();
        assertThat(target.status()).isEqualTo(FeedStatus.UNREACHABLE);
        assertThat(target.detail()).isEqualTo(expected);
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest().metrics().state("gone") == MetricsState.FAILED);
    }

    @Test
    void aDroppedWatchIsReconnectingWithStaleRowsThenLiveAgainWithFreshRows() throws Exception {
        cluster.create(TestObjects.runningPod("dev", "kept", "shop/web:1.0", "node-a"));
        cluster.create(TestObjects.runningPod("dev", "deleted-meanwhile", "shop/web:1.0", "node-a"));
        watchMock();
        await().atMost(Duration.ofSeconds(2)).until(() -> row("Pod", "deleted-meanwhile").isPresent() && row("Pod", "kept").isPresent());

        cluster.stop();
        await().atMost(Duration.ofSeconds(10)).until(() -> feed("dev", "Pod").status() == FeedStatus.RECONNECTING);
        ClusterSnapshot down = batches.latest();
        assertThat(down.stale("Pod")).as("rows kept but marked stale").isTrue();
        assertThat(feed("dev", "Pod").stale()).isTrue();
        assertThat(feed("dev", "Pod").detail()).isEqualTo("watch of pods in dev (context mock) lost; reconnecting with backoff");
        assertThat(down.rows("Pod")).extracting(ResourceRow::name).containsExactlyInAnyOrder("kept", "deleted-meanwhile");
        assertThat(down.target("mock").orElseThrow().status()).isEqualTo(FeedStatus.RECONNECTING);

        // the server comes back on the same port with what happened meanwhile: one pod gone, one new, one changed
        cluster.startAgain();
        cluster.create(new PodBuilder(TestObjects.runningPod("dev", "kept", "shop/web:1.1", "node-a")).build());
        cluster.create(TestObjects.runningPod("dev", "after", "shop/web:2.0", "node-a"));
        await().atMost(Duration.ofSeconds(20)).until(() -> feed("dev", "Pod").status() == FeedStatus.LIVE
                && row("Pod", "after").isPresent() && row("Pod", "deleted-meanwhile").isEmpty());
        assertThat(row("Pod", "kept").orElseThrow().version()).isEqualTo("1.1");
        assertThat(batches.latest().stale("Pod")).isFalse();
        awaitAllLive();
    }

    @Test
    void aClusterWithoutMetricsApiSaysMetricsUnavailable() throws Exception {
        cluster.metricsAbsent(true);
        watchMock();
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest().metrics().state("mock") == MetricsState.METRICS_UNAVAILABLE);
        var status = batches.latest().metrics().statuses().getFirst();
        assertThat(status.detail()).isEqualTo(
                "context 'mock' serves no metrics API (metrics.k8s.io): live CPU and memory need metrics-server");
        assertThat(batches.latest().feeds()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FeedStatus.LIVE));
    }

    @Test
    void metricsAreSampledIntoBoundedSeriesPerNodeAndPod() throws Exception {
        cluster.nodeMetrics(List.of(MockCluster.nodeMetrics("node-a", "1500m", "3Gi")));
        cluster.podMetrics(List.of(MockCluster.podMetrics("dev", "web-1", "120m", "200Mi"),
                MockCluster.podMetrics("other", "x", "1", "1Gi")));
        watchMock();
        RowKey node = new RowKey("mock", "Node", "", "node-a");
        RowKey pod = new RowKey("mock", "Pod", "dev", "web-1");
        await().atMost(Duration.ofSeconds(5)).until(() -> subscription.series(node).size() >= 3);
        cluster.nodeMetrics(List.of(MockCluster.nodeMetrics("node-a", "2", "3Gi")));
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest().metrics().latest().get(node) != null
                && batches.latest().metrics().latest().get(node).cpuMillis() == 2000);
        assertThat(subscription.series(node).getFirst().cpuMillis()).isEqualTo(1500);
        assertThat(subscription.series(node).getFirst().memoryBytes()).isEqualTo(3L << 30);
        assertThat(subscription.series(pod)).isNotEmpty().allSatisfy(u -> assertThat(u.cpuMillis()).isEqualTo(120));
        assertThat(batches.latest().metrics().latest()).doesNotContainKey(new RowKey("mock", "Pod", "other", "x"));
        assertThat(batches.latest().metrics().state("mock")).isEqualTo(MetricsState.AVAILABLE);
    }

    @Test
    void twoViewsOfOneEnvironmentShareOneModel() throws Exception {
        watchMock();
        cluster.create(TestObjects.runningPod("dev", "p1", "shop/web:1.0", "node-a"));
        await().atMost(PROMPTLY).until(() -> row("Pod", "p1").isPresent());
        int watchesBefore = cluster.watchRequests();

        Batches second = new Batches();
        ClusterSubscription other = gateway.watch(env("mock", "dev"), second);
        await().atMost(PROMPTLY).until(() -> second.latest() != null);
        assertThat(second.deliveries.getFirst().batch().changes()).extracting(c -> c.key().name()).contains("p1");
        assertThat(second.latest().feeds()).allSatisfy(f -> assertThat(f.status()).isEqualTo(FeedStatus.LIVE));
        Thread.sleep(300);
        assertThat(cluster.watchRequests()).as("no new informers for the second view").isEqualTo(watchesBefore);

        subscription.close();
        subscription = null;
        cluster.create(TestObjects.runningPod("dev", "p2", "shop/web:1.0", "node-a"));
        await().atMost(PROMPTLY).until(() -> second.latest().rows("Pod").stream().anyMatch(r -> r.name().equals("p2")));
        int delivered = batches.count();
        other.close();
        cluster.create(TestObjects.runningPod("dev", "p3", "shop/web:1.0", "node-a"));
        Thread.sleep(500);
        assertThat(batches.count()).as("a closed view gets nothing").isEqualTo(delivered);
        assertThat(second.latest().rows("Pod")).extracting(ResourceRow::name).doesNotContain("p3");
    }

    @Test
    void aViewClosedAndOpenedAgainGetsAFreshLiveModel() throws Exception {
        watchMock();
        subscription.close();
        cluster.create(TestObjects.runningPod("dev", "while-away", "shop/web:1.0", "node-a"));
        Batches again = new Batches();
        subscription = gateway.watch(env("mock", "dev"), again);
        await().atMost(Duration.ofSeconds(10)).until(() -> again.latest() != null && !again.latest().feeds().isEmpty()
                && again.latest().feeds().stream().allMatch(f -> f.status() == FeedStatus.LIVE)
                && again.latest().rows("Pod").stream().anyMatch(r -> r.name().equals("while-away")));
    }

    @Test
    void anUnknownContextIsMisconfiguredNamingTheFileAndContext() throws Exception {
        Path kubeconfig = cluster.writeKubeconfig(dir, "mock");
        watch(kubeconfig, env("staging", "dev"));
        await().atMost(Duration.ofSeconds(5)).until(() -> batches.latest() != null && !batches.latest().feeds().isEmpty());
        assertThat(batches.latest().feeds()).allSatisfy(f -> {
            assertThat(f.status()).isEqualTo(FeedStatus.MISCONFIGURED);
            assertThat(f.detail()).isEqualTo("kubeconfig " + kubeconfig + " has no context 'staging' (it has: mock)");
        });
        assertThat(batches.latest().target("staging").orElseThrow().status()).isEqualTo(FeedStatus.MISCONFIGURED);
    }

    @Test
    void thePodsAreListedFirstAndTheOtherKindsOnceThePodsHaveAnswered() throws Exception {
        cluster.create(TestObjects.runningPod("dev", "web-1", "registry.example.com/shop/web:1.4.2", "node-a"));
        cluster.slow("/api/v1/namespaces/dev/pods", Duration.ofSeconds(2));
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"), FAST.withPodsFirstAtMost(Duration.ofSeconds(60)));
        await().atMost(PROMPTLY).until(() -> cluster.requests("/api/v1/namespaces/dev/pods") > 0);
        Thread.sleep(1000);
        assertThat(cluster.requests("/apis/apps")).as("no other list asked for while the pods are listed").isZero();
        assertThat(cluster.requests("/api/v1/nodes")).isZero();
        assertThat(cluster.requests("/apis/metrics.k8s.io")).as("nor the metrics sampled").isZero();
        assertThat(batches.latest().feeds()).hasSize(15).allSatisfy(f -> assertThat(f.status()).isEqualTo(FeedStatus.CONNECTING));

        awaitAllLive();
        assertThat(row("Pod", "web-1")).isPresent();
        await().atMost(PROMPTLY).until(() -> cluster.requests("/apis/metrics.k8s.io") > 0);
        // Never another kind live before the pods.
        assertThat(batches.deliveries).allSatisfy(d -> {
            boolean podsConnecting = d.batch().snapshot().feeds().stream()
                    .anyMatch(f -> f.key().kind().equals("Pod") && f.status() == FeedStatus.CONNECTING);
            boolean otherLive = d.batch().snapshot().feeds().stream()
                    .anyMatch(f -> !f.key().kind().equals("Pod") && f.status() == FeedStatus.LIVE);
            assertThat(podsConnecting && otherLive).isFalse();
        });
        // ... nor before the pods' rows went out.
        int podRows = indexOfFirst(d -> !d.batch().snapshot().rows("Pod").isEmpty());
        int otherLive = indexOfFirst(d -> d.batch().snapshot().feeds().stream()
                .anyMatch(f -> !f.key().kind().equals("Pod") && f.status() == FeedStatus.LIVE));
        assertThat(podRows).isNotNegative().isLessThan(otherLive);
    }

    @Test
    void aFirstListGoesOutInOneBatchRenderedAsOneByOne() throws Exception {
        int n = EnvironmentWatch.RENDER_IN_PARALLEL_FROM + 200;
        for (int i = 0; i < n; i++) {
            cluster.create(TestObjects.runningPod("dev", "web-" + i, "registry.example.com/shop/web:1." + i, "node-a"));
        }
        // The other kinds wait for the pods, so the pods' batch is rendered on every core.
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"), FAST.withPodsFirstAtMost(Duration.ofSeconds(60)));
        await().atMost(PROMPTLY).until(() -> row("Pod", "web-" + (n - 1)).isPresent());
        List<Batches.Delivery> withPods = batches.deliveries.stream()
                .filter(d -> !d.batch().snapshot().rows("Pod").isEmpty()).toList();
        assertThat(withPods.getFirst().batch().snapshot().rows("Pod")).as("every pod of the list in the first batch with pods")
                .hasSize(n);
        // Rendered on several threads, each row is what the pod's renderer makes of it alone.
        PodRenderer renderer = new PodRenderer();
        for (int i = 0; i < n; i += 97) {
            ResourceRow row = row("Pod", "web-" + i).orElseThrow();
            Pod pod = cluster.client().pods().inNamespace("dev").withName("web-" + i).get();
            assertThat(row.cells()).isEqualTo(renderer.render(pod, null).cells());
            assertThat(row.version()).isEqualTo("1." + i);
        }
    }

    private int indexOfFirst(java.util.function.Predicate<Batches.Delivery> test) {
        for (int i = 0; i < batches.deliveries.size(); i++) {
            if (test.test(batches.deliveries.get(i))) {
                return i;
            }
        }
        return -1;
    }

    @Test
    void slowPodsHoldTheOtherKindsBackOnlySoLong() throws Exception {
        cluster.slow("/api/v1/namespaces/dev/pods", Duration.ofSeconds(4));
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"), FAST.withPodsFirstAtMost(Duration.ofMillis(300)));
        await().atMost(Duration.ofSeconds(3)).until(() -> batches.latest() != null
                && batches.latest().feeds().stream().filter(f -> f.status() == FeedStatus.LIVE).count() == 14);
        assertThat(feed("dev", "Pod").status()).as("the pods still listing").isEqualTo(FeedStatus.CONNECTING);
        awaitAllLive();
    }

    @Test
    void forbiddenPodsDoNotHoldTheOtherKindsBack() throws Exception {
        cluster.forbid("/api/v1/namespaces/dev/pods");
        watch(cluster.writeKubeconfig(dir, "mock"), env("mock", "dev"), FAST.withPodsFirstAtMost(Duration.ofSeconds(60)));
        await().atMost(PROMPTLY).until(() -> batches.latest() != null
                && batches.latest().feeds().stream().filter(f -> f.status() == FeedStatus.LIVE).count() == 14);
        assertThat(feed("dev", "Pod").status()).isEqualTo(FeedStatus.FORBIDDEN);
    }

    @Test
    void aWatchThatCannotStartSaysWhyInPlaceOfConnectingForEver() throws Exception {
        KubeClients clients = new KubeClients(cluster.writeKubeconfig(dir, "mock"), FAST);
        clients.close();
        EnvironmentWatch watch = new EnvironmentWatch(env("mock", "dev"), clients, FAST, Clock.systemUTC(), w -> { });
        try {
            watch.addListener(batches);
            watch.start();
            await().atMost(PROMPTLY).until(() -> batches.latest() != null && !batches.latest().feeds().isEmpty());
            assertThat(batches.latest().feeds()).hasSize(15).allSatisfy(f -> {
                assertThat(f.status()).isEqualTo(FeedStatus.MISCONFIGURED);
                assertThat(f.detail()).isEqualTo("cannot start watching: the Kubernetes clients are closed");
            });
            assertThat(batches.latest().target("mock").orElseThrow().status()).isEqualTo(FeedStatus.MISCONFIGURED);
            assertThat(batches.latest().metrics().statuses()).singleElement()
                    .satisfies(m -> assertThat(m.state()).isEqualTo(MetricsState.FAILED));
        } finally {
            watch.close();
        }
    }
}
