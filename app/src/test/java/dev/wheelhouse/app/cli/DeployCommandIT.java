package dev.wheelhouse.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.sandbox.Denial;
import dev.wheelhouse.sandbox.Sandbox;
import dev.wheelhouse.sandbox.SandboxOptions;
import dev.wheelhouse.workspace.YamlWorkspaceStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `wheelhouse deploy`, `restart` and `scale` against the practice sandbox, with the history checked after each. */
class DeployCommandIT {
    static Sandbox sandbox;
    static Path kubeconfig;

    @TempDir
    Path dir;

    @BeforeAll
    static void startSandbox(@TempDir Path shared) throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(3).withMetricsIntervalMillis(5000));
        kubeconfig = sandbox.writeKubeconfig(shared.resolve("kubeconfig"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @BeforeEach
    void workspace() throws Exception {
        Workspace seed = sandbox.seed().workspace();
        new YamlWorkspaceStore(dir.resolve("workspace.yaml")).save(seed);
    }

    @AfterEach
    void noDenials() {
        sandbox.denied(List.of());
    }

    static String ns(String env) {
        return sandbox.seed().namespace(env).orElseThrow();
    }

    static String image(String env, String deployment) {
        return sandbox.client().apps().deployments().inNamespace(ns(env)).withName(deployment).get()
                .getSpec().getTemplate().getSpec().getContainers().getFirst().getImage();
    }

    static String repository(String image) {
        return image.substring(0, image.lastIndexOf(':'));
    }

    CliRun cli(String... args) {
        String[] base = {"--data-dir", dir.toString(), "--kubeconfig", kubeconfig.toString(), "--workspace",
                dir.resolve("workspace.yaml").toString()};
        return CliRun.of(Stream.concat(Arrays.stream(args).limit(1), Stream.concat(Arrays.stream(base),
                Arrays.stream(args).skip(1))).toArray(String[]::new));
    }

    JsonNode history() throws Exception {
        CliRun run = cli("history", "--format", "json");
        assertThat(run.exitCode()).as(run.err()).isZero();
        return new ObjectMapper().readTree(run.out());
    }

    static List<String> steps(JsonNode op) {
        List<String> steps = new ArrayList<>();
        op.get("steps").forEach(s -> steps.add(s.get("name").asText() + "=" + s.get("status").asText()));
        return steps;
    }

    @Test
    void aBrokenImageFailsAndIsRolledBackAsALinkedOperationAndVerified() throws Exception {
        String before = image("sandbox-staging", "storefront");
        String broken = repository(before) + ":9.9.9-broken";

        CliRun run = cli("deploy", "--env", "sandbox-staging", "--app", "storefront", "--image", broken, "--yes",
                "--rollback-on-failure", "--reason", "rehearsal", "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(run.out()).contains("deploy of deployment/storefront in sandbox-staging", "failed at watch",
                "exceeded its progress deadline", "the change was applied", "rolled back (operation 2): verified (operation 1)");
        assertThat(run.err()).contains("CrashLoopBackOff", "operation 1 failed: roll back deployment/storefront");
        assertThat(image("sandbox-staging", "storefront")).isEqualTo(before);

        JsonNode ops = history();
        assertThat(ops).hasSize(2);
        JsonNode rollback = ops.get(0);
        JsonNode deploy = ops.get(1);
        assertThat(deploy.get("kind").asText()).isEqualTo("deploy");
        assertThat(deploy.get("outcome").asText()).isEqualTo("failed");
        assertThat(deploy.get("toVersion").asText()).isEqualTo("9.9.9-broken");
        assertThat(deploy.get("reason").asText()).isEqualTo("rehearsal");
        assertThat(deploy.get("linkedTo").isNull()).isTrue();
        assertThat(steps(deploy)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=failed",
                "record=succeeded");
        assertThat(deploy.get("steps").get(2).get("output").asText()).endsWith("-> " + broken);
        assertThat(deploy.get("steps").get(3).get("output").asText()).contains("CrashLoopBackOff");
        assertThat(deploy.get("steps").get(4).get("output").asText()).contains("lock kept for the rollback that follows");

        assertThat(rollback.get("kind").asText()).isEqualTo("rollback");
        assertThat(rollback.get("outcome").asText()).isEqualTo("succeeded");
        assertThat(rollback.get("linkedTo").asLong()).isEqualTo(deploy.get("id").asLong());
        assertThat(rollback.get("reason").asText()).isEqualTo("automatic rollback after failed deploy (operation 1)");
        assertThat(rollback.get("fromVersion").asText()).isEqualTo("9.9.9-broken");
        assertThat(before).endsWith(":" + rollback.get("toVersion").asText());
        assertThat(steps(rollback)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=succeeded",
                "verify=succeeded", "record=succeeded");
        assertThat(rollback.get("steps").get(5).get("output").asText()).contains("released lease wheelhouse-storefront");
        assertThat(sandbox.client().leases().inNamespace(ns("sandbox-staging")).withName("wheelhouse-storefront").get()).isNull();

        CliRun table = cli("history");
        assertThat(table.out()).contains("succeeded (undoes 1)");
        assertThat(cli("history", "verify").exitCode()).isZero();
    }

    @Test
    void anApplicationSetToRollBackOnFailureDoesSoWithoutTheFlag() throws Exception {
        Workspace seed = sandbox.seed().workspace();
        List<Application> apps = seed.applications().stream().map(a -> !a.name().equals("checkout") ? a
                : new Application(a.name(), new Application.Workload(a.workload().kind(), a.workload().name(),
                        a.workload().container(), true), a.hostService())).toList();
        new YamlWorkspaceStore(dir.resolve("workspace.yaml")).save(new Workspace(seed.environments(), apps));
        String before = image("sandbox-dev", "checkout");

        CliRun run = cli("deploy", "--env", "sandbox-dev", "--app", "checkout", "--image", repository(before) + ":4.0.0-broken",
                "--yes", "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isEqualTo(1);
        assertThat(run.out()).contains("rolled back (operation 2): verified");
        assertThat(image("sandbox-dev", "checkout")).isEqualTo(before);
        assertThat(history()).extracting(o -> o.get("kind").asText() + "=" + o.get("outcome").asText())
                .containsExactly("rollback=succeeded", "deploy=failed");
    }

    @Test
    void aGoodImageIsDeployedWatchedAndVerified() throws Exception {
        String next = repository(image("sandbox-dev", "catalog")) + ":2.6.0";

        CliRun run = cli("deploy", "--env", "sandbox-dev", "--app", "catalog", "--image", next, "--yes", "--timeout", "60");

        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).startsWith("deployed " + next + " on deployment/catalog in sandbox-dev");
        assertThat(image("sandbox-dev", "catalog")).isEqualTo(next);
        JsonNode op = history().get(0);
        assertThat(op.get("kind").asText()).isEqualTo("deploy");
        assertThat(op.get("toVersion").asText()).isEqualTo("2.6.0");
        assertThat(steps(op)).containsExactly("preflight=succeeded", "lock=succeeded", "execute=succeeded", "watch=succeeded",
                "verify=succeeded", "record=succeeded");
    }

    @Test
    void aMalformedImageIsBadInputAndChangesNothing() throws Exception {
        String image = image("sandbox-dev", "checkout");
        CliRun upper = cli("deploy", "--env", "sandbox-dev", "--app", "checkout", "--image", "Shop/Checkout:1.0", "--yes");
        assertThat(upper.exitCode()).isEqualTo(2);
        assertThat(upper.err()).contains("'Shop/Checkout:1.0' is not a valid image reference: the repository 'Checkout' must be lower-case");
        CliRun tag = cli("deploy", "--env", "sandbox-dev", "--app", "checkout", "--image", "shop/checkout:-bad", "--yes");
        assertThat(tag.exitCode()).isEqualTo(2);
        assertThat(tag.err()).contains("the tag '-bad' is not");
        CliRun both = cli("deploy", "--env", "sandbox-dev", "--app", "checkout", "--image", "a:1", "--promote-from", "sandbox-staging");
        assertThat(both.exitCode()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
        assertThat(image("sandbox-dev", "checkout")).isEqualTo(image);
        assertThat(history()).isEmpty();
    }

    @Test
    void productionNeedsItsNameAndThenPromotesStagingsImage() throws Exception {
        String prod = image("sandbox-prod", "checkout");
        String staging = image("sandbox-staging", "checkout");
        assertThat(staging).isNotEqualTo(prod);

        CliRun refused = cli("deploy", "--env", "sandbox-prod", "--app", "checkout", "--promote-from", "sandbox-staging", "--yes");
        assertThat(refused.exitCode()).isEqualTo(2);
        assertThat(refused.err()).contains("environment 'sandbox-prod' is production: type its name to confirm (--confirm sandbox-prod)");
        assertThat(image("sandbox-prod", "checkout")).isEqualTo(prod);
        assertThat(history()).isEmpty();

        CliRun run = cli("deploy", "--env", "sandbox-prod", "--app", "checkout", "--promote-from", "sandbox-staging",
                "--confirm", "sandbox-prod", "--timeout", "60");
        assertThat(run.exitCode()).as(run.err() + run.out()).isZero();
        assertThat(run.out()).startsWith("promoted " + staging + " from sandbox-staging on deployment/checkout in sandbox-prod");
        assertThat(image("sandbox-prod", "checkout")).isEqualTo(staging);
        JsonNode op = history().get(0);
        assertThat(op.get("kind").asText()).isEqualTo("promote");
        assertThat(op.get("outcome").asText()).isEqualTo("succeeded");
    }

    @Test
    void withoutThePatchPermissionThePreflightRefusesNamingVerbResourceAndNamespace() throws Exception {
        sandbox.denied(List.of(Denial.of("patch", "deployments.apps", ns("sandbox-dev"))));
        String image = image("sandbox-dev", "payments");

        CliRun run = cli("deploy", "--env", "sandbox-dev", "--app", "payments", "--image", repository(image) + ":1.15.0", "--yes");

        assertThat(run.exitCode()).as(run.err()).isEqualTo(2);
        assertThat(run.err()).contains("RBAC: you may not patch deployments.apps in " + ns("sandbox-dev"), "nothing was changed");
        assertThat(image("sandbox-dev", "payments")).isEqualTo(image);
        assertThat(history()).isEmpty();
    }

    @Test
    void restartAndScaleAreJournaledOperationsToo() throws Exception {
        CliRun restart = cli("restart", "--env", "sandbox-dev", "--app", "storefront", "--yes", "--timeout", "60");
        assertThat(restart.exitCode()).as(restart.err() + restart.out()).isZero();
        assertThat(restart.out()).startsWith("restarted on deployment/storefront in sandbox-dev");
        assertThat(sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("storefront").get().getSpec()
                .getTemplate().getMetadata().getAnnotations()).containsKey("kubectl.kubernetes.io/restartedAt");

        CliRun scale = cli("scale", "--env", "sandbox-dev", "--app", "storefront", "--replicas", "3", "--yes", "--timeout", "60");
        assertThat(scale.exitCode()).as(scale.err() + scale.out()).isZero();
        assertThat(sandbox.client().apps().deployments().inNamespace(ns("sandbox-dev")).withName("storefront").get().getStatus()
                .getAvailableReplicas()).isEqualTo(3);
        CliRun daemon = cli("scale", "--env", "sandbox-dev", "--app", "log-shipper", "--replicas", "3", "--yes");
        assertThat(daemon.exitCode()).isEqualTo(2);
        assertThat(daemon.err()).contains("is a DaemonSet: it runs one pod per node and cannot be scaled");

        JsonNode ops = history();
        assertThat(ops).extracting(o -> o.get("kind").asText() + "=" + o.get("outcome").asText())
                .containsExactly("scale=succeeded", "restart=succeeded");
        assertThat(ops.get(1).get("steps").get(2).get("output").asText()).startsWith("restarted: kubectl.kubernetes.io/restartedAt=");
        assertThat(ops.get(0).get("steps").get(2).get("output").asText()).endsWith("-> 3");
    }
}
