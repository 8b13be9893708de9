package dev.wheelhouse.kube;

import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.Map;

/** Small realistic objects for the integration tests. */
final class TestObjects {
    private TestObjects() {}

    static Pod runningPod(String ns, String name, String image, String node) {
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(ns).withLabels(Map.of("app", "web"))
                .withCreationTimestamp("2026-01-01T10:00:00Z").endMetadata()
                .withNewSpec().withNodeName(node)
                .withContainers(new ContainerBuilder().withName("web").withImage(image)
                        .withNewResources()
                        .withRequests(Map.of("cpu", new Quantity("250m"), "memory", new Quantity("256Mi")))
                        .withLimits(Map.of("cpu", new Quantity("500m"), "memory", new Quantity("512Mi")))
                        .endResources().build())
                .endSpec()
                .withNewStatus().withPhase("Running").withPodIP("10.1.0.7")
                .addNewContainerStatus().withName("web").withImage(image).withReady(true).withRestartCount(0)
                .withNewState().withNewRunning().withStartedAt("2026-01-01T10:00:05Z").endRunning().endState()
                .endContainerStatus()
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .endStatus()
                .build();
    }
}
