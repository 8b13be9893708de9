package dev.wheelhouse.core.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.WorkloadKind;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TemplateDiffTest {
    @Test
    void linesAreGroupedImagesFirstThenEnvResourcesProbesAndOther() {
        TemplateFields now = new TemplateFields(Map.of(
                "container/app/image", "shop/app:1.2",
                "container/app/env/LOG_LEVEL", "debug",
                "container/app/env/OLD", "x",
                "container/app/resources/limits/cpu", "500m",
                "container/app/readinessProbe", "{\"httpGet\":{\"path\":\"/ready\"}}",
                "labels/app", "app"));
        TemplateFields target = new TemplateFields(Map.of(
                "container/app/image", "shop/app:1.1",
                "container/app/env/LOG_LEVEL", "info",
                "container/app/resources/limits/cpu", "1",
                "container/app/readinessProbe", "{\"httpGet\":{\"path\":\"/health\"}}",
                "labels/app", "app",
                "annotations/team", "shop"));

        var lines = TemplateDiff.between(now, target);

        assertThat(lines).extracting(TemplateDiff.Line::describe).containsExactly(
                "~ container/app/image: shop/app:1.2 -> shop/app:1.1",
                "~ container/app/env/LOG_LEVEL: debug -> info",
                "- container/app/env/OLD: x",
                "~ container/app/resources/limits/cpu: 500m -> 1",
                "~ container/app/readinessProbe: {\"httpGet\":{\"path\":\"/ready\"}} -> {\"httpGet\":{\"path\":\"/health\"}}",
                "+ annotations/team: shop");
        assertThat(TemplateDiff.between(now, now)).isEmpty();
    }

    @Test
    void imagesReadTheVersionOfTheApplicationsContainer() {
        var images = java.util.List.of("sidecar=envoy:1.30", "app=registry:5000/shop/app:2.4.1");
        assertThat(Images.of(images, "app")).isEqualTo("registry:5000/shop/app:2.4.1");
        assertThat(Images.version(Images.of(images, "app"))).isEqualTo("2.4.1");
        assertThat(Images.of(images, null)).isEqualTo("envoy:1.30");
        assertThat(Images.version("registry:5000/shop/app")).isEqualTo("registry:5000/shop/app");
        assertThat(Images.version("shop/app@sha256:abc")).isEqualTo("sha256:abc");
    }

    @Test
    void aJournalNameReadsBackIntoTheWorkloadEvenWithSlashesInTheContext() {
        WorkloadRef ref = new WorkloadRef("arn:aws:eks:eu-west-1:1:cluster/prod", "shop", WorkloadKind.STATEFULSET, "db");
        assertThat(WorkloadRef.parseJournalName(ref.journalName())).contains(ref);
        assertThat(WorkloadRef.parseJournalName("deployment/billing")).isEmpty();
        assertThat(WorkloadRef.parseJournalName("ctx/ns/Pod/x")).isEmpty();
        assertThat(LockKey.forApplication(ref, "Orders DB").name()).isEqualTo("wheelhouse-orders-db");
    }
}
