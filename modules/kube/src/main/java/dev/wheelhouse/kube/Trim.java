package dev.wheelhouse.kube;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Drops, as an object arrives from an informer, the parts no renderer, relation or inventory
 * reads, so that the live model of a large cluster holds what its views show and little more:
 * managedFields and kubectl's last-applied annotation (often the larger part of an object on a
 * real cluster), and of pods, of which there are thousands, the environment, ports, probes,
 * mounts, volumes, security contexts and scheduling constraints. What is kept: metadata (name,
 * namespace, labels, annotations, owners, timestamps, resourceVersion), per container its name,
 * image, resources and restart policy, and the whole pod status but its IP lists.
 *
 * <p>So the model's objects are not for showing an object in full (YAML): fetch it for that.
 */
final class Trim {
    static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

    private Trim() {}

    static void trim(HasMetadata object) {
        ObjectMeta meta = object.getMetadata();
        meta.setManagedFields(null);
        Map<String, String> annotations = meta.getAnnotations();
        if (annotations != null && annotations.containsKey(LAST_APPLIED)) {
            Map<String, String> rest = new LinkedHashMap<>(annotations);
            rest.remove(LAST_APPLIED);
            meta.setAnnotations(rest);
        }
        if (object instanceof Pod pod) {
            trim(pod);
        }
    }

    private static void trim(Pod pod) {
        PodSpec spec = pod.getSpec();
        if (spec != null) {
            spec.setVolumes(null);
            spec.setTolerations(null);
            spec.setAffinity(null);
            spec.setSecurityContext(null);
            spec.setTopologySpreadConstraints(null);
            spec.setImagePullSecrets(null);
            spec.setHostAliases(null);
            spec.setDnsConfig(null);
            spec.setEphemeralContainers(null);
            containers(spec.getContainers());
            containers(spec.getInitContainers());
        }
        if (pod.getStatus() != null) {
            pod.getStatus().setPodIPs(null);
            pod.getStatus().setHostIPs(null);
        }
    }

    private static void containers(List<Container> containers) {
        if (containers == null) {
            return;
        }
        for (Container c : containers) {
            c.setEnv(null);
            c.setEnvFrom(null);
            c.setPorts(null);
            c.setLivenessProbe(null);
            c.setReadinessProbe(null);
            c.setStartupProbe(null);
            c.setLifecycle(null);
            c.setVolumeMounts(null);
            c.setVolumeDevices(null);
            c.setSecurityContext(null);
            c.setCommand(null);
            c.setArgs(null);
            c.setResizePolicy(null);
        }
    }
}
