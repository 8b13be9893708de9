package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelhouse.core.ops.Revision;
import dev.wheelhouse.core.ops.RolloutStatus;
import dev.wheelhouse.core.ops.WorkloadRef;
import dev.wheelhouse.core.workspace.WorkloadKind;
import io.fabric8.kubernetes.api.model.coordination.v1.LeaseBuilder;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.kube.Fabric8Rollouts;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wheelhouse rollback` against the practice sandbox, with the history checked after each run. */
class RollbackCommandIT {
    static Sandbox sandbox;
    static Path kubeconfig;
    static Fabric8Rollouts rollouts;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox(@TempDir Path shared) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        kubeconfig = sandbox.writeKubeconfig(shared.resolve("kubeconfig"));
        rollouts = new Fabric8Rollouts(kubeconfig);
    }

    @AfterAll
    static void stopSandbox() {
        rollouts.close();
        sandbox.close();
    }

    @BeforeEach
    void workspace() throws Exception {
        Workspace seed = sandbox.seed().workspace();
        List<Environment> envs = new ArrayList<>(seed.environments());
        Environment staging = seed.environment("sandbox-staging").orElseThrow();
        envs.add(new Environment("staging-readonly", staging.tier(), null, true, staging.kubeTargets(), List.of()));
        new YamlWorkspaceStore(dir.resolve("workspace.yaml")).save(new Workspace(envs, seed.applications()));
    }

    static String ns(String env) {
        return sandbox.seed().namespace(env).orElseThrow();
    }

    static String image(String env, String deployment) {
        return sandbox.client().apps().deployments().inNamespace(ns(env)).withName(deployment).get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    static List<Revision> revisions(String env, String deployment) {
        return rollouts.revisions(Sandbox.CONTEXT, ns(env), deployment);
    }

    CliRun cli(String... args) {
        String[] base = {"--data-dir", dir.toString(), "--kubeconfig", kubeconfig.toString()};
        return CliRun.of(Stream.concat(Arrays.stream(args).limit(1), Stream.concat(Arrays.stream(base),
                Arrays.stream(args).skip(1))).toArray(String[]::new));
    }

    JsonNode history() throws Exception {
        CliRun run = cli("history", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    @Test
    void rollsStagingBackToThePreviousRevisionAndRecordsEveryStep() throws Exception {
        List<Revision> before = revisions("sandbox-staging", "storefront");
        Revision previous = before.get(before.size() - 2);
        String current = sandbox.seed().version("sandbox-staging", "storefront").orElseThrow();

        CliRun run = cli("rollback", "--env", "sandbox-staging", "--app", "storefront", "--yes", "--reason", "incident 9",
                "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).startsWith("rolled back deployment/storefront in sandbox-staging (wheelhouse-sandbox/shop-staging) from revision 4");
        assertThat(run.err()).contains("[preflight] succeeded", "[lock] succeeded: holding lease wheelhouse-storefront in shop-staging",
                "[execute] succeeded", "[watch] succeeded", "[verify] succeeded", "[record] succeeded");
        assertThat("storefront=" + image("sandbox-staging", "storefront")).isEqualTo(previous.images().getFirst());
        assertThat(revisions("sandbox-staging", "storefront")).extracting(Revision::number).containsExactly(1L, 2L, 4L, 5L);
        Revision now = revisions("sandbox-staging", "storefront").getLast();
        assertThat(now.current()).isTrue();
        assertThat(now.changeCause()).endsWith(": incident 9").contains("@");

        JsonNode ops = history();
        assertThat(ops).hasSize(1);
        JsonNode op = ops.get(0);
        assertThat(op.get("kind").asText()).isEqualTo("rollback");
        assertThat(op.get("environment").asText()).isEqualTo("sandbox-staging");
        assertThat(op.get("application").asText()).isEqualTo("storefront");
        assertThat(op.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(op.get("reason").asText()).isEqualTo("incident 9");
        assertThat(op.get("operator").asText()).isEqualTo(System.getProperty("user.name") + "@"
                + java.net.InetAddress.getLocalHost().getHostName());
        assertThat(op.get("fromVersion").asText()).isEqualTo(current);
        assertThat(previous.images().getFirst()).endsWith(":" + op.get("toVersion").asText());
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
        assertThat(steps).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=succeeded",
                "verify=succeeded", "record=succeeded");

        CliRun verify = cli("history", "verify");
        assertThat(verify.exitCode()).as(verify.err()).isZero();
        assertThat(verify.out()).startsWith("history intact");
    }

    @Test
    void productionWithoutConfirmChangesNothing() throws Exception {
        String image = image("sandbox-prod", "storefront");
        CliRun run = cli("rollback", "--env", "sandbox-prod", "--app", "storefront", "--yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("environment 'sandbox-prod' is production: type its name to confirm (--confirm sandbox-prod)");
        CliRun wrong = cli("rollback", "--env", "sandbox-prod", "--app", "storefront", "--confirm", "sandbox-staging");
        assertThat(wrong.exitCode()).isEqualTo(2);
        assertThat(image("sandbox-prod", "storefront")).isEqualTo(image);
        assertThat(history()).isEmpty();
    }

    @Test
    void anUnknownRevisionIsBadInputAndChangesNothing() throws Exception {
        String image = image("sandbox-staging", "catalog");
        CliRun run = cli("rollback", "--env", "sandbox-staging", "--app", "catalog", "--to-revision", "42", "--yes");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("deployment/catalog has no revision 42 (it has: 1, 2, 3, 4); nothing was changed");
        assertThat(image("sandbox-staging", "catalog")).isEqualTo(image);
        assertThat(history()).isEmpty();
    }

    @Test
    void readOnlyUnknownAppsAndMissingYesAreRefused() throws Exception {
        String image = image("sandbox-staging", "checkout");
        CliRun readOnly = cli("rollback", "--env", "staging-readonly", "--app", "checkout", "--yes");
        assertThat(readOnly.exitCode()).isEqualTo(2);
        assertThat(readOnly.err()).contains("environment 'staging-readonly' is read-only");
        CliRun noYes = cli("rollback", "--env", "sandbox-staging", "--app", "checkout");
        assertThat(noYes.exitCode()).isEqualTo(2);
        assertThat(noYes.err()).contains("would roll back deployment/checkout in sandbox-staging", "~ container/checkout/image:", "pass --yes");
        CliRun unknown = cli("rollback", "--env", "sandbox-staging", "--app", "nope", "--yes");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("no application 'nope'");
        assertThat(image("sandbox-staging", "checkout")).isEqualTo(image);
        assertThat(history()).isEmpty();
    }

    @Test
    void aRollbackToABrokenRevisionFailsSayingWhereThingsStood() throws Exception {
        String ns = ns("sandbox-dev");
        var deployments = sandbox.client().apps().deployments().inNamespace(ns).withName("payments");
        String base = image("sandbox-dev", "payments").replaceAll(":[^:/]+$", "");
        // A patch without a resourceVersion, as kubectl sends it: the controllers keep updating
        // the object, so an edit() of a read copy can meet a 409.
        deployments.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\","
                + "\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + base + ":9.9.9-broken\"}]");
        // A patch without a resourceVersion, as kubectl sends it: the controllers keep updating
        // the object, so an edit() of a read copy can meet a 409.
        deployments.patch(PatchContext.of(PatchType.JSON), "[{\"op\":\"replace\","
                + "\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + base + ":9.9.10\"}]");
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(200)).until(() ->
                rollouts.status(Sandbox.CONTEXT, ns, "payments").state() == RolloutStatus.State.COMPLETE);

        CliRun run = cli("rollback", "--env", "sandbox-dev", "--app", "payments", "--yes", "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(run.out()).contains("rollback of deployment/payments in sandbox-dev (wheelhouse-sandbox/shop-dev) failed at watch: deployment \"payments\" exceeded its progress deadline",
                "CrashLoopBackOff", "the change was applied (rolled back to revision", "where things stood");
        assertThat(image("sandbox-dev", "payments")).endsWith(":9.9.9-broken");
        JsonNode op = history().get(0);
        assertThat(op.get("outcome").asText()).isEqualTo("failed");
        assertThat(op.get("toVersion").asText()).isEqualTo("9.9.9-broken");
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
        assertThat(steps).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=failed",
                "record=succeeded");
    }

    @Test
    void rollsAStatefulSetBackThroughItsControllerRevisions() throws Exception {
        List<Revision> before = rollouts.revisions(new WorkloadRef(Sandbox.CONTEXT, ns("sandbox-staging"), WorkloadKind.STATEFULSET,
                "orders-db"));
        Revision previous = before.get(before.size() - 2);

        CliRun run = cli("rollback", "--env", "sandbox-staging", "--app", "orders-db", "--yes", "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).startsWith("rolled back statefulset/orders-db in sandbox-staging");
        assertThat(run.err()).contains("statefulset rolling update complete", "pods: orders-db-0 Running ready");
        var set = sandbox.client().apps().statefulSets().inNamespace(ns("sandbox-staging")).withName("orders-db").get();
        assertThat("postgres=" + set.getSpec().getTemplate().getSpec().getContainers().getFirst().getImage())
                .isEqualTo(previous.images().getFirst());
        JsonNode op = history().get(0);
        assertThat(op.get("target").asText()).isEqualTo(Sandbox.CONTEXT + "/" + ns("sandbox-staging") + "/StatefulSet/orders-db");
        assertThat(op.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(steps(op)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=succeeded",
                "verify=succeeded", "record=succeeded");
        assertThat(op.get("steps").get(4).get("output").asText()).startsWith("all available").contains("no restarts");
    }

    @Test
    void aLockHeldBySomeoneElseRefusesUntilBrokenAndBreakingItIsJournaled() throws Exception {
        String ns = ns("sandbox-staging");
        ZonedDateTime since = ZonedDateTime.now(ZoneOffset.UTC).minusMinutes(3).truncatedTo(ChronoUnit.SECONDS);
        sandbox.client().leases().inNamespace(ns).resource(new LeaseBuilder()
                .withNewMetadata().withName("wheelhouse-payments").withNamespace(ns)
                    .addToAnnotations("wheelhouse.dev/operation", "deploy payments in sandbox-staging (operation 41)").endMetadata()
                .withNewSpec().withHolderIdentity("bob@elsewhere").withLeaseDurationSeconds(3600)
                    .withAcquireTime(since).withRenewTime(ZonedDateTime.now(ZoneOffset.UTC)).endSpec().build()).create();
        String image = image("sandbox-staging", "payments");

        CliRun held = cli("rollback", "--env", "sandbox-staging", "--app", "payments", "--yes");

        assertThat(held.exitCode()).as(held.err()).isEqualTo(2);
        assertThat(held.err()).contains("another operation holds the lock of payments in sandbox-staging: bob@elsewhere since "
                + since.toInstant() + " (deploy payments in sandbox-staging (operation 41))", "--break-lock", "nothing was changed");
        assertThat(image("sandbox-staging", "payments")).isEqualTo(image);
        assertThat(history()).isEmpty();

        CliRun broken = cli("rollback", "--env", "sandbox-staging", "--app", "payments", "--yes", "--break-lock",
                "--reason", "bob is on holiday", "--timeout", "60");

        assertThat(broken.exitCode()).as(broken.err() + broken.out()).isZero();
        JsonNode op = history().get(0);
        JsonNode lock = op.get("steps").get(1);
        assertThat(lock.get("name").asText()).isEqualTo("lock");
        assertThat(lock.get("output").asText()).startsWith("BROKE the lock held by bob@elsewhere since " + since.toInstant());
        assertThat(op.get("steps").get(5).get("output").asText()).contains("released lease wheelhouse-payments");
        assertThat(sandbox.client().leases().inNamespace(ns).withName("wheelhouse-payments").get()).isNull();
    }

    @Test
    void aPausedDeploymentIsRefusedWithTheResumeHint() throws Exception {
        var catalog = sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("catalog");
        catalog.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":true}}");
        try {
            String image = image("sandbox-dev", "catalog");
            CliRun run = cli("rollback", "--env", "sandbox-dev", "--app", "catalog", "--yes");
            assertThat(run.exitCode()).isEqualTo(2);
            assertThat(run.err()).contains("deployment/catalog is paused", "resume it first (kubectl rollout resume deployment/catalog -n "
                    + ns("sandbox-dev") + ")", "nothing was changed");
            assertThat(image("sandbox-dev", "catalog")).isEqualTo(image);
            assertThat(history()).isEmpty();
        } finally {
            catalog.patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"paused\":false}}");
        }
    }

    static List<String> steps(JsonNode op) {
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
        return steps;
    }
}
