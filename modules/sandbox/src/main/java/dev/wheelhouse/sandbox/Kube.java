package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.OwnerReference;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Small pieces of Kubernetes' own helpers, with the same rules and names. */
final class Kube {
    static final String REVISION = "deployment.kubernetes.io/revision";
    static final String REVISION_HISTORY = "deployment.kubernetes.io/revision-history";
    static final String DESIRED_REPLICAS = "deployment.kubernetes.io/desired-replicas";
    static final String MAX_REPLICAS = "deployment.kubernetes.io/max-replicas";
    static final String CHANGE_CAUSE = "kubernetes.io/change-cause";
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";
    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    static final String CONTROLLER_REVISION_HASH = "controller-revision-hash";
    /** kubectl and the controller keep revision-history under this many characters. */
    static final int MAX_REVISION_HISTORY_CHARS = 2000;

    private static final String SAFE_ALPHABET = "bcdfghjklmnpqrstvwxz2456789";

    private Kube() {}

    /** RFC 3339 with second precision, as the API server writes times. */
    static String time(Instant t) {
        return t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    static Instant parseTime(String s) {
        return s == null || s.isEmpty() ? Instant.EPOCH : Instant.parse(s);
    }

    /** rand.SafeEncodeString: digits and vowels swapped out so names never spell words. */
    static String safeEncode(String s) {
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            sb.append(SAFE_ALPHABET.charAt(s.charAt(i) % SAFE_ALPHABET.length()));
        }
        return sb.toString();
    }

    /** A random name suffix of n characters from the safe alphabet (pods: 5). */
    static String randomSuffix(RandomGenerator random, int n) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) {
            sb.append(SAFE_ALPHABET.charAt(random.nextInt(SAFE_ALPHABET.length())));
        }
        return sb.toString();
    }

    /** The pod-template-hash of a template: FNV-32a over its normalised JSON, safe-encoded. */
    static String templateHash(JsonNode template, int collisionCount) {
        String canonical = Json.write(canonical(normalise(template)));
        int hash = 0x811c9dc5;
        for (byte b : (canonical + (collisionCount > 0 ? "#" + collisionCount : "")).getBytes(StandardCharsets.UTF_8)) {
            hash ^= (b & 0xff);
            hash *= 0x01000193;
        }
        return safeEncode(Integer.toUnsignedString(hash));
    }

    static String templateHash(PodTemplateSpec template) {
        return templateHash(Json.tree(template), 0);
    }

    /**
     * A template as Kubernetes compares them (apiequality.Semantic.DeepEqual after a round trip
     * through the Go types): without pod-template-hash, nulls, empty maps and lists, and the
     * zero creationTimestamp the Go encoder writes.
     */
    static JsonNode normalise(JsonNode template) {
        JsonNode copy = template.deepCopy();
        if (copy.path("metadata") instanceof ObjectNode meta) {
            meta.remove("creationTimestamp");
            if (meta.path("labels") instanceof ObjectNode labels) {
                labels.remove(POD_TEMPLATE_HASH);
            }
        }
        return dropEmpty(copy);
    }

    /** Equal as the Go types would compare them: absent, null and empty are the same. */
    static boolean sameContent(Object a, Object b) {
        JsonNode ta = a == null ? Json.object() : dropEmpty(Json.node(a));
        JsonNode tb = b == null ? Json.object() : dropEmpty(Json.node(b));
        if (ta.isContainer() && ta.isEmpty() && tb.isContainer() && tb.isEmpty()) {
            return true;
        }
        return sameJson(ta, tb);
    }

    /** Equal as JSON text (so 30 read as an int equals 30 written from a long), keys in any order. */
    static boolean sameJson(JsonNode a, JsonNode b) {
        return Json.write(canonical(a)).equals(Json.write(canonical(b)));
    }

    static boolean equalIgnoringHash(PodTemplateSpec a, PodTemplateSpec b) {
        return sameJson(normalise(Json.tree(a)), normalise(Json.tree(b)));
    }

    private static JsonNode dropEmpty(JsonNode node) {
        if (node instanceof ObjectNode o) {
            List<String> drop = new ArrayList<>();
            o.forEachEntry((k, v) -> {
                dropEmpty(v);
                if (v.isNull() || (v.isContainer() && v.isEmpty())) {
                    drop.add(k);
                }
            });
            drop.forEach(o::remove);
        } else if (node instanceof ArrayNode a) {
            a.forEach(Kube::dropEmpty);
        }
        return node;
    }

    /** Object keys sorted, recursively, like Go's json.Marshal of a map. */
    static JsonNode canonical(JsonNode node) {
        if (node instanceof ObjectNode o) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            o.forEachEntry((k, v) -> sorted.put(k, canonical(v)));
            ObjectNode out = Json.object();
            sorted.forEach(out::set);
            return out;
        }
        if (node instanceof ArrayNode a) {
            ArrayNode out = Json.array();
            a.forEach(e -> out.add(canonical(e)));
            return out;
        }
        return node;
    }

    /** intstr.GetScaledValueFromIntOrPercent. */
    static int scaled(IntOrString value, int total, boolean roundUp, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value.getIntVal() != null) {
            return value.getIntVal();
        }
        String s = value.getStrVal();
        if (s == null) {
            return fallback;
        }
        if (s.endsWith("%")) {
            int pct = Integer.parseInt(s.substring(0, s.length() - 1).trim());
            double v = pct * (double) total / 100.0;
            return (int) (roundUp ? Math.ceil(v) : Math.floor(v));
        }
        return Integer.parseInt(s.trim());
    }

    static OwnerReference controllerRef(HasMetadata owner) {
        return new OwnerReferenceBuilder()
                .withApiVersion(owner.getApiVersion())
                .withKind(owner.getKind())
                .withName(owner.getMetadata().getName())
                .withUid(owner.getMetadata().getUid())
                .withController(true)
                .withBlockOwnerDeletion(true)
                .build();
    }

    static long revisionOf(HasMetadata o) {
        Map<String, String> a = o.getMetadata().getAnnotations();
        if (a == null) {
            return 0;
        }
        try {
            return Long.parseLong(a.getOrDefault(REVISION, "0"));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static int nz(Integer i) {
        return i == null ? 0 : i;
    }

    static long nz(Long l) {
        return l == null ? 0 : l;
    }

    /** The omitempty rule of the Go types: zero is written as absent. */
    static Integer omitZero(int i) {
        return i == 0 ? null : i;
    }
}
