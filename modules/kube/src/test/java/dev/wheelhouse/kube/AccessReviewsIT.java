package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.AccessDecision;
import dev.wheelhouse.core.cluster.AccessDecision.Verdict;
import io.fabric8.kubernetes.api.model.authorization.v1.ResourceAttributes;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** "May I?" through SelfSubjectAccessReview against an API server that answers them. */
class AccessReviewsIT {
    @TempDir
    Path dir;

    MockCluster cluster;
    Fabric8ClusterGateway gateway;
    final List<ResourceAttributes> asked = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        cluster = MockCluster.start();
        cluster.allow(a -> {
            asked.add(a);
            return a.getVerb().equals("get") || (a.getVerb().equals("patch") && "dev".equals(a.getNamespace()));
        });
        gateway = new Fabric8ClusterGateway(cluster.writeKubeconfig(dir, "mock"),
                KubeOptions.DEFAULTS.withAccessCacheTtl(Duration.ofMillis(300)), Clock.systemUTC());
    }

    @AfterEach
    void stop() {
        gateway.close();
        cluster.close();
    }

    @Test
    void allowedAndDeniedWithTheReasonAndTheRightResourceAttributes() {
        AccessDecision patch = gateway.canI("mock", "patch", "deployments", "dev");
        assertThat(patch.verdict()).isEqualTo(Verdict.ALLOWED);
        assertThat(patch.allowed()).isTrue();
        assertThat(patch.reason()).isEqualTo(
                "allowed to patch deployments in dev (context mock): RBAC: allowed by RoleBinding \"dev-edit/dev\"");
        assertThat(asked.getLast().getGroup()).isEqualTo("apps");
        assertThat(asked.getLast().getResource()).isEqualTo("deployments");
        assertThat(asked.getLast().getSubresource()).isNull();

        AccessDecision delete = gateway.canI("mock", "delete", "pods", "dev");
        assertThat(delete.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(delete.reason()).isEqualTo("you may not delete pods in dev (context mock)");
        assertThat(asked.getLast().getGroup()).isEmpty();

        AccessDecision scaleProd = gateway.canI("mock", "patch", "deployments.apps/scale", "prod");
        assertThat(scaleProd.verdict()).isEqualTo(Verdict.DENIED);
        assertThat(scaleProd.reason()).isEqualTo("you may not patch deployments.apps/scale in prod (context mock)");
        assertThat(asked.getLast().getSubresource()).isEqualTo("scale");
        assertThat(asked.getLast().getNamespace()).isEqualTo("prod");

        AccessDecision nodes = gateway.canI("mock", "get", "nodes", null);
        assertThat(nodes.allowed()).isTrue();
        assertThat(asked.getLast().getNamespace()).isNull();
    }

    @Test
    void answersAreReusedForAShortWhile() throws Exception {
        gateway.canI("mock", "patch", "deployments", "dev");
        gateway.canI("mock", "patch", "deployments", "dev");
        gateway.canI("mock", "patch", "deployments.apps", "dev");
        assertThat(cluster.accessReviews()).isEqualTo(1);
        gateway.canI("mock", "patch", "deployments", "staging");
        assertThat(cluster.accessReviews()).isEqualTo(2);
        Thread.sleep(400);
        gateway.canI("mock", "patch", "deployments", "dev");
        assertThat(cluster.accessReviews()).isEqualTo(3);
    }

    @Test
    void whenTheQuestionCannotBeAskedTheAnswerIsUnknownWithWhy() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (Fabric8ClusterGateway gone = new Fabric8ClusterGateway(
                MockCluster.writeKubeconfig(dir, "gone", "http://127.0.0.1:" + closedPort), KubeOptions.DEFAULTS, Clock.systemUTC())) {
            AccessDecision d = gone.canI("gone", "delete", "pods", "dev");
            assertThat(d.verdict()).isEqualTo(Verdict.UNKNOWN);
            assertThat(d.allowed()).isFalse();
            assertThat(d.reason()).isEqualTo("cannot check whether you may delete pods in dev (context gone): connection refused");
            AccessDecision unknownContext = gone.canI("nope", "delete", "pods", "dev");
            assertThat(unknownContext.reason()).startsWith("kubeconfig ").endsWith("has no context 'nope' (it has: gone)");
        }
    }
}
