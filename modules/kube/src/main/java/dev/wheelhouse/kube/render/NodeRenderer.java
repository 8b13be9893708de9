package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Taint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Nodes as kubectl get nodes prints them (Ready/NotReady/SchedulingDisabled, roles), plus taints. */
public final class NodeRenderer implements Renderer<Node> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("STATUS"), Column.text("ROLES"), Column.age("AGE"), Column.text("VERSION"),
            Column.text("TAINTS"), Column.wide("INTERNAL-IP"), Column.wide("OS-IMAGE"), Column.wide("KERNEL-VERSION"),
            Column.wide("CONTAINER-RUNTIME"));

    private static final Set<String> PRESSURES = Set.of("MemoryPressure", "DiskPressure", "PIDPressure", "NetworkUnavailable");

    @Override
    public ResourceRow render(Node node, Related related) {
        String status = status(node);
        var info = node.getStatus() == null ? null : node.getStatus().getNodeInfo();
        List<String> cells = List.of(
                node.getMetadata().getName(),
                status,
                String.join(",", roles(node)),
                Rows.age(node),
                info == null ? "" : Rows.nz(info.getKubeletVersion()),
                Rows.joinOrNone(taints(node), ", "),
                Rows.orNone(internalIp(node)),
                info == null ? "<unknown>" : Rows.nz(info.getOsImage()),
                info == null ? "<unknown>" : Rows.nz(info.getKernelVersion()),
                info == null ? "<unknown>" : Rows.nz(info.getContainerRuntimeVersion()));
        return Rows.row("Node", node, cells, health(node, status), status, List.of(),
                info == null ? "" : Rows.nz(info.getKubeletVersion()));
    }

    /** printers.go printNode: the Ready condition, then SchedulingDisabled when cordoned. */
    public static String status(Node node) {
        List<String> status = new ArrayList<>();
        NodeCondition ready = condition(node, "Ready");
        if (ready != null) {
            status.add("True".equals(ready.getStatus()) ? "Ready" : "NotReady");
        }
        if (status.isEmpty()) {
            status.add("Unknown");
        }
        if (node.getSpec() != null && Boolean.TRUE.equals(node.getSpec().getUnschedulable())) {
            status.add("SchedulingDisabled");
        }
        return String.join(",", status);
    }

    public static Health health(Node node, String status) {
        NodeCondition ready = condition(node, "Ready");
        if (ready == null || "Unknown".equals(ready.getStatus())) {
            return Health.UNKNOWN;
        }
        if (!"True".equals(ready.getStatus())) {
            return Health.FAILED;
        }
        boolean pressure = node.getStatus().getConditions().stream()
                .anyMatch(c -> PRESSURES.contains(c.getType()) && "True".equals(c.getStatus()));
        return pressure || status.contains("SchedulingDisabled") ? Health.DEGRADED : Health.HEALTHY;
    }

    /** node-role.kubernetes.io/ROLE labels and kubernetes.io/role=ROLE, sorted; "<none>" when none. */
    public static List<String> roles(Node node) {
        Map<String, String> labels = node.getMetadata().getLabels() == null ? Map.of() : node.getMetadata().getLabels();
        Set<String> roles = new TreeSet<>();
        labels.forEach((k, v) -> {
            if (k.startsWith("node-role.kubernetes.io/")) {
                String role = k.substring("node-role.kubernetes.io/".length());
                if (!role.isEmpty()) {
                    roles.add(role);
                }
            } else if (k.equals("kubernetes.io/role") && v != null && !v.isEmpty()) {
                roles.add(v);
            }
        });
        return roles.isEmpty() ? List.of("<none>") : List.copyOf(roles);
    }

    /** "key=value:Effect" or "key:Effect". */
    public static List<String> taints(Node node) {
        if (node.getSpec() == null || node.getSpec().getTaints() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Taint t : node.getSpec().getTaints()) {
            String value = t.getValue() == null || t.getValue().isEmpty() ? "" : "=" + t.getValue();
            out.add(t.getKey() + value + ":" + t.getEffect());
        }
        return out;
    }

    public static String internalIp(Node node) {
        if (node.getStatus() == null || node.getStatus().getAddresses() == null) {
            return "";
        }
        return node.getStatus().getAddresses().stream().filter(a -> "InternalIP".equals(a.getType()))
                .map(NodeAddress::getAddress).findFirst().orElse("");
    }

    public static NodeCondition condition(Node node, String type) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return null;
        }
        return node.getStatus().getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
