package dev.wheelhouse.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** The registry of every kind the sandbox serves, and the discovery documents made from it. */
final class Resources {
    static final String METRICS_GROUP = "metrics.k8s.io";

    static final ResourceType NAMESPACES = core("namespaces", "namespace", "Namespace", false, List.of("ns"), List.of("status"));
    static final ResourceType NODES = core("nodes", "node", "Node", false, List.of("no"), List.of("status"));
    static final ResourceType PODS = core("pods", "pod", "Pod", true, List.of("po"), List.of("status", "log"), "all");
    static final ResourceType SERVICES = core("services", "service", "Service", true, List.of("svc"), List.of("status"), "all");
    static final ResourceType ENDPOINTS = core("endpoints", "endpoints", "Endpoints", true, List.of("ep"), List.of());
    static final ResourceType EVENTS = core("events", "event", "Event", true, List.of("ev"), List.of());
    static final ResourceType PVS = core("persistentvolumes", "persistentvolume", "PersistentVolume", false, List.of("pv"), List.of("status"));
    static final ResourceType PVCS = core("persistentvolumeclaims", "persistentvolumeclaim", "PersistentVolumeClaim", true, List.of("pvc"), List.of("status"));
    static final ResourceType CONFIGMAPS = core("configmaps", "configmap", "ConfigMap", true, List.of("cm"), List.of());
    static final ResourceType SECRETS = core("secrets", "secret", "Secret", true, List.of(), List.of());
    static final ResourceType SERVICEACCOUNTS = core("serviceaccounts", "serviceaccount", "ServiceAccount", true, List.of("sa"), List.of());

    static final ResourceType DEPLOYMENTS = apps("deployments", "deployment", "Deployment", List.of("deploy"), List.of("status", "scale"));
    static final ResourceType REPLICASETS = apps("replicasets", "replicaset", "ReplicaSet", List.of("rs"), List.of("status", "scale"));
    static final ResourceType STATEFULSETS = apps("statefulsets", "statefulset", "StatefulSet", List.of("sts"), List.of("status", "scale"));
    static final ResourceType DAEMONSETS = apps("daemonsets", "daemonset", "DaemonSet", List.of("ds"), List.of("status"));
    static final ResourceType CONTROLLERREVISIONS = new ResourceType("apps", "v1", "controllerrevisions", "controllerrevision",
            "ControllerRevision", true, List.of(), List.of(), List.of(), false);

    static final ResourceType HPAS = new ResourceType("autoscaling", "v2", "horizontalpodautoscalers", "horizontalpodautoscaler",
            "HorizontalPodAutoscaler", true, List.of("hpa"), List.of("status"), List.of("all"), false);
    static final ResourceType INGRESSES = new ResourceType("networking.k8s.io", "v1", "ingresses", "ingress", "Ingress", true,
            List.of("ing"), List.of("status"), List.of(), false);
    static final ResourceType NETWORKPOLICIES = new ResourceType("networking.k8s.io", "v1", "networkpolicies", "networkpolicy",
            "NetworkPolicy", true, List.of("netpol"), List.of(), List.of(), false);
    static final ResourceType INGRESSCLASSES = new ResourceType("networking.k8s.io", "v1", "ingressclasses", "ingressclass",
            "IngressClass", false, List.of(), List.of(), List.of(), false);
    // Wheelhouse's operation locks (one Lease per application per environment).
    static final ResourceType LEASES = new ResourceType("coordination.k8s.io", "v1", "leases", "lease", "Lease", true,
            List.of(), List.of(), List.of(), false);
    static final ResourceType STORAGECLASSES = new ResourceType("storage.k8s.io", "v1", "storageclasses", "storageclass",
            "StorageClass", false, List.of("sc"), List.of(), List.of(), false);

    static final ResourceType NODE_METRICS = new ResourceType(METRICS_GROUP, "v1beta1", "nodes", "", "NodeMetrics", false,
            List.of(), List.of(), List.of(), true);
    static final ResourceType POD_METRICS = new ResourceType(METRICS_GROUP, "v1beta1", "pods", "", "PodMetrics", true,
            List.of(), List.of(), List.of(), true);

    static final List<ResourceType> ALL = List.of(
            NAMESPACES, NODES, PODS, SERVICES, ENDPOINTS, EVENTS, PVS, PVCS, CONFIGMAPS, SECRETS, SERVICEACCOUNTS,
            DEPLOYMENTS, REPLICASETS, STATEFULSETS, DAEMONSETS, CONTROLLERREVISIONS,
            HPAS, INGRESSES, NETWORKPOLICIES, INGRESSCLASSES, STORAGECLASSES, LEASES,
            NODE_METRICS, POD_METRICS);

    private static final Map<String, ResourceType> BY_GROUP_VERSION_PLURAL = new LinkedHashMap<>();
    private static final Map<String, ResourceType> BY_TYPE_KEY = new LinkedHashMap<>();

    static {
        for (ResourceType t : ALL) {
            BY_GROUP_VERSION_PLURAL.put(t.group() + "/" + t.version() + "/" + t.plural(), t);
            BY_TYPE_KEY.put(t.typeKey(), t);
        }
    }

    private Resources() {}

    static Optional<ResourceType> find(String group, String version, String plural) {
        return Optional.ofNullable(BY_GROUP_VERSION_PLURAL.get(group + "/" + version + "/" + plural));
    }

    static Optional<ResourceType> byTypeKey(String typeKey) {
        return Optional.ofNullable(BY_TYPE_KEY.get(typeKey));
    }

    private static ResourceType core(String plural, String singular, String kind, boolean namespaced,
                                     List<String> shortNames, List<String> subresources, String... categories) {
        return new ResourceType("", "v1", plural, singular, kind, namespaced, shortNames, subresources, List.of(categories), false);
    }

    private static ResourceType apps(String plural, String singular, String kind, List<String> shortNames, List<String> subresources) {
        return new ResourceType("apps", "v1", plural, singular, kind, true, shortNames, subresources, List.of("all"), false);
    }

    // ---- discovery ----------------------------------------------------------------------

    /** The named groups in the order /apis lists them, each with its single served version. */
    static Map<String, String> groups() {
        Map<String, String> groups = new LinkedHashMap<>();
        for (ResourceType t : ALL) {
            if (!t.group().isEmpty()) {
                groups.putIfAbsent(t.group(), t.version());
            }
        }
        return groups;
    }

    static ObjectNode apiVersions() {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIVersions");
        doc.putArray("versions").add("v1");
        ArrayNode cidrs = doc.putArray("serverAddressByClientCIDRs");
        cidrs.addObject().put("clientCIDR", "0.0.0.0/0").put("serverAddress", "127.0.0.1");
        return doc;
    }

    /** @param metricsApi whether metrics.k8s.io is listed (a cluster without metrics-server has no such group) */
    static ObjectNode apiGroupList(boolean metricsApi) {
        ObjectNode doc = Json.object();
        doc.put("kind", "APIGroupList");
        doc.put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        groups().forEach((group, version) -> {
            if (metricsApi || !group.equals(METRICS_GROUP)) {
                groups.add(apiGroup(group, version));
            }
        });
        return doc;
    }

    static ObjectNode apiGroup(String group, String version) {
        ObjectNode g = Json.object();
        g.put("kind", "APIGroup");
        g.put("apiVersion", "v1");
        g.put("name", group);
        ObjectNode gv = Json.object().put("groupVersion", group + "/" + version).put("version", version);
        g.putArray("versions").add(gv);
        g.set("preferredVersion", gv.deepCopy());
        return g;
    }

    /** The APIResourceList of one group version, or empty when the sandbox does not serve it. */
    static Optional<ObjectNode> apiResourceList(String group, String version) {
        List<ResourceType> types = new ArrayList<>();
        for (ResourceType t : ALL) {
            if (t.group().equals(group) && t.version().equals(version)) {
                types.add(t);
            }
        }
        if (types.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode doc = Json.object();
        doc.put("kind", "APIResourceList");
        doc.put("apiVersion", "v1");
        doc.put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            Json.strings(r.putArray("verbs"), t.verbs());
            if (!t.shortNames().isEmpty()) {
                Json.strings(r.putArray("shortNames"), t.shortNames());
            }
            if (!t.categories().isEmpty()) {
                Json.strings(r.putArray("categories"), t.categories());
            }
            for (String sub : t.subresources()) {
                ObjectNode s = resources.addObject();
                s.put("name", t.plural() + "/" + sub);
                s.put("singularName", "");
                s.put("namespaced", t.namespaced());
                switch (sub) {
                    case "scale" -> {
                        s.put("group", "autoscaling");
                        s.put("version", "v1");
                        s.put("kind", "Scale");
                        Json.strings(s.putArray("verbs"), List.of("get", "patch", "update"));
                    }
                    case "log" -> {
                        s.put("kind", "Pod");
                        Json.strings(s.putArray("verbs"), List.of("get"));
                    }
                    default -> {
                        s.put("kind", t.kind());
                        Json.strings(s.putArray("verbs"), List.of("get", "patch", "update"));
                    }
                }
            }
        }
        return Optional.of(doc);
    }
}
