package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.kube.render.DaemonSetRenderer;
import dev.wheelhouse.kube.render.DeploymentRenderer;
import dev.wheelhouse.kube.render.EndpointsRenderer;
import dev.wheelhouse.kube.render.EventRenderer;
import dev.wheelhouse.kube.render.HorizontalPodAutoscalerRenderer;
import dev.wheelhouse.kube.render.IngressRenderer;
import dev.wheelhouse.kube.render.NetworkPolicyRenderer;
import dev.wheelhouse.kube.render.NodeRenderer;
import dev.wheelhouse.kube.render.PersistentVolumeClaimRenderer;
import dev.wheelhouse.kube.render.PersistentVolumeRenderer;
import dev.wheelhouse.kube.render.PodRenderer;
import dev.wheelhouse.kube.render.ReplicaSetRenderer;
import dev.wheelhouse.kube.render.ServiceRenderer;
import dev.wheelhouse.kube.render.StatefulSetRenderer;
import dev.wheelhouse.kube.render.StorageClassRenderer;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.ReplicaSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.List;
import java.util.Optional;

/**
 * THE registry of resource kinds: one entry per kind with its names, scope, informer, columns
 * and renderer. Views, the live model, RBAC checks and the inventory all look kinds up here.
 */
public final class ResourceKinds {
    public static final ResourceKind<Pod> POD =
            ResourceKind.of("Pod", "pods", "", true, Pod.class, PodRenderer.COLUMNS, new PodRenderer());
    public static final ResourceKind<Deployment> DEPLOYMENT = ResourceKind.of(
            "Deployment", "deployments", "apps", true, Deployment.class, DeploymentRenderer.COLUMNS, new DeploymentRenderer());
    public static final ResourceKind<StatefulSet> STATEFUL_SET = ResourceKind.of(
            "StatefulSet", "statefulsets", "apps", true, StatefulSet.class, StatefulSetRenderer.COLUMNS, new StatefulSetRenderer());
    public static final ResourceKind<DaemonSet> DAEMON_SET = ResourceKind.of(
            "DaemonSet", "daemonsets", "apps", true, DaemonSet.class, DaemonSetRenderer.COLUMNS, new DaemonSetRenderer());
    public static final ResourceKind<ReplicaSet> REPLICA_SET = ResourceKind.of(
            "ReplicaSet", "replicasets", "apps", true, ReplicaSet.class, ReplicaSetRenderer.COLUMNS, new ReplicaSetRenderer());
    public static final ResourceKind<Node> NODE =
            ResourceKind.of("Node", "nodes", "", false, Node.class, NodeRenderer.COLUMNS, new NodeRenderer());
    public static final ResourceKind<PersistentVolume> PERSISTENT_VOLUME = ResourceKind.of(
            "PersistentVolume", "persistentvolumes", "", false, PersistentVolume.class, PersistentVolumeRenderer.COLUMNS,
            new PersistentVolumeRenderer());
    public static final ResourceKind<PersistentVolumeClaim> PERSISTENT_VOLUME_CLAIM = ResourceKind.of(
            "PersistentVolumeClaim", "persistentvolumeclaims", "", true, PersistentVolumeClaim.class,
            PersistentVolumeClaimRenderer.COLUMNS, new PersistentVolumeClaimRenderer());
    public static final ResourceKind<StorageClass> STORAGE_CLASS = ResourceKind.of(
            "StorageClass", "storageclasses", "storage.k8s.io", false, StorageClass.class, StorageClassRenderer.COLUMNS,
            new StorageClassRenderer());
    public static final ResourceKind<Service> SERVICE =
            ResourceKind.of("Service", "services", "", true, Service.class, ServiceRenderer.COLUMNS, new ServiceRenderer());
    public static final ResourceKind<Endpoints> ENDPOINTS = ResourceKind.of(
            "Endpoints", "endpoints", "", true, Endpoints.class, EndpointsRenderer.COLUMNS, new EndpointsRenderer());
    public static final ResourceKind<Ingress> INGRESS = ResourceKind.of(
            "Ingress", "ingresses", "networking.k8s.io", true, Ingress.class, IngressRenderer.COLUMNS, new IngressRenderer());
    public static final ResourceKind<NetworkPolicy> NETWORK_POLICY = ResourceKind.of(
            "NetworkPolicy", "networkpolicies", "networking.k8s.io", true, NetworkPolicy.class,
            NetworkPolicyRenderer.COLUMNS, new NetworkPolicyRenderer());
    public static final ResourceKind<Event> EVENT =
            ResourceKind.of("Event", "events", "", true, Event.class, EventRenderer.COLUMNS, new EventRenderer());
    public static final ResourceKind<HorizontalPodAutoscaler> HORIZONTAL_POD_AUTOSCALER = ResourceKind.of(
            "HorizontalPodAutoscaler", "horizontalpodautoscalers", "autoscaling", true, HorizontalPodAutoscaler.class,
            HorizontalPodAutoscalerRenderer.COLUMNS, new HorizontalPodAutoscalerRenderer());

    /** Every kind, in the order views list them. */
    public static final List<ResourceKind<?>> ALL = List.of(
            POD, DEPLOYMENT, STATEFUL_SET, DAEMON_SET, REPLICA_SET, NODE, PERSISTENT_VOLUME, PERSISTENT_VOLUME_CLAIM,
            STORAGE_CLASS, SERVICE, ENDPOINTS, INGRESS, NETWORK_POLICY, EVENT, HORIZONTAL_POD_AUTOSCALER);

    private ResourceKinds() {}

    public static List<KindInfo> infos() {
        return ALL.stream().map(ResourceKind::info).toList();
    }

    /** By kind ("Deployment"), plural ("deployments") or plural.group ("deployments.apps"), any case. */
    public static Optional<ResourceKind<?>> find(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.trim();
        return ALL.stream().filter(k -> k.kind().equalsIgnoreCase(n)
                        || k.info().plural().equalsIgnoreCase(n)
                        || (k.info().plural() + "." + k.info().group()).equalsIgnoreCase(n))
                .findFirst();
    }

    public static ResourceKind<?> of(String kind) {
        return find(kind).orElseThrow(() -> new IllegalArgumentException("no resource kind " + kind));
    }
}
