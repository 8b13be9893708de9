package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.FeedStatus;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.MetricsState;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.ReplicaSetBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one-shot inventory of an environment, as `wheelhouse inventory` prints it. */
class InventoryIT {
    @TempDir
    Path dir;

    MockCluster cluster;

    @BeforeEach
    void start() {
        cluster = MockCluster.start();
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    static Environment env(String context) {
        return new Environment("shop-dev", Tier.DEVELOPMENT, null, false, List.of(new KubeTarget(context, List.of("dev"))), List.of());
    }

    /** A small shop: two nodes, a deployment with two pods through its ReplicaSet, storage and network. */
    static void seed(MockCluster cluster) {
        cluster.create(new NodeBuilder().withNewMetadata().withName("node-a").withLabels(Map.of("node-role.kubernetes.io/worker", ""))
                .withCreationTimestamp("2026-01-01T00:00:00Z").endMetadata()
                .withNewSpec().addNewTaint().withKey("dedicated").withValue("shop").withEffect("NoSchedule").endTaint().endSpec()
                .withNewStatus().withCapacity(Map.of("cpu", new Quantity("4"), "memory", new Quantity("16Gi"), "pods", new Quantity("110")))
                .withAllocatable(Map.of("cpu", new Quantity("3800m"), "memory", new Quantity("15Gi"), "pods", new Quantity("110")))
                .addNewCondition().withType("Ready").withStatus("True").withReason("KubeletReady").endCondition()
                .withNewNodeInfo().withKubeletVersion("v1.32.3").endNodeInfo()
                .endStatus().build());
        cluster.create(new NodeBuilder().withNewMetadata().withName("node-b").endMetadata()
                .withNewStatus().withCapacity(Map.of("cpu", new Quantity("2"), "memory", new Quantity("8Gi")))
                .withAllocatable(Map.of("cpu", new Quantity("2"), "memory", new Quantity("7Gi")))
                .addNewCondition().withType("Ready").withStatus("False").endCondition().endStatus().build());
        cluster.create(new DeploymentBuilder().withNewMetadata().withName("web").withNamespace("dev").withGeneration(3L)
                .withCreationTimestamp("2026-02-01T00:00:00Z").endMetadata()
                .withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(Map.of("app", "web")).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(Map.of("app", "web")).endMetadata()
                .withNewSpec().addNewContainer().withName("web").withImage("registry.example.com/shop/web:1.4.2").endContainer()
                .addNewContainer().withName("envoy").withImage("envoy:v1.30").endContainer().endSpec().endTemplate().endSpec()
                .withNewStatus().withObservedGeneration(3L).withReplicas(2).withUpdatedReplicas(2).withReadyReplicas(2)
                .withAvailableReplicas(2).endStatus().build());
        cluster.create(new ReplicaSetBuilder().withNewMetadata().withName("web-7d9f").withNamespace("dev")
                .withCreationTimestamp("2026-03-01T10:00:00Z")
                .addNewOwnerReference().withKind("Deployment").withName("web").withApiVersion("apps/v1").withUid("u1")
                .withController(true).endOwnerReference().endMetadata()
                .withNewSpec().withReplicas(2).endSpec().build());
        for (int i = 1; i <= 2; i++) {
            Pod pod = new PodBuilder(TestObjects.runningPod("dev", "web-7d9f-" + i, "registry.example.com/shop/web:1.4.2", "node-a"))
                    .editMetadata().addNewOwnerReference().withKind("ReplicaSet").withName("web-7d9f").withApiVersion("apps/v1")
                    .withUid("u2").withController(true).endOwnerReference().endMetadata()
                    .editStatus().editFirstContainerStatus().withRestartCount(i).endContainerStatus().endStatus().build();
            cluster.create(pod);
        }
        // finished pods hold no resources on the node
        cluster.create(new PodBuilder(TestObjects.runningPod("dev", "migrate-1", "shop/migrate:1.4.2", "node-a"))
                .editStatus().withPhase("Succeeded").endStatus().build());
        cluster.create(new StorageClassBuilder().withNewMetadata().withName("standard")
                .withAnnotations(Map.of("storageclass.kubernetes.io/is-default-class", "true")).endMetadata()
                .withProvisioner("rancher.io/local-path").withVolumeBindingMode("WaitForFirstConsumer").build());
        cluster.create(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data").withNamespace("dev").endMetadata()
                .withNewSpec().withAccessModes("ReadWriteOnce").withStorageClassName("standard")
                .withNewResources().withRequests(Map.of("storage", new Quantity("5Gi"))).endResources().endSpec()
                .withNewStatus().withPhase("Pending").endStatus().build());
        cluster.create(new ServiceBuilder().withNewMetadata().withName("web").withNamespace("dev").endMetadata()
                .withNewSpec().withClusterIP("10.96.0.10").withSelector(Map.of("app", "web")).addNewPort().withPort(80)
                .withProtocol("TCP").endPort().endSpec().build());
        cluster.create(new EndpointsBuilder().withNewMetadata().withName("web").withNamespace("dev").endMetadata()
                .addNewSubset().addNewAddress().withIp("10.1.0.7").endAddress().addNewAddress().withIp("10.1.0.8").endAddress()
                .addNewPort().withPort(8080).endPort().endSubset().build());
        cluster.create(new NetworkPolicyBuilder().withNewMetadata().withName("web-ingress").withNamespace("dev").endMetadata()
                .withNewSpec().withNewPodSelector().withMatchLabels(Map.of("app", "web")).endPodSelector()
                .addNewIngress().addNewFrom().withNewPodSelector().withMatchLabels(Map.of("app", "frontend")).endPodSelector()
                .endFrom().endIngress().endSpec().build());
        cluster.nodeMetrics(List.of(MockCluster.nodeMetrics("node-a", "1200m", "6Gi")));
        cluster.podMetrics(List.of(MockCluster.podMetrics("dev", "web-7d9f-1", "150m", "300Mi"),
                MockCluster.podMetrics("dev", "web-7d9f-2", "90m", "280Mi")));
    }

    @Test
    void theInventoryHasNodesWorkloadsStorageNetworkAndMetrics() throws Exception {
        seed(cluster);
        Inventory inv;
        try (Fabric8ClusterGateway gateway = new Fabric8ClusterGateway(cluster.writeKubeconfig(dir, "mock"), KubeOptions.DEFAULTS,
                Clock.systemUTC())) {
            inv = gateway.inventory(env("mock"), Duration.ofSeconds(15));
        }
        assertThat(inv.environment()).isEqualTo("shop-dev");
        assertThat(inv.complete()).as("problems: %s", inv.problems()).isTrue();
        assertThat(inv.targets()).singleElement().satisfies(t -> assertThat(t.status()).isEqualTo(FeedStatus.LIVE));

        Inventory.Node a = inv.nodes().stream().filter(n -> n.name().equals("node-a")).findFirst().orElseThrow();
        assertThat(a.status()).isEqualTo("Ready");
        assertThat(a.health()).isEqualTo(Health.HEALTHY);
        assertThat(a.roles()).containsExactly("worker");
        assertThat(a.kubeletVersion()).isEqualTo("v1.32.3");
        assertThat(a.capacity()).isEqualTo(new Inventory.Resources(4000, 16L << 30));
        assertThat(a.allocatable()).isEqualTo(new Inventory.Resources(3800, 15L << 30));
        assertThat(a.requested()).as("two running pods, the finished one not").isEqualTo(new Inventory.Resources(500, 512L << 20));
        assertThat(a.limits()).isEqualTo(new Inventory.Resources(1000, 1L << 30));
        assertThat(a.podsCounted()).isEqualTo(2);
        assertThat(a.podCapacity()).isEqualTo(110);
        assertThat(a.usage().cpuMillis()).isEqualTo(1200);
        assertThat(a.taints()).containsExactly("dedicated=shop:NoSchedule");
        assertThat(a.conditions()).extracting(Inventory.Condition::type).containsExactly("Ready");
        Inventory.Node b = inv.nodes().stream().filter(n -> n.name().equals("node-b")).findFirst().orElseThrow();
        assertThat(b.status()).isEqualTo("NotReady");
        assertThat(b.health()).isEqualTo(Health.FAILED);
        assertThat(b.usage()).isNull();
        assertThat(inv.nodesReady()).isEqualTo(1);

        assertThat(inv.workloads()).singleElement().satisfies(w -> {
            assertThat(w.kind()).isEqualTo("Deployment");
            assertThat(w.name()).isEqualTo("web");
            assertThat(w.version()).isEqualTo("1.4.2");
            assertThat(w.health()).isEqualTo(Health.HEALTHY);
            assertThat(w.ready()).isEqualTo(2);
            assertThat(w.desired()).isEqualTo(2);
            assertThat(w.pods()).isEqualTo(2);
            assertThat(w.restarts()).isEqualTo(3);
            String rsCreated = cluster.client().apps().replicaSets().inNamespace("dev").withName("web-7d9f").get()
                    .getMetadata().getCreationTimestamp();
            assertThat(w.changed()).as("when its newest ReplicaSet was made").isEqualTo(java.time.Instant.parse(rsCreated));
        });
        assertThat(inv.workloadHealth()).containsEntry(Health.HEALTHY, 1).containsEntry(Health.FAILED, 0);

        assertThat(inv.storage().classes()).singleElement().satisfies(c -> {
            assertThat(c.isDefault()).isTrue();
            assertThat(c.bindingMode()).isEqualTo("WaitForFirstConsumer");
        });
        assertThat(inv.storage().claims()).singleElement().satisfies(c -> {
            assertThat(c.status()).isEqualTo("Pending");
            assertThat(c.health()).isEqualTo(Health.DEGRADED);
            assertThat(c.requestedBytes()).isEqualTo(5L << 30);
            assertThat(c.capacityBytes()).isZero();
        });
        assertThat(inv.network().services()).singleElement().satisfies(s -> {
            assertThat(s.readyEndpoints()).isEqualTo(2);
            assertThat(s.ports()).containsExactly("80/TCP");
            assertThat(s.health()).isEqualTo(Health.HEALTHY);
        });
        assertThat(inv.network().policies()).singleElement().satisfies(p -> {
            assertThat(p.podSelector()).isEqualTo("app=web");
            assertThat(p.selectedPods()).isEqualTo(3);
            assertThat(p.ingress()).isEqualTo("from pods app=frontend");
            assertThat(p.egress()).isEmpty();
        });

        assertThat(inv.metrics().statuses()).singleElement().satisfies(s -> assertThat(s.state()).isEqualTo(MetricsState.AVAILABLE));
        assertThat(inv.metrics().nodes()).extracting(Inventory.UsageOf::name).containsExactly("node-a");
        assertThat(inv.metrics().pods()).extracting(Inventory.UsageOf::name).containsExactly("web-7d9f-1", "web-7d9f-2");
    }

    @Test
    void aForbiddenKindLeavesTheInventoryIncompleteAndSaysWhy() throws Exception {
        seed(cluster);
        cluster.forbid("/api/v1/nodes");
        cluster.metricsAbsent(true);
        Inventory inv;
        try (Fabric8ClusterGateway gateway = new Fabric8ClusterGateway(cluster.writeKubeconfig(dir, "mock"), KubeOptions.DEFAULTS,
                Clock.systemUTC())) {
            inv = gateway.inventory(env("mock"), Duration.ofSeconds(15));
        }
        assertThat(inv.complete()).isFalse();
        assertThat(inv.problems()).singleElement().satisfies(p -> {
            assertThat(p.status()).isEqualTo(FeedStatus.FORBIDDEN);
            assertThat(p.detail()).isEqualTo("no permission to list nodes (cluster-wide, context mock)");
        });
        assertThat(inv.nodes()).isEmpty();
        assertThat(inv.workloads()).hasSize(1);
        assertThat(inv.metrics().statuses().getFirst().state()).isEqualTo(MetricsState.METRICS_UNAVAILABLE);
    }

    @Test
    void anUnreachableApiServerEndsTheInventoryQuicklyWithTheReason() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        long start = System.nanoTime();
        Inventory inv;
        try (Fabric8ClusterGateway gateway = new Fabric8ClusterGateway(
                MockCluster.writeKubeconfig(dir, "gone", "http://127.0.0.1:" + closedPort), KubeOptions.DEFAULTS, Clock.systemUTC())) {
            inv = gateway.inventory(env("gone"), Duration.ofSeconds(20));
        }
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(8));
        assertThat(inv.targets()).singleElement().satisfies(t -> {
            assertThat(t.status()).isEqualTo(FeedStatus.UNREACHABLE);
            assertThat(t.detail()).isEqualTo("cannot reach context 'gone' at http://127.0.0.1:" + closedPort + ": connection refused");
        });
        assertThat(inv.complete()).isFalse();
    }
}
