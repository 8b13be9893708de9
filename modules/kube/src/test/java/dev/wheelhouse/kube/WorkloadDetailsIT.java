package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.wheelhouse.core.cluster.LabelSelector;
import dev.wheelhouse.core.cluster.PodLogRequest;
import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.WorkloadDetails;
import dev.wheelhouse.core.hosts.LogListener;
import dev.wheelhouse.core.hosts.Subscription;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One workload in detail and pod logs followed, against the practice sandbox. */
class WorkloadDetailsIT {
    private static final String CTX = Sandbox.CONTEXT;

    @TempDir
    static Path dir;

    static Sandbox sandbox;
    static Fabric8ClusterGateway gateway;

    @BeforeAll
    static void start() throws Exception {
        sandbox = Sandbox.start(SandboxIT.QUIET.withDenied(Denial.of("get", "deployments.apps", "shop-prod")));
        gateway = new Fabric8ClusterGateway(sandbox.writeKubeconfig(dir.resolve("kubeconfig")), EnvironmentWatchIT.FAST, Clock.systemUTC());
    }

    @AfterAll
    static void stop() {
        gateway.close();
        sandbox.close();
    }

    @Test
    void aDeploymentsRevisionsSelectorContainersAndYamlWithoutManagedFields() {
        WorkloadDetails d = gateway.details(new RowKey(CTX, "Deployment", "shop-staging", "storefront"));
        assertThat(d.selector().matchLabels()).containsEntry("app", "storefront");
        assertThat(d.containers()).containsExactly("storefront");
        assertThat(d.revisions()).hasSizeGreaterThan(1);
        assertThat(d.revisions()).filteredOn(Revision::current).singleElement()
                .satisfies(r -> assertThat(r.images().getFirst()).endsWith(":" + sandbox.seed().version("sandbox-staging", "storefront").orElseThrow()));
        assertThat(d.revisions()).extracting(Revision::number).isSorted();
        assertThat(d.yaml()).startsWith("---\napiVersion: \"apps/v1\"\nkind: \"Deployment\"").contains("name: \"storefront\"")
                .doesNotContain("managedFields");
    }

    @Test
    void aStatefulSetsControllerRevisionsAndAPod() {
        WorkloadDetails s = gateway.details(new RowKey(CTX, "StatefulSet", "shop-dev", "orders-db"));
        assertThat(s.revisions()).isNotEmpty().anyMatch(Revision::current);
        Pod pod = sandbox.client().pods().inNamespace("shop-dev").withLabel("app", "orders-db").list().getItems().getFirst();
        WorkloadDetails p = gateway.details(new RowKey(CTX, "Pod", "shop-dev", pod.getMetadata().getName()));
        assertThat(p.revisions()).isEmpty();
        assertThat(p.selector()).isEqualTo(LabelSelector.NOTHING);
        assertThat(p.containers()).isNotEmpty();
        assertThat(s.selects(pod.getMetadata().getLabels())).isTrue();
    }

    @Test
    void aSelectorWithExpressionsPicksItsPodsAndRevisionsAndNotTheLookalikes() {
        String ns = "shop-dev";
        Map<String, String> podLabels = Map.of("app", "exprs", "track", "stable");
        sandbox.client().apps().deployments().inNamespace(ns).resource(new DeploymentBuilder()
                .withNewMetadata().withName("exprs").withNamespace(ns).endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "exprs")
                .addNewMatchExpression().withKey("track").withOperator("In").withValues("stable", "beta").endMatchExpression()
                .addNewMatchExpression().withKey("legacy").withOperator("DoesNotExist").endMatchExpression()
                .endSelector()
                .withNewTemplate().withNewMetadata().withLabels(podLabels).endMetadata()
                .withNewSpec().addNewContainer().withName("exprs").withImage("shop/exprs:1.0").endContainer().endSpec()
                .endTemplate().endSpec().build()).create();
        for (var lookalike : List.of(Map.of("app", "exprs", "track", "canary"), Map.of("app", "exprs", "track", "stable", "legacy", "yes"))) {
            sandbox.client().pods().inNamespace(ns).resource(new PodBuilder()
                    .withNewMetadata().withGenerateName("lookalike-").withNamespace(ns).withLabels(lookalike).endMetadata()
                    .withNewSpec().addNewContainer().withName("x").withImage("shop/exprs:1.0").endContainer().endSpec().build()).create();
        }
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.client().pods().inNamespace(ns).withLabel("app", "exprs").list()
                .getItems().size() == 4);

        WorkloadDetails d = gateway.details(new RowKey(CTX, "Deployment", ns, "exprs"));
        assertThat(d.revisions()).as("ReplicaSets listed with the whole selector").singleElement().satisfies(r -> assertThat(r.current()).isTrue());
        List<String> picked = sandbox.client().pods().inNamespace(ns).withLabel("app", "exprs").list().getItems().stream()
                .filter(p -> d.selects(p.getMetadata().getLabels())).map(p -> p.getMetadata().getName()).toList();
        assertThat(picked).hasSize(2).allMatch(n -> n.startsWith("exprs-"));
    }

    @Test
    void whatCannotBeReadIsSaidWithWhatAndWhy() {
        assertThatThrownBy(() -> gateway.details(new RowKey(CTX, "Deployment", "shop-dev", "nope")))
                .isInstanceOf(IllegalStateException.class).hasMessage("deployment nope in shop-dev (context wheelhouse-sandbox) no longer exists");
        assertThatThrownBy(() -> gateway.details(new RowKey(CTX, "Deployment", "shop-prod", "storefront")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("cannot read deployment storefront in shop-prod (context wheelhouse-sandbox): no permission (403)");
        assertThatThrownBy(() -> gateway.details(new RowKey(CTX, "Service", "shop-dev", "storefront")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** Collects a follow's lines and interruptions. */
    static final class Collected implements LogListener {
        final List<String> lines = new CopyOnWriteArrayList<>();
        final List<Instant> times = new CopyOnWriteArrayList<>();
        final List<String> interruptions = new CopyOnWriteArrayList<>();

        @Override
        public void line(String line) {
            lines.add(line);
        }

        @Override
        public void line(Instant at, String line) {
            times.add(at);
            line(line);
        }

        @Override
        public void interrupted(String reason) {
            interruptions.add(reason);
        }
    }

    @Test
    void aFollowedLogStartsWithItsTailAndGetsEachNewLineOnce() {
        Pod pod = sandbox.client().pods().inNamespace("shop-dev").withLabel("app", "catalog").list().getItems().getFirst();
        Collected got = new Collected();
        try (Subscription follow = gateway.followLog(new PodLogRequest(
                new RowKey(CTX, "Pod", "shop-dev", pod.getMetadata().getName()), "", false, 200), got)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !got.lines.isEmpty());
            assertThat(got.lines.getFirst()).startsWith("level=info msg=\"starting catalog\"");
            int first = got.lines.size();
            await().atMost(Duration.ofSeconds(15)).until(() -> got.lines.size() > first);
            assertThat(got.lines.getLast()).contains("msg=\"request\"");
            assertThat(got.lines).doesNotHaveDuplicates();
            // each line's time comes apart from its message (kubectl logs --timestamps), in order
            List<Instant> times = List.copyOf(got.times);
            assertThat(times).hasSizeGreaterThanOrEqualTo(first).isSorted()
                    .allMatch(t -> t.isAfter(Instant.parse("2020-01-01T00:00:00Z")) && !t.isAfter(Instant.now().plusSeconds(5)));
            assertThat(got.lines).noneMatch(l -> l.matches("^\\d{4}-\\d{2}-\\d{2}T.*"));
        }
    }

    @Test
    void aCrashLoopSaysWhyThereIsNoLogAndThePreviousContainerTellsWhatHappened() {
        String ns = "shop-staging";
        var deployment = sandbox.client().apps().deployments().inNamespace(ns).withName("checkout");
        String image = deployment.get().getSpec().getTemplate().getSpec().getContainers().getFirst().getImage().replaceAll(":[^:]+$", ":6.6.6-broken");
        deployment.patch(PatchContext.of(PatchType.JSON),
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"}]");
        await().atMost(Duration.ofSeconds(15)).until(() -> sandbox.client().pods().inNamespace(ns).withLabel("app", "checkout").list()
                .getItems().stream().anyMatch(p -> p.getSpec().getContainers().getFirst().getImage().equals(image)
                        && p.getStatus().getContainerStatuses() != null && !p.getStatus().getContainerStatuses().isEmpty()
                        && p.getStatus().getContainerStatuses().getFirst().getLastState() != null
                        && p.getStatus().getContainerStatuses().getFirst().getLastState().getTerminated() != null));
        Pod broken = sandbox.client().pods().inNamespace(ns).withLabel("app", "checkout").list().getItems().stream()
                .filter(p -> p.getSpec().getContainers().getFirst().getImage().equals(image)).findFirst().orElseThrow();
        RowKey key = new RowKey(CTX, "Pod", ns, broken.getMetadata().getName());

        Collected current = new Collected();
        try (Subscription follow = gateway.followLog(new PodLogRequest(key, "", false, 100), current)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !current.interruptions.isEmpty());
            assertThat(current.lines).as("an error is not a log line").isEmpty();
            assertThat(current.interruptions.getFirst()).isEqualTo("cannot read the log of pod/" + key.name() + " in " + ns
                    + ": container \"checkout\" in pod \"" + key.name() + "\" is waiting to start: CrashLoopBackOff");
        }
        Collected previous = new Collected();
        try (Subscription follow = gateway.followLog(new PodLogRequest(key, "checkout", true, 100), previous)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> previous.interruptions.contains("end of the previous container's log"));
            assertThat(previous.lines.getLast()).contains("level=fatal");
        }
    }

    @Test
    void aContainerThatNeverRestartedHasNoPreviousLog() {
        Pod pod = sandbox.client().pods().inNamespace("shop-dev").withLabel("app", "storefront").list().getItems().getFirst();
        Collected got = new Collected();
        try (Subscription follow = gateway.followLog(new PodLogRequest(
                new RowKey(CTX, "Pod", "shop-dev", pod.getMetadata().getName()), "storefront", true, 100), got)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> !got.interruptions.isEmpty());
            assertThat(got.interruptions.getFirst()).endsWith(": previous terminated container \"storefront\" in pod \""
                    + pod.getMetadata().getName() + "\" not found");
            assertThat(got.lines).isEmpty();
        }
    }
}
