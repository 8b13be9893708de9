package dev.wheelhouse.kube;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.kube.render.Fixtures;
import dev.wheelhouse.kube.render.Related;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ManagedFieldsEntryBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Quantity;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Trimmed objects render exactly as whole ones, and the trimmed parts are gone. */
class TrimTest {
    @Test
    void everyFixtureRendersTheSameRowTrimmed() {
        Related related = Fixtures.shopDev();
        for (ResourceKind<?> kind : ResourceKinds.ALL) {
            List<? extends HasMetadata> whole = Fixtures.load(kind.info().plural() + ".json", kind.type());
            List<? extends HasMetadata> trimmed = Fixtures.load(kind.info().plural() + ".json", kind.type());
            assertThat(whole).as(kind.kind()).isNotEmpty();
            for (int i = 0; i < whole.size(); i++) {
                Trim.trim(trimmed.get(i));
                ResourceRow expected = kind.render(whole.get(i), related);
                assertThat(kind.render(trimmed.get(i), related)).as("%s %s", kind.kind(), expected.name()).isEqualTo(expected);
            }
        }
    }

    @Test
    void podsKeepWhatTheInventoryCountsAndLoseTheRest() {
        List<Pod> whole = Fixtures.load("pods.json", Pod.class);
        List<Pod> trimmed = Fixtures.load("pods.json", Pod.class);
        for (int i = 0; i < whole.size(); i++) {
            Pod pod = trimmed.get(i);
            pod.getMetadata().setManagedFields(List.of(new ManagedFieldsEntryBuilder().withManager("kubectl").build()));
            pod.getMetadata().setAnnotations(Map.of(Trim.LAST_APPLIED, "{\"big\":true}", "keep", "me"));
            for (Container c : pod.getSpec().getContainers()) {
                c.setEnv(List.of(new io.fabric8.kubernetes.api.model.EnvVar("SHOP_ENV", "dev", null)));
                c.setPorts(List.of(new io.fabric8.kubernetes.api.model.ContainerPortBuilder().withContainerPort(8080).build()));
                c.setReadinessProbe(new io.fabric8.kubernetes.api.model.ProbeBuilder().withPeriodSeconds(10).build());
            }
            pod.getSpec().setVolumes(List.of(new io.fabric8.kubernetes.api.model.VolumeBuilder().withName("data").build()));
            Trim.trim(pod);

            for (var pick : List.<java.util.function.Function<io.fabric8.kubernetes.api.model.ResourceRequirements, Map<String, Quantity>>>of(
                    r -> r == null ? null : r.getRequests(), r -> r == null ? null : r.getLimits())) {
                assertThat(InventoryBuilder.podResources(pod, pick)).isEqualTo(InventoryBuilder.podResources(whole.get(i), pick));
            }
            assertThat(pod.getMetadata().getManagedFields()).isNull();
            assertThat(pod.getMetadata().getAnnotations()).containsExactly(Map.entry("keep", "me"));
            assertThat(pod.getMetadata().getLabels()).isEqualTo(whole.get(i).getMetadata().getLabels());
            assertThat(pod.getSpec().getVolumes()).isNull();
            for (Container c : pod.getSpec().getContainers()) {
                assertThat(c.getEnv()).isNull();
                assertThat(c.getPorts()).isNull();
                assertThat(c.getReadinessProbe()).isNull();
                assertThat(c.getImage()).isNotEmpty();
            }
        }
    }
}
