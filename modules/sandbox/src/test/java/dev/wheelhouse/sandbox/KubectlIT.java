package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

/**
 * The real kubectl against a running sandbox, through the kubeconfig it writes: what kubectl can
 * tell about a cluster it must find as a real cluster would show it. Each test works on its own
 * Deployment, so the order of the tests does not matter.
 */
class KubectlIT {
    private static final String KUBECTL = System.getProperty("wheelhouse.kubectl", "/usr/bin/kubectl");
    private static final long TIMEOUT_SECONDS = 90;

    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static Path kubeconfig;

    record Run(int exit, String out, String err) {
        Run ok() {
            assertThat(exit).as("kubectl exit code (stderr: %s)", err).isZero();
            return this;
        }
    }

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults()
                .withRolloutStepMillis(150)
                .withProgressDeadlineSeconds(4)
                .withChurnPerSecond(2)
                .withMetricsIntervalMillis(500));
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    static Run kubectl(String... args) {
        return kubectl(kubeconfig, dir, args);
    }

    /** kubectl with a kubeconfig, and a HOME of its own: no discovery cache from another run, no user kubeconfig. */
    static Run kubectl(Path kubeconfig, Path home, String... args) {
        List<String> command = new ArrayList<>(List.of(KUBECTL, "--kubeconfig", kubeconfig.toString()));
        Collections.addAll(command, args);
        ProcessBuilder pb = new ProcessBuilder(command);
        pb.environment().put("HOME", home.toString());
        pb.environment().remove("KUBECONFIG");
        try {
            Process p = pb.start();
            CompletableFuture<String> out = CompletableFuture.supplyAsync(() -> read(p.getInputStream()));
            CompletableFuture<String> err = CompletableFuture.supplyAsync(() -> read(p.getErrorStream()));
            if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish in " + TIMEOUT_SECONDS + " s");
            }
            return new Run(p.exitValue(), out.join(), err.join());
        } catch (IOException e) {
            throw new AssertionError("cannot run " + KUBECTL + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    private static String read(java.io.InputStream in) {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";
        }
    }

    /** `rollout history` as revision -> change-cause. */
    static Map<Integer, String> history(String namespace, String resource) {
        Run run = kubectl("rollout", "history", resource, "-n", namespace).ok();
        Map<Integer, String> out = new LinkedHashMap<>();
        for (String line : run.out().split("\n")) {
            String[] parts = line.trim().split("\\s+", 2);
            if (parts.length == 2 && parts[0].matches("\\d+")) {
                out.put(Integer.parseInt(parts[0]), parts[1]);
            }
        }
        return out;
    }

    static String image(String namespace, String resource) {
        return kubectl("get", resource, "-n", namespace, "-o", "jsonpath={.spec.template.spec.containers[0].image}").ok().out();
    }

    static Run setImageByJsonPatch(String namespace, String deployment, String image, String changeCause) {
        return kubectl("patch", "deployment/" + deployment, "-n", namespace, "--type=json", "-p",
                "[{\"op\":\"replace\",\"path\":\"/spec/template/spec/containers/0/image\",\"value\":\"" + image + "\"},"
                + "{\"op\":\"add\",\"path\":\"/metadata/annotations/kubernetes.io~1change-cause\",\"value\":\"" + changeCause + "\"}]");
    }

    @Test
    void getListsEveryKindAcrossNamespacesAsJsonAndTheNodes() {
        Run run = kubectl("get", "deploy,rs,pods,svc,ing,pv,pvc,events", "-A", "-o", "json").ok();
        JsonNode list = Json.parse(run.out());
        List<String> kinds = new ArrayList<>();
        list.path("items").forEach(i -> {
            if (!kinds.contains(i.path("kind").asString())) {
                kinds.add(i.path("kind").asString());
            }
        });
        assertThat(kinds).contains("Deployment", "ReplicaSet", "Pod", "Service", "Ingress", "PersistentVolume",
                "PersistentVolumeClaim", "Event");
        assertThat(kubectl("get", "nodes").ok().out()).contains("sandbox-node-1", "sandbox-node-4").contains("Ready").contains("v1.32");
        assertThat(kubectl("get", "ns").ok().out()).contains("shop-dev", "shop-staging", "shop-prod");
        assertThat(kubectl("get", "pods", "-n", "shop-prod").ok().out()).contains("READY", "STATUS", "RESTARTS").contains("Running");
        assertThat(kubectl("get", "pvc", "-A").ok().out()).contains("Pending").contains("Bound");
        assertThat(kubectl("get", "sts,ds,hpa,netpol,sc,ep", "-A").ok().out()).contains("orders-db", "log-shipper", "standard (default)");
    }

    @Test
    void aNewImageByJsonPatchRollsOutAndRolloutStatusSucceeds() {
        setImageByJsonPatch("shop-staging", "storefront", "registry.sandbox.local/shop/storefront:2.0.0", "deploy storefront 2.0.0").ok();
        Run status = kubectl("rollout", "status", "deployment/storefront", "-n", "shop-staging", "--timeout=60s").ok();
        assertThat(status.out()).contains("deployment \"storefront\" successfully rolled out");
        assertThat(status.err()).as("no watch errors").doesNotContain("watch").doesNotContain("error");
        assertThat(image("shop-staging", "deployment/storefront")).isEqualTo("registry.sandbox.local/shop/storefront:2.0.0");
        assertThat(kubectl("get", "rs", "-n", "shop-staging", "-l", "app=storefront").ok().out()).containsPattern("\\s2\\s+2\\s+2\\s");
    }

    @Test
    void historyListsRevisionsWithTheirChangeCauseAndUndoRenumbersAsKubernetesDoes() {
        String ns = "shop-prod";
        Map<Integer, String> seeded = history(ns, "deployment/catalog");
        assertThat(seeded.keySet()).containsExactly(1, 2, 3);
        assertThat(seeded.get(3)).startsWith("deploy catalog 2.4.2");
        String revision3 = image(ns, "deployment/catalog");

        setImageByJsonPatch(ns, "catalog", "registry.sandbox.local/shop/catalog:2.6.0", "deploy catalog 2.6.0").ok();
        kubectl("rollout", "status", "deployment/catalog", "-n", ns, "--timeout=60s").ok();
        assertThat(history(ns, "deployment/catalog")).containsEntry(4, "deploy catalog 2.6.0").containsKeys(1, 2, 3);

        assertThat(kubectl("rollout", "undo", "deployment/catalog", "-n", ns).ok().out()).contains("rolled back");
        kubectl("rollout", "status", "deployment/catalog", "-n", ns, "--timeout=60s").ok();
        assertThat(image(ns, "deployment/catalog")).isEqualTo(revision3);
        Map<Integer, String> afterUndo = history(ns, "deployment/catalog");
        assertThat(afterUndo.keySet()).as("revision 3 became 5").containsExactly(1, 2, 4, 5);
        assertThat(afterUndo.get(5)).startsWith("deploy catalog 2.4.2");

        kubectl("rollout", "undo", "deployment/catalog", "-n", ns, "--to-revision=1").ok();
        kubectl("rollout", "status", "deployment/catalog", "-n", ns, "--timeout=60s").ok();
        assertThat(image(ns, "deployment/catalog")).isEqualTo("registry.sandbox.local/shop/catalog:2.3.1");
        assertThat(history(ns, "deployment/catalog").keySet()).containsExactly(2, 4, 5, 6);
        assertThat(kubectl("get", "rs", "-n", ns, "-l", "app=catalog", "-o",
                "jsonpath={range .items[*]}{.metadata.annotations.deployment\\.kubernetes\\.io/revision-history}{\";\"}{end}").ok().out())
                .contains("3;").contains("1;");
    }

    @Test
    void aBrokenImageMakesRolloutStatusFailWithTheDeadlineMessage() {
        setImageByJsonPatch("shop-dev", "checkout", "registry.sandbox.local/shop/checkout:3.4.0-broken", "deploy a broken build").ok();
        Run status = kubectl("rollout", "status", "deployment/checkout", "-n", "shop-dev", "--timeout=60s");
        assertThat(status.exit()).isNotZero();
        assertThat(status.err()).contains("deployment \"checkout\" exceeded its progress deadline");
        assertThat(kubectl("get", "pods", "-n", "shop-dev", "-l", "app=checkout").ok().out()).contains("CrashLoopBackOff");
        assertThat(kubectl("describe", "deployment/checkout", "-n", "shop-dev").ok().out()).contains("ProgressDeadlineExceeded");
    }

    @Test
    void topAnswersForPodsAndNodes() {
        Run pods = kubectl("top", "pods", "-n", "shop-prod").ok();
        assertThat(pods.out()).contains("CPU(cores)", "MEMORY(bytes)", "orders-db-0").containsPattern("\\d+m\\s+\\d+Mi");
        Run nodes = kubectl("top", "nodes").ok();
        assertThat(nodes.out()).contains("sandbox-node-1", "sandbox-node-4").containsPattern("\\d+%");
        assertThat(kubectl("top", "pods", "-A", "-l", "app=storefront").ok().out()).contains("shop-dev", "shop-prod");
    }

    @Test
    void aMergePatchReplacesArraysAsRfc7386Says() {
        kubectl("patch", "deployment/payments", "-n", "shop-staging", "--type=merge", "-p",
                "{\"spec\":{\"template\":{\"spec\":{\"containers\":[{\"name\":\"payments\",\"image\":\"registry.sandbox.local/shop/payments:2.0.0\"}]}}}}").ok();
        JsonNode d = Json.parse(kubectl("get", "deployment/payments", "-n", "shop-staging", "-o", "json").ok().out());
        JsonNode containers = d.at("/spec/template/spec/containers");
        assertThat(containers.size()).isEqualTo(1);
        assertThat(containers.get(0).has("ports")).as("the list was replaced, not merged").isFalse();
        assertThat(containers.get(0).path("image").asString()).isEqualTo("registry.sandbox.local/shop/payments:2.0.0");
        kubectl("rollout", "status", "deployment/payments", "-n", "shop-staging", "--timeout=60s").ok();
    }

    @Test
    void scaleSetImageRestartPauseAndResumeWork() {
        String ns = "shop-dev";
        assertThat(kubectl("scale", "deployment/storefront", "-n", ns, "--replicas=3").ok().out()).contains("scaled");
        kubectl("rollout", "status", "deployment/storefront", "-n", ns, "--timeout=60s").ok();
        assertThat(kubectl("get", "deployment/storefront", "-n", ns).ok().out()).contains("3/3");
        kubectl("set", "image", "deployment/storefront", "storefront=registry.sandbox.local/shop/storefront:2.1.0", "-n", ns).ok();
        kubectl("rollout", "status", "deployment/storefront", "-n", ns, "--timeout=60s").ok();
        assertThat(image(ns, "deployment/storefront")).isEqualTo("registry.sandbox.local/shop/storefront:2.1.0");
        kubectl("rollout", "restart", "deployment/storefront", "-n", ns).ok();
        kubectl("rollout", "status", "deployment/storefront", "-n", ns, "--timeout=60s").ok();
        kubectl("rollout", "pause", "deployment/storefront", "-n", ns).ok();
        assertThat(kubectl("rollout", "undo", "deployment/storefront", "-n", ns).err()).contains("paused");
        kubectl("rollout", "resume", "deployment/storefront", "-n", ns).ok();
    }

    @Test
    void statefulSetsAndDaemonSetsRollOutAndRollBack() {
        String ns = "shop-staging";
        kubectl("set", "image", "statefulset/orders-db", "postgres=docker.io/library/postgres:17.4", "-n", ns).ok();
        assertThat(kubectl("rollout", "status", "statefulset/orders-db", "-n", ns, "--timeout=60s").ok().out())
                .contains("roll out complete");
        kubectl("rollout", "undo", "statefulset/orders-db", "-n", ns).ok();
        kubectl("rollout", "status", "statefulset/orders-db", "-n", ns, "--timeout=60s").ok();
        assertThat(image(ns, "statefulset/orders-db")).isEqualTo("docker.io/library/postgres:16.6");
        assertThat(history(ns, "statefulset/orders-db").keySet()).containsExactly(1, 2, 3, 5, 6);

        kubectl("set", "image", "daemonset/log-shipper", "fluent-bit=cr.fluentbit.io/fluent/fluent-bit:3.3.0", "-n", ns).ok();
        assertThat(kubectl("rollout", "status", "daemonset/log-shipper", "-n", ns, "--timeout=60s").ok().out())
                .contains("successfully rolled out");
        kubectl("rollout", "undo", "daemonset/log-shipper", "-n", ns).ok();
        kubectl("rollout", "status", "daemonset/log-shipper", "-n", ns, "--timeout=60s").ok();
        assertThat(image(ns, "daemonset/log-shipper")).isEqualTo("cr.fluentbit.io/fluent/fluent-bit:3.1.9");
    }

    @Test
    void logsDescribeAndDeleteWork() throws IOException {
        assertThat(kubectl("logs", "deployment/catalog", "-n", "shop-staging").ok().out()).contains("starting catalog");
        assertThat(kubectl("describe", "node", "sandbox-node-4").ok().out()).contains("dedicated=database:NoSchedule");
        Path manifest = dir.resolve("cm.json");
        Files.writeString(manifest, "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"probe\",\"namespace\":\"shop-dev\"},"
                + "\"data\":{\"a\":\"1\"}}");
        kubectl("create", "-f", manifest.toString(), "--validate=false").ok();
        assertThat(kubectl("get", "configmap", "probe", "-n", "shop-dev", "-o", "jsonpath={.data.a}").ok().out()).isEqualTo("1");
        kubectl("delete", "configmap", "probe", "-n", "shop-dev").ok();
        Run gone = kubectl("get", "configmap", "probe", "-n", "shop-dev");
        assertThat(gone.exit()).isNotZero();
        assertThat(gone.err()).contains("NotFound").contains("configmaps \"probe\" not found");
    }
}
