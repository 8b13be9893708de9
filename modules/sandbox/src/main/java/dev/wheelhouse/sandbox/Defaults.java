package dev.wheelhouse.sandbox;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The API server's defaulting for the workload kinds, so objects written by clients look the
 * same as seeded ones and a rolled-back template compares equal to its ReplicaSet's.
 */
final class Defaults {
    private Defaults() {}

    static void apply(ResourceType type, ObjectNode object) {
        if (!(object.get("spec") instanceof ObjectNode spec)) {
            return;
        }
        if (type == Resources.DEPLOYMENTS) {
            putIfAbsent(spec, "replicas", 1);
            putIfAbsent(spec, "revisionHistoryLimit", 10);
            putIfAbsent(spec, "progressDeadlineSeconds", 600);
            ObjectNode strategy = object(spec, "strategy");
            if (!strategy.has("type")) {
                strategy.put("type", "RollingUpdate");
            }
            if (strategy.path("type").asString("").equals("RollingUpdate")) {
                ObjectNode rolling = object(strategy, "rollingUpdate");
                if (!rolling.has("maxSurge")) {
                    rolling.put("maxSurge", "25%");
                }
                if (!rolling.has("maxUnavailable")) {
                    rolling.put("maxUnavailable", "25%");
                }
            }
            template(spec);
        } else if (type == Resources.STATEFULSETS) {
            putIfAbsent(spec, "replicas", 1);
            putIfAbsent(spec, "revisionHistoryLimit", 10);
            if (!spec.has("podManagementPolicy")) {
                spec.put("podManagementPolicy", "OrderedReady");
            }
            ObjectNode strategy = object(spec, "updateStrategy");
            if (!strategy.has("type")) {
                strategy.put("type", "RollingUpdate");
            }
            if (strategy.path("type").asString("").equals("RollingUpdate")) {
                putIfAbsent(object(strategy, "rollingUpdate"), "partition", 0);
            }
            template(spec);
        } else if (type == Resources.DAEMONSETS) {
            putIfAbsent(spec, "revisionHistoryLimit", 10);
            ObjectNode strategy = object(spec, "updateStrategy");
            if (!strategy.has("type")) {
                strategy.put("type", "RollingUpdate");
            }
            if (strategy.path("type").asString("").equals("RollingUpdate")) {
                ObjectNode rolling = object(strategy, "rollingUpdate");
                if (!rolling.has("maxUnavailable")) {
                    rolling.put("maxUnavailable", 1);
                }
                if (!rolling.has("maxSurge")) {
                    rolling.put("maxSurge", 0);
                }
            }
            template(spec);
        } else if (type == Resources.REPLICASETS) {
            putIfAbsent(spec, "replicas", 1);
            template(spec);
        } else if (type == Resources.PODS) {
            podSpec(spec);
        }
    }

    private static void template(ObjectNode spec) {
        if (spec.get("template") instanceof ObjectNode template && template.get("spec") instanceof ObjectNode podSpec) {
            podSpec(podSpec);
        }
    }

    static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            JsonNode containers = spec.get(list);
            if (containers != null && containers.isArray()) {
                for (JsonNode c : containers) {
                    if (c instanceof ObjectNode container) {
                        String image = container.path("image").asString("");
                        String tagPart = image.substring(image.lastIndexOf('/') + 1);
                        boolean latest = !tagPart.contains(":") || tagPart.endsWith(":latest");
                        putIfAbsent(container, "imagePullPolicy", latest ? "Always" : "IfNotPresent");
                        putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
                        putIfAbsent(container, "terminationMessagePolicy", "File");
                        if (!container.has("resources")) {
                            container.putObject("resources");
                        }
                    }
                }
            }
        }
    }

    private static ObjectNode object(ObjectNode parent, String field) {
        if (parent.get(field) instanceof ObjectNode o) {
            return o;
        }
        return parent.putObject(field);
    }

    private static void putIfAbsent(ObjectNode node, String field, int value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }

    private static void putIfAbsent(ObjectNode node, String field, String value) {
        if (!node.hasNonNull(field)) {
            node.put(field, value);
        }
    }
}
