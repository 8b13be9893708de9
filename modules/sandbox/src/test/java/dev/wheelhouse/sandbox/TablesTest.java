package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TablesTest {
    @Test
    void agesAreWrittenAsKubectlWritesThem() {
        assertThat(Tables.humanDuration(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(Tables.humanDuration(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(Tables.humanDuration(Duration.ofSeconds(185))).isEqualTo("3m5s");
        assertThat(Tables.humanDuration(Duration.ofMinutes(95))).isEqualTo("95m");
        assertThat(Tables.humanDuration(Duration.ofMinutes(200))).isEqualTo("3h20m");
        assertThat(Tables.humanDuration(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(Tables.humanDuration(Duration.ofHours(50))).isEqualTo("2d2h");
        assertThat(Tables.humanDuration(Duration.ofDays(40))).isEqualTo("40d");
        assertThat(Tables.humanDuration(Duration.ofDays(800))).isEqualTo("2y70d");
    }

    @Test
    void aCrashLoopingPodShowsItsReasonAndRestarts() {
        Harness h = new Harness();
        h.setImage("shop-dev", "checkout", "registry.sandbox.local/shop/checkout:3.4.0-broken");
        h.advance(Duration.ofSeconds(5));
        Tables tables = new Tables(h.clock);
        MockResponse r = tables.render(ApiPath.parse("/api/v1/namespaces/shop-dev/pods?labelSelector=app%3Dcheckout").orElseThrow(), h.store);
        JsonNode table = Json.parse(r.getBody().readUtf8());
        assertThat(table.path("kind").asString()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").get(0).path("name").asString()).isEqualTo("Name");
        JsonNode broken = null;
        for (JsonNode row : table.path("rows")) {
            if (row.path("cells").get(2).asString().equals("CrashLoopBackOff")) {
                broken = row;
            }
        }
        assertThat(broken).as("a row with STATUS CrashLoopBackOff in %s", table).isNotNull();
        assertThat(broken.path("cells").get(1).asString()).isEqualTo("0/1");
        assertThat(broken.path("cells").get(3).asString()).matches("\\d+ \\(\\d+s ago\\)");
        assertThat(broken.path("object").path("kind").asString()).isEqualTo("PartialObjectMetadata");
        assertThat(broken.path("object").path("metadata").path("namespace").asString()).isEqualTo("shop-dev");
    }
}
