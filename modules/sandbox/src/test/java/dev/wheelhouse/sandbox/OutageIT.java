package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The sandbox going away and coming back on the same port with the same cluster, and the
 * metrics API withdrawn: what clients see, and that an informer recovers on its own.
 */
class OutageIT {
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
    }

    @Test
    void whilePausedThePortIsClosedAndAfterwardsAnInformerSeesTheChangeMadeMeanwhile() throws Exception {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withRolloutStepMillis(100));
        KubernetesClient client = sandbox.client();
        URI url = sandbox.url();
        try (SharedIndexInformer<Deployment> informer = client.apps().deployments().inNamespace("shop-dev").inform()) {
            await().atMost(Duration.ofSeconds(10)).until(informer::hasSynced);
            assertThat(replicas(informer, "catalog")).isEqualTo(1);

            sandbox.pauseServing();
            assertThat(sandbox.serving()).isFalse();
            assertThatThrownBy(() -> HttpClient.newHttpClient().send(HttpRequest.newBuilder(url.resolve("/version"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString()))
                    .isInstanceOf(ConnectException.class);
            assertThatThrownBy(() -> client.apps().deployments().inNamespace("shop-dev").list())
                    .isInstanceOf(KubernetesClientException.class);

            Sandbox.Reply scaled = sandbox.call("PATCH", "/apis/apps/v1/namespaces/shop-dev/deployments/catalog",
                    "application/merge-patch+json", "{\"spec\":{\"replicas\":4}}");
            assertThat(scaled.code()).as(scaled.body()).isEqualTo(200);
            assertThat(replicas(informer, "catalog")).as("nothing reaches the informer while the port is closed").isEqualTo(1);

            sandbox.resumeServing();
            assertThat(sandbox.serving()).isTrue();
            assertThat(sandbox.url()).isEqualTo(url);
            await().atMost(Duration.ofSeconds(20)).until(() -> replicas(informer, "catalog") == 4);
            assertThat(client.apps().deployments().inNamespace("shop-dev").withName("catalog").get().getSpec().getReplicas())
                    .isEqualTo(4);
            await().atMost(Duration.ofSeconds(10)).until(() -> client.pods().inNamespace("shop-dev")
                    .withLabel("app", "catalog").list().getItems().size() == 4);
        }
    }

    private static int replicas(SharedIndexInformer<Deployment> informer, String name) {
        return informer.getStore().getByKey("shop-dev/" + name).getSpec().getReplicas();
    }

    @Test
    void pausingTwiceOrResumingWhileServingChangesNothing() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0));
        sandbox.resumeServing();
        assertThat(sandbox.client().namespaces().list().getItems()).isNotEmpty();
        sandbox.pauseServing();
        sandbox.pauseServing();
        sandbox.resumeServing();
        assertThat(sandbox.client().namespaces().list().getItems()).isNotEmpty();
        sandbox.close();
        assertThatThrownBy(sandbox::resumeServing).isInstanceOf(IllegalStateException.class).hasMessage("the sandbox is closed");
        sandbox = null;
    }

    @Test
    void withoutTheMetricsApiTheSandboxAnswersAsAClusterWithoutMetricsServer() throws IOException {
        sandbox = Sandbox.start(SandboxOptions.defaults().withChurnPerSecond(0).withMetricsApi(false));
        KubernetesClient client = sandbox.client();
        assertThatThrownBy(() -> client.top().pods().metrics("shop-dev"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(e.getCode()).isEqualTo(404));
        assertThat(sandbox.call("GET", "/apis", null, null).body()).doesNotContain("metrics.k8s.io");
        assertThat(sandbox.call("GET", "/apis/metrics.k8s.io/v1beta1", null, null).code()).isEqualTo(404);

        sandbox.metricsApi(true);
        assertThat(client.top().pods().metrics("shop-dev").getItems()).isNotEmpty();
        assertThat(sandbox.call("GET", "/apis", null, null).body()).contains("metrics.k8s.io");
    }
}
