package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReview;
import io.fabric8.kubernetes.api.model.authorization.v1.SelfSubjectAccessReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's deny rules as clients meet them: Fabric8 and kubectl get the API server's 403
 * for lists, gets, watches and patches the rules cover, SelfSubjectAccessReviews agree with the
 * rules, and rules changed at run time apply to the next request and end the watches they cover.
 */
class DenialsIT {
    @TempDir
    static Path dir;
    private static Sandbox sandbox;
    private static Path kubeconfig;

    @BeforeAll
    static void start() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0)
                .withDenied(Denial.of("list,watch", "pods", "shop-prod"), Denial.of("patch", "deployments.apps", "shop-prod")));
        kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
    }

    @AfterAll
    static void stop() {
        sandbox.close();
    }

    @AfterEach
    void restoreRules() {
        sandbox.denied(sandbox.options().denied());
    }

    @Test
    void aDeniedListIsTheApiServers403AndTheRestIsServed() {
        KubernetesClient client = sandbox.client();
        assertThatThrownBy(() -> client.pods().inNamespace("shop-prod").list())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(403);
                    assertThat(e.getStatus().getReason()).isEqualTo("Forbidden");
                    assertThat(e.getStatus().getMessage()).isEqualTo("pods is forbidden: User \"wheelhouse-sandbox\" cannot list"
                            + " resource \"pods\" in API group \"\" in the namespace \"shop-prod\"");
                    assertThat(e.getStatus().getDetails().getKind()).isEqualTo("pods");
                });
        assertThatThrownBy(() -> client.pods().inAnyNamespace().list())
                .as("across all namespaces needs a cluster-wide grant")
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .endsWith("cannot list resource \"pods\" in API group \"\" at the cluster scope"));
        assertThat(client.pods().inNamespace("shop-dev").list().getItems()).isNotEmpty();
        assertThat(client.apps().deployments().inNamespace("shop-prod").list().getItems()).isNotEmpty();
        String pod = client.pods().inNamespace("shop-dev").list().getItems().getFirst().getMetadata().getName();
        assertThat(client.pods().inNamespace("shop-dev").withName(pod).get()).isNotNull();

        assertThatThrownBy(() -> client.apps().deployments().inNamespace("shop-prod").withName("storefront")
                .edit(d -> {
                    d.getMetadata().getLabels().put("touched", "yes");
                    return d;
                }))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getStatus().getMessage())
                        .isEqualTo("deployments.apps \"storefront\" is forbidden: User \"wheelhouse-sandbox\" cannot patch"
                                + " resource \"deployments\" in API group \"apps\" in the namespace \"shop-prod\""));
        assertThat(client.apps().deployments().inNamespace("shop-prod").withName("storefront").get().getMetadata().getLabels())
                .doesNotContainKey("touched");
    }

    @Test
    void aDeniedWatchIsRefusedAndAWatchARuleComesToCoverIsEnded() throws Exception {
        KubernetesClient client = sandbox.client();
        assertThatThrownBy(() -> client.pods().inNamespace("shop-prod").watch(new Watcher<>() {
            @Override
            public void eventReceived(Action action, Pod resource) {
                // nothing arrives
            }

            @Override
            public void onClose(WatcherException cause) {
                // not opened
            }
        })).isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));

        try (SharedIndexInformer<Pod> informer = client.pods().inNamespace("shop-staging").inform()) {
            await().atMost(Duration.ofSeconds(10)).until(() -> informer.hasSynced() && informer.isWatching());
            sandbox.denied(List.of(Denial.of("*", "pods", "shop-staging")));
            await().atMost(Duration.ofSeconds(10)).until(() -> !informer.isWatching());
            assertThatThrownBy(() -> client.pods().inNamespace("shop-staging").list())
                    .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(403));
            assertThat(client.pods().inNamespace("shop-prod").list().getItems()).as("the earlier rules were replaced").isNotEmpty();
        }
    }

    @Test
    void accessReviewsAnswerFromTheSameRules() {
        assertThat(review("list", "", "pods", "", "shop-prod").getStatus().getAllowed()).isFalse();
        assertThat(review("list", "", "pods", "", "shop-prod").getStatus().getReason()).contains("deny list,watch pods in shop-prod");
        assertThat(review("list", "", "pods", "", "shop-dev").getStatus().getAllowed()).isTrue();
        assertThat(review("patch", "apps", "deployments", "", "shop-prod").getStatus().getAllowed()).isFalse();
        assertThat(review("patch", "apps", "deployments", "scale", "shop-prod").getStatus().getAllowed()).isTrue();
        assertThat(review("get", "", "nodes", "", "").getStatus().getAllowed()).isTrue();

        sandbox.denied(List.of(Denial.of("patch", "deployments.apps/scale", null)));
        assertThat(review("patch", "apps", "deployments", "", "shop-prod").getStatus().getAllowed()).isTrue();
        assertThat(review("patch", "apps", "deployments", "scale", "shop-dev").getStatus().getAllowed()).isFalse();
    }

    private static SelfSubjectAccessReview review(String verb, String group, String resource, String sub, String namespace) {
        return sandbox.client().authorization().v1().selfSubjectAccessReview().create(new SelfSubjectAccessReviewBuilder()
                .withNewSpec().withNewResourceAttributes().withVerb(verb).withGroup(group).withResource(resource)
                .withSubresource(sub.isEmpty() ? null : sub).withNamespace(namespace.isEmpty() ? null : namespace)
                .endResourceAttributes().endSpec().build());
    }

    @Test
    void kubectlMeetsTheSameRules() {
        KubectlIT.Run get = KubectlIT.kubectl(kubeconfig, dir, "get", "pods", "-n", "shop-prod");
        assertThat(get.exit()).isEqualTo(1);
        assertThat(get.err()).contains("Error from server (Forbidden): pods is forbidden: User \"wheelhouse-sandbox\" cannot list"
                + " resource \"pods\" in API group \"\" in the namespace \"shop-prod\"");
        KubectlIT.Run canI = KubectlIT.kubectl(kubeconfig, dir, "auth", "can-i", "patch", "deployments", "-n", "shop-prod");
        assertThat(canI.out().strip()).as(canI.err()).isEqualTo("no - the practice sandbox denies this (deny patch deployments.apps in shop-prod)");
        assertThat(canI.exit()).isEqualTo(1);
        KubectlIT.Run canIDev = KubectlIT.kubectl(kubeconfig, dir, "auth", "can-i", "patch", "deployments", "-n", "shop-dev");
        assertThat(canIDev.out().strip()).isEqualTo("yes");
        assertThat(KubectlIT.kubectl(kubeconfig, dir, "get", "deployments", "-n", "shop-prod").ok().out()).contains("storefront");
    }
}
