package dev.wheelhouse.kube;

import dev.wheelhouse.core.ops.TemplateFields;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Pod templates: the images, the fields a diff shows, and the merge patch from one template to another. */
final class PodTemplates {
    static final String POD_TEMPLATE_HASH = "pod-template-hash";
    private static final KubernetesSerialization JSON = new KubernetesSerialization();

    private PodTemplates() {}

    static PodTemplateSpec withoutHash(PodTemplateSpec template) {
        if (template == null) {
            return null;
        }
        PodTemplateSpec copy = new io.fabric8.kubernetes.api.model.PodTemplateSpecBuilder(template).build();
        if (copy.getMetadata() != null && copy.getMetadata().getLabels() != null) {
            Map<String, String> labels = new LinkedHashMap<>(copy.getMetadata().getLabels());
            labels.remove(POD_TEMPLATE_HASH);
            copy.setMetadata(new io.fabric8.kubernetes.api.model.ObjectMetaBuilder(copy.getMetadata()).withLabels(labels).build());
        }
        return copy;
    }

    static List<String> images(PodTemplateSpec template) {
        if (template == null || template.getSpec() == null || template.getSpec().getContainers() == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (Container container : template.getSpec().getContainers()) {
            out.add(container.getName() + "=" + container.getImage());
        }
        return out;
    }

    /** The fields of {@link TemplateFields}: images, env, resources, probes, command, template labels and annotations. */
    static TemplateFields fields(PodTemplateSpec template) {
        Map<String, String> f = new LinkedHashMap<>();
        if (template == null) {
            return TemplateFields.EMPTY;
        }
        if (template.getMetadata() != null) {
            Map<String, String> labels = template.getMetadata().getLabels() == null ? Map.of() : template.getMetadata().getLabels();
            labels.forEach((k, v) -> {
                if (!k.equals(POD_TEMPLATE_HASH)) {
                    f.put("labels/" + k, v);
                }
            });
            if (template.getMetadata().getAnnotations() != null) {
                template.getMetadata().getAnnotations().forEach((k, v) -> f.put("annotations/" + k, v));
            }
        }
        if (template.getSpec() == null) {
            return new TemplateFields(f);
        }
        List<Container> all = new ArrayList<>();
        if (template.getSpec().getInitContainers() != null) {
            all.addAll(template.getSpec().getInitContainers());
        }
        if (template.getSpec().getContainers() != null) {
            all.addAll(template.getSpec().getContainers());
        }
        for (Container c : all) {
            String p = "container/" + c.getName() + "/";
            f.put(p + "image", Objects.toString(c.getImage(), ""));
            if (c.getCommand() != null && !c.getCommand().isEmpty()) {
                f.put(p + "command", String.join(" ", c.getCommand()));
            }
            if (c.getArgs() != null && !c.getArgs().isEmpty()) {
                f.put(p + "args", String.join(" ", c.getArgs()));
            }
            if (c.getEnv() != null) {
                for (EnvVar e : c.getEnv()) {
                    // A value from a secret or config map is shown by reference, never resolved.
                    f.put(p + "env/" + e.getName(), e.getValue() != null ? e.getValue()
                            : e.getValueFrom() == null ? "" : "from " + oneLine(e.getValueFrom()));
                }
            }
            if (c.getResources() != null) {
                quantities(f, p + "resources/requests/", c.getResources().getRequests());
                quantities(f, p + "resources/limits/", c.getResources().getLimits());
            }
            probe(f, p + "readinessProbe", c.getReadinessProbe());
            probe(f, p + "livenessProbe", c.getLivenessProbe());
            probe(f, p + "startupProbe", c.getStartupProbe());
        }
        return new TemplateFields(f);
    }

    private static void quantities(Map<String, String> f, String prefix, Map<String, Quantity> q) {
        if (q != null) {
            q.forEach((k, v) -> f.put(prefix + k, v == null ? "" : v.toString()));
        }
    }

    private static void probe(Map<String, String> f, String key, Probe probe) {
        if (probe != null) {
            f.put(key, oneLine(probe));
        }
    }

    private static String oneLine(Object value) {
        return JSON.asJson(value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> tree(Object value) {
        return JSON.convertValue(value, Map.class);
    }

    static <T> T convert(Object value, Class<T> type) {
        return JSON.convertValue(value, type);
    }

    static String json(Object value) {
        return JSON.asJson(value);
    }

    /**
     * Whether two templates are the same once empty values are ignored: a revision's stored data
     * and the live object can differ in an empty list or map the API server dropped or defaulted.
     */
    static boolean sameTemplate(PodTemplateSpec a, PodTemplateSpec b) {
        if (a == null || b == null) {
            return a == b;
        }
        return Objects.equals(compact(tree(withoutHash(a))), compact(tree(withoutHash(b))));
    }

    @SuppressWarnings("unchecked")
    private static Object compact(Object value) {
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new java.util.TreeMap<>();
            ((Map<String, Object>) m).forEach((k, v) -> {
                Object c = compact(v);
                if (c != null) {
                    out.put(k, c);
                }
            });
            return out.isEmpty() ? null : out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            l.forEach(v -> out.add(compact(v)));
            return out.isEmpty() ? null : out;
        }
        if (value instanceof Number n) {
            return n.toString();
        }
        return value;
    }

    /**
     * The RFC 7386 merge patch that turns {@code from} into {@code to}: changed keys set, removed
     * keys null, arrays whole. Applying it to {@code from} yields exactly {@code to}.
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> mergePatch(Map<String, Object> from, Map<String, Object> to) {
        Map<String, Object> patch = new LinkedHashMap<>();
        for (String key : from.keySet()) {
            if (!to.containsKey(key)) {
                patch.put(key, null);
            }
        }
        for (Map.Entry<String, Object> e : to.entrySet()) {
            Object before = from.get(e.getKey());
            Object after = e.getValue();
            if (before instanceof Map<?, ?> b && after instanceof Map<?, ?> a) {
                Map<String, Object> inner = mergePatch((Map<String, Object>) b, (Map<String, Object>) a);
                if (!inner.isEmpty()) {
                    patch.put(e.getKey(), inner);
                }
            } else if (!Objects.equals(before, after) || !from.containsKey(e.getKey())) {
                patch.put(e.getKey(), after);
            }
        }
        return patch;
    }
}
