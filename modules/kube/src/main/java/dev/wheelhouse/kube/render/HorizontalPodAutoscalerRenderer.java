package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerCondition;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscalerStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricSpec;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricStatus;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricTarget;
import io.fabric8.kubernetes.api.model.autoscaling.v2.MetricValueStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * HorizontalPodAutoscalers (autoscaling/v2) as kubectl get hpa prints them, TARGETS as
 * "cpu: 45%/80%". Unable to scale is failed, an inactive metric degraded.
 */
public final class HorizontalPodAutoscalerRenderer implements Renderer<HorizontalPodAutoscaler> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("REFERENCE"), Column.text("TARGETS"), Column.number("MINPODS"),
            Column.number("MAXPODS"), Column.number("REPLICAS"), Column.text("STATUS"), Column.age("AGE"));

    @Override
    public ResourceRow render(HorizontalPodAutoscaler hpa, Related related) {
        HorizontalPodAutoscalerSpec spec = hpa.getSpec() == null ? new HorizontalPodAutoscalerSpec() : hpa.getSpec();
        HorizontalPodAutoscalerStatus st = hpa.getStatus() == null ? new HorizontalPodAutoscalerStatus() : hpa.getStatus();
        String reference = spec.getScaleTargetRef() == null ? ""
                : spec.getScaleTargetRef().getKind() + "/" + spec.getScaleTargetRef().getName();
        Health health = Health.HEALTHY;
        String status = "";
        HorizontalPodAutoscalerCondition able = condition(st, "AbleToScale");
        HorizontalPodAutoscalerCondition active = condition(st, "ScalingActive");
        HorizontalPodAutoscalerCondition limited = condition(st, "ScalingLimited");
        if (able != null && "False".equals(able.getStatus())) {
            health = Health.FAILED;
            status = Rows.nz(able.getReason());
        } else if (active != null && "False".equals(active.getStatus())) {
            health = Health.DEGRADED;
            status = Rows.nz(active.getReason());
        } else if (limited != null && "True".equals(limited.getStatus())) {
            status = Rows.nz(limited.getReason());
        } else if (active != null) {
            status = "ScalingActive";
        }
        List<String> cells = List.of(
                hpa.getMetadata().getName(),
                reference,
                targets(spec, st),
                Integer.toString(spec.getMinReplicas() == null ? 1 : spec.getMinReplicas()),
                Integer.toString(Rows.nz(spec.getMaxReplicas())),
                Integer.toString(Rows.nz(st.getCurrentReplicas())),
                status,
                Rows.age(hpa));
        return Rows.row("HorizontalPodAutoscaler", hpa, cells, health, status, List.of(), "");
    }

    /** formatHPAMetrics: at most three, then " + N more...", "<none>" when no metric is set. */
    static String targets(HorizontalPodAutoscalerSpec spec, HorizontalPodAutoscalerStatus st) {
        List<MetricSpec> specs = spec.getMetrics() == null ? List.of() : spec.getMetrics();
        if (specs.isEmpty()) {
            return "<none>";
        }
        List<MetricStatus> current = st.getCurrentMetrics() == null ? List.of() : st.getCurrentMetrics();
        List<String> list = new ArrayList<>();
        int max = 3;
        for (int i = 0; i < specs.size() && list.size() < max; i++) {
            list.add(format(specs.get(i), find(specs.get(i), current)));
        }
        String joined = String.join(", ", list);
        return specs.size() > max ? joined + " + " + (specs.size() - max) + " more..." : joined;
    }

    private static String format(MetricSpec m, MetricStatus status) {
        String type = Rows.nz(m.getType());
        switch (type) {
            case "Resource" -> {
                if (m.getResource() == null) {
                    return "<unknown>";
                }
                MetricValueStatus cur = status == null || status.getResource() == null ? null : status.getResource().getCurrent();
                return m.getResource().getName() + ": " + targetPair(m.getResource().getTarget(), cur);
            }
            case "ContainerResource" -> {
                if (m.getContainerResource() == null) {
                    return "<unknown>";
                }
                MetricValueStatus cur = status == null || status.getContainerResource() == null
                        ? null : status.getContainerResource().getCurrent();
                return m.getContainerResource().getName() + ": " + targetPair(m.getContainerResource().getTarget(), cur);
            }
            case "Pods" -> {
                MetricValueStatus cur = status == null || status.getPods() == null ? null : status.getPods().getCurrent();
                return targetPair(m.getPods() == null ? null : m.getPods().getTarget(), cur);
            }
            case "Object" -> {
                MetricValueStatus cur = status == null || status.getObject() == null ? null : status.getObject().getCurrent();
                return targetPair(m.getObject() == null ? null : m.getObject().getTarget(), cur);
            }
            case "External" -> {
                MetricValueStatus cur = status == null || status.getExternal() == null ? null : status.getExternal().getCurrent();
                return targetPair(m.getExternal() == null ? null : m.getExternal().getTarget(), cur);
            }
            default -> {
                return "<unknown type>";
            }
        }
    }

    private static String targetPair(MetricTarget target, MetricValueStatus current) {
        if (target == null) {
            return "<unknown>";
        }
        if (target.getAverageUtilization() != null) {
            String cur = current == null || current.getAverageUtilization() == null
                    ? "<unknown>" : current.getAverageUtilization() + "%";
            return cur + "/" + target.getAverageUtilization() + "%";
        }
        if (target.getAverageValue() != null) {
            String cur = current == null || current.getAverageValue() == null ? "<unknown>" : current.getAverageValue().toString();
            return cur + "/" + target.getAverageValue();
        }
        if (target.getValue() != null) {
            String cur = current == null || current.getValue() == null ? "<unknown>" : current.getValue().toString();
            return cur + "/" + target.getValue();
        }
        return "<unknown>";
    }

    private static MetricStatus find(MetricSpec spec, List<MetricStatus> current) {
        for (MetricStatus s : current) {
            if (!Objects.equals(s.getType(), spec.getType())) {
                continue;
            }
            if ("Resource".equals(spec.getType()) && spec.getResource() != null && s.getResource() != null
                    && !Objects.equals(s.getResource().getName(), spec.getResource().getName())) {
                continue;
            }
            if ("ContainerResource".equals(spec.getType()) && spec.getContainerResource() != null && s.getContainerResource() != null
                    && !Objects.equals(s.getContainerResource().getName(), spec.getContainerResource().getName())) {
                continue;
            }
            return s;
        }
        return null;
    }

    private static HorizontalPodAutoscalerCondition condition(HorizontalPodAutoscalerStatus st, String type) {
        return st.getConditions() == null ? null
                : st.getConditions().stream().filter(c -> type.equals(c.getType())).findFirst().orElse(null);
    }
}
