package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** The indexed store: what it adds to the mock, and that its index never drifts from the mock's map. */
class ApiStoreTest {
    private final Harness h = new Harness();

    private JsonNode get(String path) {
        MockResponse r = h.store.handleGet(path);
        assertThat(r.code()).as("GET %s", path).isEqualTo(200);
        return Json.parse(r.getBody().readUtf8());
    }

    private static List<String> names(JsonNode list) {
        List<String> out = new ArrayList<>();
        list.path("items").forEach(i -> out.add(i.path("metadata").path("namespace").asString("") + "/" + i.path("metadata").path("name").asString()));
        return out;
    }

    @Test
    void listsAreTypedAndSortedByNamespaceThenName() {
        JsonNode list = get("/apis/apps/v1/deployments");
        assertThat(list.path("kind").asString()).isEqualTo("DeploymentList");
        assertThat(list.path("apiVersion").asString()).isEqualTo("apps/v1");
        assertThat(list.path("metadata").path("resourceVersion").asString()).isNotEmpty();
        assertThat(names(list)).hasSize(12).isSorted().startsWith("shop-dev/catalog");
        assertThat(names(get("/api/v1/namespaces/shop-prod/pods"))).allMatch(n -> n.startsWith("shop-prod/"));
        assertThat(get("/api/v1/nodes").path("kind").asString()).isEqualTo("NodeList");
    }

    @Test
    void labelAndFieldSelectorsFilterLists() {
        assertThat(names(get("/apis/apps/v1/namespaces/shop-prod/replicasets?labelSelector=app%20in%20(catalog,payments)")))
                .hasSize(6).allMatch(n -> n.contains("catalog") || n.contains("payments"));
        assertThat(names(get("/api/v1/pods?labelSelector=app%3Dorders-db,!missing&fieldSelector=spec.nodeName%3Dsandbox-node-4")))
                .hasSize(4);
        assertThat(names(get("/api/v1/pods?fieldSelector=spec.nodeName%3Dsandbox-node-1,status.phase%3DRunning")))
                .isNotEmpty().noneMatch(n -> n.contains("orders-db"));
        assertThat(names(get("/apis/apps/v1/namespaces/shop-dev/deployments?fieldSelector=metadata.name%3Dcheckout")))
                .containsExactly("shop-dev/checkout");
        assertThat(h.store.handleGet("/api/v1/pods?labelSelector=app%20in%20storefront").code()).isEqualTo(400);
    }

    @Test
    void aMissingObjectIsANotFoundStatusAsTheApiServerWritesIt() {
        MockResponse r = h.store.handleGet("/apis/apps/v1/namespaces/shop-dev/deployments/nope");
        assertThat(r.code()).isEqualTo(404);
        JsonNode status = Json.parse(r.getBody().readUtf8());
        assertThat(status.path("kind").asString()).isEqualTo("Status");
        assertThat(status.path("reason").asString()).isEqualTo("NotFound");
        assertThat(status.path("message").asString()).isEqualTo("deployments.apps \"nope\" not found");
    }

    @Test
    void mainPathWritesKeepTheStatusAndOnlySpecChangesBumpTheGeneration() {
        String path = Resources.DEPLOYMENTS.path("shop-dev", "catalog");
        JsonNode before = get(path);
        long generation = before.path("metadata").path("generation").asLong();
        MockResponse r = h.mergePatch(Resources.DEPLOYMENTS, "shop-dev", "catalog",
                "{\"metadata\":{\"labels\":{\"team\":\"search\"}},\"status\":{\"replicas\":99}}");
        assertThat(r.code()).isEqualTo(200);
        JsonNode labelled = get(path);
        assertThat(labelled.path("metadata").path("labels").path("team").asString()).isEqualTo("search");
        assertThat(labelled.path("status").path("replicas").asInt()).as("status kept").isEqualTo(1);
        assertThat(labelled.path("metadata").path("generation").asLong()).isEqualTo(generation);

        h.mergePatch(Resources.DEPLOYMENTS, "shop-dev", "catalog", "{\"spec\":{\"minReadySeconds\":2}}");
        assertThat(get(path).path("metadata").path("generation").asLong()).isEqualTo(generation + 1);
        assertThat(h.store.indexProblems()).isEmpty();
    }

    @Test
    void aStatusWriteChangesOnlyTheStatusAndNeverTheGeneration() {
        String path = Resources.DEPLOYMENTS.path("shop-dev", "payments");
        JsonNode before = get(path);
        ObjectNode body = (ObjectNode) before.deepCopy();
        ((ObjectNode) body.get("spec")).put("replicas", 7);
        ((ObjectNode) body.get("status")).put("observedGeneration", 42);
        assertThat(h.store.updateStatus(Resources.DEPLOYMENTS, "shop-dev", "payments", Json.write(body)).ok()).isTrue();
        JsonNode after = get(path);
        assertThat(after.path("status").path("observedGeneration").asLong()).isEqualTo(42);
        assertThat(after.path("spec").path("replicas").asInt()).as("spec of a status write ignored").isEqualTo(1);
        assertThat(after.path("metadata").path("generation").asLong()).isEqualTo(before.path("metadata").path("generation").asLong());
        assertThat(after.path("metadata").path("resourceVersion").asLong()).isGreaterThan(before.path("metadata").path("resourceVersion").asLong());
    }

    @Test
    void aStaleResourceVersionIsAConflict() {
        String path = Resources.CONFIGMAPS.path("shop-dev", "shop-settings");
        JsonNode cm = get(path);
        h.mergePatch(Resources.CONFIGMAPS, "shop-dev", "shop-settings", "{\"data\":{\"LOG_LEVEL\":\"warn\"}}");
        MockResponse r = h.request(HttpMethod.PUT, path, "application/json", Json.write(cm));
        assertThat(r.code()).isEqualTo(409);
        assertThat(Json.parse(r.getBody().readUtf8()).path("reason").asString()).isEqualTo("Conflict");
    }

    @Test
    void theIndexFollowsCreatesRelabelsAndDeletes() {
        for (int i = 0; i < 20; i++) {
            h.request(HttpMethod.POST, Resources.CONFIGMAPS.path("shop-dev", null), "application/json",
                    "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"cm-" + i + "\",\"labels\":{\"n\":\"" + i + "\"}},\"data\":{}}");
        }
        for (int i = 0; i < 20; i += 2) {
            h.mergePatch(Resources.CONFIGMAPS, "shop-dev", "cm-" + i, "{\"metadata\":{\"labels\":{\"n\":\"x" + i + "\",\"even\":\"yes\"}}}");
        }
        for (int i = 0; i < 20; i += 5) {
            assertThat(h.request(HttpMethod.DELETE, Resources.CONFIGMAPS.path("shop-dev", "cm-" + i), null, null).code()).isEqualTo(200);
        }
        assertThat(names(get("/api/v1/namespaces/shop-dev/configmaps?labelSelector=even"))).hasSize(8);
        assertThat(h.store.handleGet(Resources.CONFIGMAPS.path("shop-dev", "cm-5")).code()).isEqualTo(404);
        assertThat(h.store.indexProblems()).isEmpty();
    }

    @Test
    void aPlainWatchAnswersWithTheChangesSinceItsVersionOrABookmarkAfterAPause() {
        long rv = get("/apis/apps/v1/namespaces/shop-dev/deployments?fieldSelector=metadata.name%3Dpayments")
                .path("metadata").path("resourceVersion").asLong();
        ApiPath quiet = ApiPath.parse("/apis/apps/v1/namespaces/shop-dev/deployments?fieldSelector=metadata.name%3Dpayments"
                + "&resourceVersion=" + rv + "&watch=true&allowWatchBookmarks=true").orElseThrow();
        MockResponse nothing = h.store.plainWatch(quiet);
        assertThat(nothing.getBodyDelay()).isEqualTo(ApiStore.QUIET_WATCH_DELAY);
        assertThat(nothing.getBody().readUtf8()).contains("\"type\":\"BOOKMARK\"").contains("\"kind\":\"Deployment\"");

        h.mergePatch(Resources.DEPLOYMENTS, "shop-dev", "payments", "{\"spec\":{\"replicas\":2}}");
        h.mergePatch(Resources.DEPLOYMENTS, "shop-dev", "checkout", "{\"spec\":{\"replicas\":2}}");
        MockResponse events = h.store.plainWatch(quiet);
        assertThat(events.getBodyDelay()).isNull();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : events.getBody().readUtf8().split("\n")) {
            lines.add(Json.parse(line));
        }
        assertThat(lines).isNotEmpty().allSatisfy(e -> {
            assertThat(e.path("type").asString()).isEqualTo("MODIFIED");
            assertThat(e.path("object").path("metadata").path("name").asString()).isEqualTo("payments");
            assertThat(e.path("object").path("metadata").path("resourceVersion").asLong()).isGreaterThan(rv);
        });
        assertThat(lines.getLast().path("object").path("spec").path("replicas").asInt()).isEqualTo(2);
    }

    @Test
    void theScaleSubresourceIsAnAutoscalingV1Scale() {
        ApiPath p = ApiPath.parse(Resources.DEPLOYMENTS.path("shop-prod", "catalog") + "/scale").orElseThrow();
        JsonNode scale = Json.parse(h.store.scale(p, request(HttpMethod.GET, null, null)).getBody().readUtf8());
        assertThat(scale.path("apiVersion").asString()).isEqualTo("autoscaling/v1");
        assertThat(scale.path("kind").asString()).isEqualTo("Scale");
        assertThat(scale.path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(scale.path("status").path("selector").asString()).isEqualTo("app=catalog");

        MockResponse patched = h.store.scale(p, request(HttpMethod.PATCH, "application/merge-patch+json", "{\"spec\":{\"replicas\":5}}"));
        assertThat(patched.code()).isEqualTo(200);
        assertThat(Json.parse(patched.getBody().readUtf8()).path("spec").path("replicas").asInt()).isEqualTo(5);
        assertThat(h.deployment("shop-prod", "catalog").getSpec().getReplicas()).isEqualTo(5);

        MockResponse stale = h.store.scale(p, request(HttpMethod.PUT, "application/json",
                "{\"metadata\":{\"resourceVersion\":\"1\"},\"spec\":{\"replicas\":1}}"));
        assertThat(stale.code()).isEqualTo(409);
    }

    private static RecordedRequest request(HttpMethod method, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        return new RecordedRequest("HTTP/1.1", method, "/", headers.build(),
                new Buffer(body == null ? null : body.getBytes(StandardCharsets.UTF_8)));
    }
}
