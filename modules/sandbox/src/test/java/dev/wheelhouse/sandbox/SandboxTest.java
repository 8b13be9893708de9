package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkloadKind;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.metrics.v1beta1.PodMetrics;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.BindException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/** The public face of the sandbox: start, seed, client, kubeconfig, close; over real HTTP. */
class SandboxTest {
    private static Sandbox sandbox;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withRolloutStepMillis(100).withChurnPerSecond(20));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @Test
    void theSeedDescribesThreeEnvironmentsAndTheirApplicationsAsAValidWorkspace() {
        SandboxSeed seed = sandbox.seed();
        assertThat(seed.context()).isEqualTo("wheelhouse-sandbox");
        assertThat(seed.environments()).extracting(Environment::name).containsExactly("sandbox-dev", "sandbox-staging", "sandbox-prod");
        assertThat(seed.environments()).extracting(Environment::tier).containsExactly(Tier.DEVELOPMENT, Tier.STAGING, Tier.PRODUCTION);
        assertThat(seed.environments()).allSatisfy(e -> assertThat(e.kubeTargets()).singleElement()
                .satisfies(t -> assertThat(t.context()).isEqualTo("wheelhouse-sandbox")));
        assertThat(seed.namespace("sandbox-prod")).contains("shop-prod");
        assertThat(seed.applications()).extracting(Application::name)
                .containsExactly("storefront", "catalog", "checkout", "payments", "orders-db", "log-shipper");
        assertThat(seed.applications()).extracting(a -> a.workload().kind()).contains(WorkloadKind.STATEFULSET, WorkloadKind.DAEMONSET);
        assertThat(WorkspaceRules.check(seed.workspace())).isEmpty();
        for (Application app : seed.applications()) {
            int[] dev = version(seed.version("sandbox-dev", app.name()).orElseThrow());
            int[] staging = version(seed.version("sandbox-staging", app.name()).orElseThrow());
            int[] prod = version(seed.version("sandbox-prod", app.name()).orElseThrow());
            assertThat(Arrays.compare(dev, staging)).as("%s: dev ahead of staging", app.name()).isPositive();
            assertThat(Arrays.compare(staging, prod)).as("%s: staging ahead of prod", app.name()).isPositive();
        }
    }

    @Test
    void theSeedIsWhatTheClusterRuns() {
        KubernetesClient client = sandbox.client();
        for (Environment env : sandbox.seed().environments()) {
            String ns = env.kubeTargets().getFirst().namespaces().getFirst();
            for (Application app : sandbox.seed().applications()) {
                Application.Workload w = app.workload();
                var template = switch (w.kind()) {
                    case DEPLOYMENT -> client.apps().deployments().inNamespace(ns).withName(w.name()).get().getSpec().getTemplate();
                    case STATEFULSET -> client.apps().statefulSets().inNamespace(ns).withName(w.name()).get().getSpec().getTemplate();
                    case DAEMONSET -> client.apps().daemonSets().inNamespace(ns).withName(w.name()).get().getSpec().getTemplate();
                };
                var container = template.getSpec().getContainers().stream().filter(c -> c.getName().equals(w.container())).findFirst();
                assertThat(container).as("%s/%s container %s", ns, w.name(), w.container()).isPresent();
                assertThat(container.get().getImage()).endsWith(":" + sandbox.seed().version(env.name(), app.name()).orElseThrow());
            }
        }
    }

    @Test
    void aFabric8ClientListsWatchesAndReadsMetrics() {
        KubernetesClient client = sandbox.client();
        List<Deployment> prod = client.apps().deployments().inNamespace("shop-prod").list().getItems();
        assertThat(prod).hasSize(4).allSatisfy(d -> assertThat(d.getStatus().getAvailableReplicas()).isPositive());
        assertThat(client.nodes().list().getItems()).hasSize(4)
                .anySatisfy(n -> assertThat(n.getSpec().getTaints()).isNotEmpty());
        List<PodMetrics> metrics = client.top().pods().metrics("shop-prod").getItems();
        assertThat(metrics).isNotEmpty().allSatisfy(m -> assertThat(m.getContainers()).isNotEmpty());

        List<String> seen = new CopyOnWriteArrayList<>();
        try (SharedIndexInformer<Pod> informer = client.pods().inNamespace("shop-dev").inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod) {
                seen.add("add " + pod.getMetadata().getName());
            }

            @Override
            public void onUpdate(Pod before, Pod after) {
                seen.add("update " + after.getMetadata().getName());
            }

            @Override
            public void onDelete(Pod pod, boolean unknown) {
                seen.add("delete " + pod.getMetadata().getName());
            }
        })) {
            await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            client.apps().deployments().inNamespace("shop-dev").resource(new DeploymentBuilder()
                    .withNewMetadata().withName("probe").endMetadata()
                    .withNewSpec().withReplicas(2).withNewSelector().addToMatchLabels("app", "probe").endSelector()
                        .withNewTemplate().withNewMetadata().addToLabels("app", "probe").endMetadata()
                        .withNewSpec().addNewContainer().withName("probe").withImage("registry.sandbox.local/probe:1.0").endContainer().endSpec()
                        .endTemplate()
                    .endSpec().build()).create();
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> assertThat(seen).anyMatch(s -> s.startsWith("update probe-")));
            client.apps().deployments().inNamespace("shop-dev").withName("probe")
                    .edit(d -> {
                        d.getSpec().getTemplate().getSpec().getContainers().getFirst().setImage("registry.sandbox.local/probe:2.0");
                        return d;
                    });
            await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
                Deployment d = client.apps().deployments().inNamespace("shop-dev").withName("probe").get();
                assertThat(d.getSpec().getStrategy().getType()).as("defaulted").isEqualTo("RollingUpdate");
                assertThat(d.getMetadata().getAnnotations()).containsEntry(Kube.REVISION, "2");
                assertThat(d.getStatus().getUpdatedReplicas()).isEqualTo(2);
                assertThat(d.getStatus().getConditions()).anySatisfy(c -> assertThat(c.getReason()).isEqualTo("NewReplicaSetAvailable"));
                assertThat(seen).anyMatch(s -> s.startsWith("delete probe-"));
            });
        }
    }

    @Test
    void aWatchFromAResourceVersionGetsOnlyLaterChangesAndClosingItNeverStallsTheServer() throws Exception {
        KubernetesClient client = sandbox.client();
        String rv = client.apps().deployments().inNamespace("shop-staging").list().getMetadata().getResourceVersion();
        List<String> events = new CopyOnWriteArrayList<>();
        Watch watch = client.apps().deployments().inNamespace("shop-staging")
                .withResourceVersion(rv).watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, Deployment d) {
                        events.add(action + " " + d.getMetadata().getName());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                        // closed by the test
                    }
                });
        try {
            client.apps().deployments().inNamespace("shop-staging").withName("checkout")
                    .edit(d -> {
                        d.getMetadata().getLabels().put("touched", "yes");
                        return d;
                    });
            await().atMost(Duration.ofSeconds(10)).until(() -> events.contains("MODIFIED checkout"));
            assertThat(events).as("no replay of existing objects").noneMatch(e -> e.startsWith("ADDED"));
        } finally {
            watch.close();
        }
        // The mock's own watches blocked the event loop for 30 s when closed during a burst of changes.
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 5; i++) {
            try (SharedIndexInformer<Pod> informer = client.pods().inAnyNamespace().inform()) {
                await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            }
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(sandbox.url().resolve("/version")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void discoveryAnswersWhateverTheQueryStringAndEverythingIsJson() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (String path : List.of("/api?timeout=32s", "/apis?timeout=32s", "/api/v1?timeout=32s", "/apis/apps/v1",
                "/apis/metrics.k8s.io/v1beta1", "/version?timeout=32s")) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(sandbox.url().resolve(path)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(path).isEqualTo(200);
            assertThat(r.headers().firstValue("Content-Type")).as(path).hasValue("application/json");
        }
        JsonNode apps = Json.parse(http.send(HttpRequest.newBuilder(sandbox.url().resolve("/apis/apps/v1")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        List<String> resources = new ArrayList<>();
        apps.path("resources").forEach(r -> resources.add(r.path("name").asString() + ":" + r.path("kind").asString()));
        assertThat(resources).contains("deployments:Deployment", "deployments/scale:Scale", "deployments/status:Deployment",
                "replicasets:ReplicaSet", "statefulsets:StatefulSet", "daemonsets:DaemonSet", "controllerrevisions:ControllerRevision");
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(sandbox.url().resolve("/apis/batch/v1/jobs")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(missing.statusCode()).isEqualTo(404);
    }

    @Test
    void churnRestartsContainersInTheBackground() {
        long before = sandbox.stats().churnEvents();
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.stats().churnEvents() >= before + 10);
    }

    @Test
    void theKubeconfigPointsAtTheSandboxAndOnlyEverReplacesItsOwnFile(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("nested/kubeconfig");
        assertThat(sandbox.writeKubeconfig(file)).isEqualTo(file.toAbsolutePath());
        String text = Files.readString(file);
        assertThat(text).contains("server: " + sandbox.url()).contains("current-context: wheelhouse-sandbox")
                .contains("namespace: shop-dev");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        sandbox.writeKubeconfig(file);

        Path foreign = dir.resolve("config");
        Files.writeString(foreign, "apiVersion: v1\nkind: Config\n");
        assertThatThrownBy(() -> sandbox.writeKubeconfig(foreign)).isInstanceOf(FileAlreadyExistsException.class)
                .hasMessageContaining("not a kubeconfig written by the sandbox");
        assertThat(Files.readString(foreign)).isEqualTo("apiVersion: v1\nkind: Config\n");
    }

    @Test
    void aPortInUseIsABindExceptionThatSaysSo() {
        int port = sandbox.url().getPort();
        assertThatThrownBy(() -> Sandbox.start(SandboxOptions.defaults().withPort(port)))
                .isInstanceOf(BindException.class).hasMessage("port " + port + " on 127.0.0.1 is already in use");
    }

    @Test
    void optionsThatMakeNoSenseAreRefusedByName() {
        assertThatThrownBy(() -> SandboxOptions.defaults().withPort(70000)).hasMessageContaining("port 70000");
        assertThatThrownBy(() -> SandboxOptions.defaults().withChurnPerSecond(-1)).hasMessageContaining("churn");
        assertThatThrownBy(() -> SandboxOptions.defaults().withScale(-5, 1)).hasMessageContaining("pods -5");
    }

    @Test
    void aClosedSandboxNoLongerAnswers() throws IOException {
        Sandbox other = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0));
        URI url = other.url();
        other.close();
        other.close();
        HttpClient http = HttpClient.newHttpClient();
        assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(url.resolve("/version")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(IOException.class);
        assertThatThrownBy(other::client).isInstanceOf(IllegalStateException.class);
    }

    private static int[] version(String v) {
        return Arrays.stream(v.split("\\.")).mapToInt(Integer::parseInt).toArray();
    }
}
