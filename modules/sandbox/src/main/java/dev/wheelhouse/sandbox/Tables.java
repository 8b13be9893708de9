package dev.wheelhouse.sandbox;

import io.fabric8.mockwebserver.http.MockResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Server-side printing, so {@code kubectl get pods} shows READY, STATUS, RESTARTS and AGE as it
 * does against a real cluster: the columns and cell rules of Kubernetes' printers for the kinds
 * the sandbox serves; any other kind gets Name and Created At.
 */
final class Tables {
    record Column(String name, String type, String format, int priority) {}

    private record Printer(List<Column> columns, BiFunction<JsonNode, Instant, List<Object>> cells) {}

    private static final Column NAME = new Column("Name", "string", "name", 0);
    private static final Column AGE = new Column("Age", "string", "", 0);

    private final InstantSource clock;
    private final Map<ResourceType, Printer> printers = new LinkedHashMap<>();

    Tables(InstantSource clock) {
        this.clock = clock;
        printers.put(Resources.PODS, new Printer(List.of(NAME, col("Ready"), col("Status"), col("Restarts"), AGE,
                wide("IP"), wide("Node"), wide("Nominated Node"), wide("Readiness Gates")), Tables::pod));
        printers.put(Resources.DEPLOYMENTS, new Printer(List.of(NAME, col("Ready"), intCol("Up-to-date"), intCol("Available"), AGE,
                wide("Containers"), wide("Images"), wide("Selector")), (o, now) -> List.of(
                name(o), ready(o.path("status").path("readyReplicas"), o.path("spec").path("replicas")),
                o.path("status").path("updatedReplicas").asInt(0), o.path("status").path("availableReplicas").asInt(0), age(o, now),
                containers(o.path("spec").path("template")), images(o.path("spec").path("template")), selector(o.path("spec").path("selector")))));
        printers.put(Resources.REPLICASETS, new Printer(List.of(NAME, intCol("Desired"), intCol("Current"), intCol("Ready"), AGE,
                wide("Containers"), wide("Images"), wide("Selector")), (o, now) -> List.of(
                name(o), o.path("spec").path("replicas").asInt(0), o.path("status").path("replicas").asInt(0),
                o.path("status").path("readyReplicas").asInt(0), age(o, now),
                containers(o.path("spec").path("template")), images(o.path("spec").path("template")), selector(o.path("spec").path("selector")))));
        printers.put(Resources.STATEFULSETS, new Printer(List.of(NAME, col("Ready"), AGE, wide("Containers"), wide("Images")), (o, now) -> List.of(
                name(o), ready(o.path("status").path("readyReplicas"), o.path("spec").path("replicas")), age(o, now),
                containers(o.path("spec").path("template")), images(o.path("spec").path("template")))));
        printers.put(Resources.DAEMONSETS, new Printer(List.of(NAME, intCol("Desired"), intCol("Current"), intCol("Ready"), intCol("Up-to-date"),
                intCol("Available"), col("Node Selector"), AGE, wide("Containers"), wide("Images"), wide("Selector")), (o, now) -> List.of(
                name(o), o.path("status").path("desiredNumberScheduled").asInt(0), o.path("status").path("currentNumberScheduled").asInt(0),
                o.path("status").path("numberReady").asInt(0), o.path("status").path("updatedNumberScheduled").asInt(0),
                o.path("status").path("numberAvailable").asInt(0), labels(o.path("spec").path("template").path("spec").path("nodeSelector")),
                age(o, now), containers(o.path("spec").path("template")), images(o.path("spec").path("template")), selector(o.path("spec").path("selector")))));
        printers.put(Resources.NODES, new Printer(List.of(NAME, col("Status"), col("Roles"), AGE, col("Version"), wide("Internal-IP"),
                wide("External-IP"), wide("OS-Image"), wide("Kernel-Version"), wide("Container-Runtime")), Tables::node));
        printers.put(Resources.SERVICES, new Printer(List.of(NAME, col("Type"), col("Cluster-IP"), col("External-IP"), col("Port(s)"), AGE,
                wide("Selector")), Tables::service));
        printers.put(Resources.NAMESPACES, new Printer(List.of(NAME, col("Status"), AGE), (o, now) -> List.of(
                name(o), o.path("status").path("phase").asString("Active"), age(o, now))));
        printers.put(Resources.EVENTS, new Printer(List.of(col("Last Seen"), col("Type"), col("Reason"), col("Object"), col("Message"),
                wide("Subobject"), wide("Source"), wide("First Seen"), intWide("Count"), new Column("Name", "string", "name", 1)), Tables::event));
        printers.put(Resources.PVCS, new Printer(List.of(NAME, col("Status"), col("Volume"), col("Capacity"), col("Access Modes"),
                col("StorageClass"), col("VolumeAttributesClass"), AGE, wide("VolumeMode")), (o, now) -> List.of(
                name(o), o.path("status").path("phase").asString(""), o.path("spec").path("volumeName").asString(""),
                o.path("status").path("capacity").path("storage").asString(""), accessModes(o.path("status").path("accessModes")),
                o.path("spec").path("storageClassName").asString(""), "<unset>", age(o, now), o.path("spec").path("volumeMode").asString("Filesystem"))));
        printers.put(Resources.PVS, new Printer(List.of(NAME, col("Capacity"), col("Access Modes"), col("Reclaim Policy"), col("Status"),
                col("Claim"), col("StorageClass"), col("VolumeAttributesClass"), col("Reason"), AGE, wide("VolumeMode")), (o, now) -> List.of(
                name(o), o.path("spec").path("capacity").path("storage").asString(""), accessModes(o.path("spec").path("accessModes")),
                o.path("spec").path("persistentVolumeReclaimPolicy").asString(""), o.path("status").path("phase").asString(""),
                o.path("spec").has("claimRef") ? o.path("spec").path("claimRef").path("namespace").asString("") + "/"
                        + o.path("spec").path("claimRef").path("name").asString("") : "",
                o.path("spec").path("storageClassName").asString(""), "<unset>", o.path("status").path("reason").asString(""), age(o, now),
                o.path("spec").path("volumeMode").asString("Filesystem"))));
        printers.put(Resources.INGRESSES, new Printer(List.of(NAME, col("Class"), col("Hosts"), col("Address"), col("Ports"), AGE), Tables::ingress));
        printers.put(Resources.ENDPOINTS, new Printer(List.of(NAME, col("Endpoints"), AGE), (o, now) -> List.of(name(o), endpoints(o), age(o, now))));
        printers.put(Resources.HPAS, new Printer(List.of(NAME, col("Reference"), col("Targets"), intCol("MinPods"), intCol("MaxPods"),
                intCol("Replicas"), AGE), Tables::hpa));
        printers.put(Resources.CONFIGMAPS, new Printer(List.of(NAME, intCol("Data"), AGE), (o, now) -> List.of(
                name(o), o.path("data").size() + o.path("binaryData").size(), age(o, now))));
        printers.put(Resources.SERVICEACCOUNTS, new Printer(List.of(NAME, intCol("Secrets"), AGE), (o, now) -> List.of(
                name(o), o.path("secrets").size(), age(o, now))));
        printers.put(Resources.STORAGECLASSES, new Printer(List.of(NAME, col("Provisioner"), col("ReclaimPolicy"), col("VolumeBindingMode"),
                col("AllowVolumeExpansion"), AGE), (o, now) -> List.of(
                name(o) + ("true".equals(o.path("metadata").path("annotations").path("storageclass.kubernetes.io/is-default-class").asString("")) ? " (default)" : ""),
                o.path("provisioner").asString(""), o.path("reclaimPolicy").asString("Delete"), o.path("volumeBindingMode").asString("Immediate"),
                Boolean.toString(o.path("allowVolumeExpansion").asBoolean(false)), age(o, now))));
        printers.put(Resources.NETWORKPOLICIES, new Printer(List.of(NAME, col("Pod-Selector"), AGE), (o, now) -> List.of(
                name(o), selectorOrNone(o.path("spec").path("podSelector")), age(o, now))));
        printers.put(Resources.CONTROLLERREVISIONS, new Printer(List.of(NAME, col("Controller"), intCol("Revision"), AGE), (o, now) -> List.of(
                name(o), controller(o), o.path("revision").asLong(0), age(o, now))));
        printers.put(Resources.INGRESSCLASSES, new Printer(List.of(NAME, col("Controller"), col("Parameters"), AGE), (o, now) -> List.of(
                name(o), o.path("spec").path("controller").asString(""), "<none>", age(o, now))));
    }

    /** Whether the client asked for a Table (kubectl does for human-readable output). */
    boolean wanted(String accept) {
        return accept != null && accept.contains("as=Table");
    }

    MockResponse render(ApiPath p, ApiStore store) {
        ApiStore.Selection selection;
        try {
            selection = store.select(p);
        } catch (IllegalArgumentException e) {
            return Responses.status(400, "BadRequest", e.getMessage());
        }
        if (p.name() != null && selection.objects().isEmpty()) {
            return Responses.notFound(p);
        }
        ResourceType type = p.type().orElseThrow();
        Printer printer = printers.get(type);
        Instant now = clock.instant();
        ObjectNode table = Json.object();
        table.put("kind", "Table");
        table.put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", Long.toString(selection.resourceVersion()));
        ArrayNode columns = table.putArray("columnDefinitions");
        List<Column> cols = printer == null ? List.of(NAME, new Column("Created At", "date", "", 0)) : printer.columns();
        for (Column c : cols) {
            columns.addObject().put("name", c.name()).put("type", c.type()).put("format", c.format())
                    .put("description", c.name()).put("priority", c.priority());
        }
        String include = p.param("includeObject") == null ? "Metadata" : p.param("includeObject");
        ArrayNode rows = table.putArray("rows");
        for (ApiStore.Stored s : selection.objects()) {
            JsonNode o = Json.parse(s.json());
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            List<Object> values = printer == null ? List.of(name(o), o.path("metadata").path("creationTimestamp").asString(""))
                    : printer.cells().apply(o, now);
            for (Object v : values) {
                if (v instanceof Integer i) {
                    cells.add(i);
                } else if (v instanceof Long l) {
                    cells.add(l);
                } else {
                    cells.add(String.valueOf(v));
                }
            }
            switch (include) {
                case "None" -> {
                    // no object
                }
                case "Object" -> row.set("object", o);
                default -> {
                    ObjectNode partial = row.putObject("object");
                    partial.put("kind", "PartialObjectMetadata");
                    partial.put("apiVersion", "meta.k8s.io/v1");
                    partial.set("metadata", o.path("metadata").deepCopy());
                }
            }
        }
        return Responses.json(200, Json.write(table));
    }

    // ---- cells ------------------------------------------------------------------------------

    private static Column col(String name) {
        return new Column(name, "string", "", 0);
    }

    private static Column intCol(String name) {
        return new Column(name, "integer", "", 0);
    }

    private static Column wide(String name) {
        return new Column(name, "string", "", 1);
    }

    private static Column intWide(String name) {
        return new Column(name, "integer", "", 1);
    }

    private static String name(JsonNode o) {
        return o.path("metadata").path("name").asString("");
    }

    private static String age(JsonNode o, Instant now) {
        return since(o.path("metadata").path("creationTimestamp").asString(""), now);
    }

    static String since(String timestamp, Instant now) {
        if (timestamp == null || timestamp.isEmpty()) {
            return "<unknown>";
        }
        return humanDuration(Duration.between(Instant.parse(timestamp), now));
    }

    /** duration.HumanDuration of k8s.io/apimachinery. */
    static String humanDuration(Duration d) {
        long seconds = d.getSeconds();
        if (seconds < -1) {
            return "<invalid>";
        }
        if (seconds < 0) {
            return "0s";
        }
        if (seconds < 120) {
            return seconds + "s";
        }
        long minutes = d.toMinutes();
        if (minutes < 10) {
            long s = seconds % 60;
            return s == 0 ? minutes + "m" : minutes + "m" + s + "s";
        }
        if (minutes < 180) {
            return minutes + "m";
        }
        long hours = d.toHours();
        if (hours < 8) {
            long m = minutes % 60;
            return m == 0 ? hours + "h" : hours + "h" + m + "m";
        }
        if (hours < 48) {
            return hours + "h";
        }
        if (hours < 24 * 8) {
            long h = hours % 24;
            return h == 0 ? hours / 24 + "d" : hours / 24 + "d" + h + "h";
        }
        if (hours < 24 * 365 * 2) {
            return hours / 24 + "d";
        }
        if (hours < 24 * 365 * 8) {
            long dy = (hours / 24) % 365;
            return dy == 0 ? hours / 24 / 365 + "y" : hours / 24 / 365 + "y" + dy + "d";
        }
        return hours / 24 / 365 + "y";
    }

    private static String ready(JsonNode ready, JsonNode desired) {
        return ready.asInt(0) + "/" + desired.asInt(0);
    }

    private static String containers(JsonNode template) {
        List<String> names = new ArrayList<>();
        template.path("spec").path("containers").forEach(c -> names.add(c.path("name").asString("")));
        return String.join(",", names);
    }

    private static String images(JsonNode template) {
        List<String> images = new ArrayList<>();
        template.path("spec").path("containers").forEach(c -> images.add(c.path("image").asString("")));
        return String.join(",", images);
    }

    private static String labels(JsonNode map) {
        if (!map.isObject() || map.isEmpty()) {
            return "<none>";
        }
        List<String> parts = new ArrayList<>();
        map.forEachEntry((k, v) -> parts.add(k + "=" + v.asString("")));
        return String.join(",", parts);
    }

    private static String selector(JsonNode selector) {
        List<String> parts = new ArrayList<>();
        selector.path("matchLabels").forEachEntry((k, v) -> parts.add(k + "=" + v.asString("")));
        for (JsonNode e : selector.path("matchExpressions")) {
            List<String> values = new ArrayList<>();
            e.path("values").forEach(v -> values.add(v.asString("")));
            String op = e.path("operator").asString("");
            switch (op) {
                case "In" -> parts.add(e.path("key").asString("") + " in (" + String.join(",", values) + ")");
                case "NotIn" -> parts.add(e.path("key").asString("") + " notin (" + String.join(",", values) + ")");
                case "Exists" -> parts.add(e.path("key").asString(""));
                case "DoesNotExist" -> parts.add("!" + e.path("key").asString(""));
                default -> {
                    // unknown operator: leave it out
                }
            }
        }
        return String.join(",", parts);
    }

    private static String selectorOrNone(JsonNode selector) {
        String s = selector(selector);
        return s.isEmpty() ? "<none>" : s;
    }

    private static String accessModes(JsonNode modes) {
        List<String> out = new ArrayList<>();
        for (JsonNode m : modes) {
            out.add(switch (m.asString("")) {
                case "ReadWriteOnce" -> "RWO";
                case "ReadOnlyMany" -> "ROX";
                case "ReadWriteMany" -> "RWX";
                case "ReadWriteOncePod" -> "RWOP";
                default -> m.asString("");
            });
        }
        return String.join(",", out);
    }

    private static String controller(JsonNode o) {
        for (JsonNode ref : o.path("metadata").path("ownerReferences")) {
            if (ref.path("controller").asBoolean(false)) {
                String group = ref.path("apiVersion").asString("");
                group = group.contains("/") ? "." + group.substring(0, group.indexOf('/')) : "";
                return ref.path("kind").asString("").toLowerCase(Locale.ROOT) + group + "/" + ref.path("name").asString("");
            }
        }
        return "<none>";
    }

    private static List<Object> pod(JsonNode o, Instant now) {
        JsonNode status = o.path("status");
        int total = o.path("spec").path("containers").size();
        int ready = 0;
        int restarts = 0;
        String reason = status.path("reason").asString(status.path("phase").asString("Unknown"));
        Instant lastRestart = null;
        boolean hasRunning = false;
        JsonNode statuses = status.path("containerStatuses");
        for (int i = statuses.size() - 1; i >= 0; i--) {
            JsonNode cs = statuses.get(i);
            restarts += cs.path("restartCount").asInt(0);
            String finished = cs.path("lastState").path("terminated").path("finishedAt").asString("");
            if (!finished.isEmpty()) {
                Instant t = Instant.parse(finished);
                lastRestart = lastRestart == null || t.isAfter(lastRestart) ? t : lastRestart;
            }
            JsonNode state = cs.path("state");
            if (!state.path("waiting").path("reason").asString("").isEmpty()) {
                reason = state.path("waiting").path("reason").asString("");
            } else if (state.has("terminated")) {
                String r = state.path("terminated").path("reason").asString("");
                reason = !r.isEmpty() ? r : "ExitCode:" + state.path("terminated").path("exitCode").asInt(0);
            } else if (cs.path("ready").asBoolean(false) && state.has("running")) {
                hasRunning = true;
                ready++;
            }
        }
        if (reason.equals("Completed") && hasRunning) {
            reason = "Running";
        }
        if (o.path("metadata").has("deletionTimestamp")) {
            reason = "Terminating";
        }
        String restartCell = lastRestart == null ? Integer.toString(restarts)
                : restarts + " (" + humanDuration(Duration.between(lastRestart, now)) + " ago)";
        return List.of(name(o), ready + "/" + total, reason, restartCell, age(o, now),
                status.path("podIP").asString("<none>"), o.path("spec").path("nodeName").asString("<none>"), "<none>", "<none>");
    }

    private static List<Object> node(JsonNode o, Instant now) {
        String status = "Unknown";
        for (JsonNode c : o.path("status").path("conditions")) {
            if (c.path("type").asString("").equals("Ready")) {
                status = c.path("status").asString("").equals("True") ? "Ready" : "NotReady";
            }
        }
        if (o.path("spec").path("unschedulable").asBoolean(false)) {
            status += ",SchedulingDisabled";
        }
        List<String> roles = new ArrayList<>();
        o.path("metadata").path("labels").forEachEntry((k, v) -> {
            if (k.startsWith("node-role.kubernetes.io/")) {
                roles.add(k.substring("node-role.kubernetes.io/".length()));
            }
        });
        String internal = "<none>";
        String external = "<none>";
        for (JsonNode a : o.path("status").path("addresses")) {
            if (a.path("type").asString("").equals("InternalIP")) {
                internal = a.path("address").asString("");
            } else if (a.path("type").asString("").equals("ExternalIP")) {
                external = a.path("address").asString("");
            }
        }
        JsonNode info = o.path("status").path("nodeInfo");
        return List.of(name(o), status, roles.isEmpty() ? "<none>" : String.join(",", roles), age(o, now),
                info.path("kubeletVersion").asString(""), internal, external, info.path("osImage").asString(""),
                info.path("kernelVersion").asString(""), info.path("containerRuntimeVersion").asString(""));
    }

    private static List<Object> service(JsonNode o, Instant now) {
        JsonNode spec = o.path("spec");
        List<String> ports = new ArrayList<>();
        for (JsonNode port : spec.path("ports")) {
            String p = port.path("port").asInt(0) + (port.has("nodePort") ? ":" + port.path("nodePort").asInt(0) : "")
                    + "/" + port.path("protocol").asString("TCP");
            ports.add(p);
        }
        List<String> external = new ArrayList<>();
        for (JsonNode ing : o.path("status").path("loadBalancer").path("ingress")) {
            external.add(ing.path("ip").asString(ing.path("hostname").asString("")));
        }
        spec.path("externalIPs").forEach(ip -> external.add(ip.asString("")));
        String type = spec.path("type").asString("ClusterIP");
        String ext = !external.isEmpty() ? String.join(",", external) : type.equals("LoadBalancer") ? "<pending>" : "<none>";
        return List.of(name(o), type, spec.path("clusterIP").asString("<none>"), ext,
                ports.isEmpty() ? "<none>" : String.join(",", ports), age(o, now), labels(spec.path("selector")));
    }

    private static List<Object> event(JsonNode o, Instant now) {
        String last = o.path("lastTimestamp").asString(o.path("eventTime").asString(""));
        JsonNode about = o.path("involvedObject");
        String object = about.path("kind").asString("").toLowerCase(Locale.ROOT) + "/" + about.path("name").asString("");
        String source = o.path("source").path("component").asString("");
        if (!o.path("source").path("host").asString("").isEmpty()) {
            source += ", " + o.path("source").path("host").asString("");
        }
        return List.of(since(last, now), o.path("type").asString(""), o.path("reason").asString(""), object,
                o.path("message").asString("").trim(), about.path("fieldPath").asString(""), source,
                since(o.path("firstTimestamp").asString(last), now), o.path("count").asInt(1), name(o));
    }

    private static List<Object> ingress(JsonNode o, Instant now) {
        List<String> hosts = new ArrayList<>();
        for (JsonNode rule : o.path("spec").path("rules")) {
            hosts.add(rule.path("host").asString("*"));
        }
        List<String> addresses = new ArrayList<>();
        for (JsonNode ing : o.path("status").path("loadBalancer").path("ingress")) {
            addresses.add(ing.path("ip").asString(ing.path("hostname").asString("")));
        }
        String ports = o.path("spec").path("tls").isEmpty() ? "80" : "80, 443";
        return List.of(name(o), o.path("spec").path("ingressClassName").asString("<none>"),
                hosts.isEmpty() ? "*" : String.join(",", hosts), String.join(",", addresses), ports, age(o, now));
    }

    private static String endpoints(JsonNode o) {
        List<String> list = new ArrayList<>();
        int total = 0;
        for (JsonNode subset : o.path("subsets")) {
            for (JsonNode address : subset.path("addresses")) {
                for (JsonNode port : subset.path("ports").isEmpty() ? List.of(Json.object()) : toList(subset.path("ports"))) {
                    total++;
                    if (list.size() < 3) {
                        list.add(address.path("ip").asString("") + (port.has("port") ? ":" + port.path("port").asInt(0) : ""));
                    }
                }
            }
        }
        if (total == 0) {
            return "<none>";
        }
        return String.join(",", list) + (total > 3 ? " + " + (total - 3) + " more..." : "");
    }

    private static List<JsonNode> toList(JsonNode array) {
        List<JsonNode> out = new ArrayList<>();
        array.forEach(out::add);
        return out;
    }

    private static List<Object> hpa(JsonNode o, Instant now) {
        JsonNode ref = o.path("spec").path("scaleTargetRef");
        List<String> targets = new ArrayList<>();
        JsonNode metrics = o.path("spec").path("metrics");
        for (int i = 0; i < metrics.size(); i++) {
            JsonNode m = metrics.get(i);
            if (m.path("type").asString("").equals("Resource")) {
                JsonNode current = o.path("status").path("currentMetrics").path(i).path("resource").path("current");
                String cur = current.has("averageUtilization") ? current.path("averageUtilization").asInt(0) + "%" : "<unknown>";
                targets.add(m.path("resource").path("name").asString("") + ": " + cur + "/"
                        + m.path("resource").path("target").path("averageUtilization").asInt(0) + "%");
            }
        }
        return List.of(name(o), ref.path("kind").asString("") + "/" + ref.path("name").asString(""),
                targets.isEmpty() ? "<none>" : String.join(", ", targets), o.path("spec").path("minReplicas").asInt(1),
                o.path("spec").path("maxReplicas").asInt(0), o.path("status").path("currentReplicas").asInt(0), age(o, now));
    }
}
