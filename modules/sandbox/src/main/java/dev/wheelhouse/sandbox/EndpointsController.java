package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointAddressBuilder;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointPortBuilder;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.EndpointSubsetBuilder;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.EndpointsBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/** Keeps each selector Service's Endpoints to the IPs of its ready (and not ready) pods. */
final class EndpointsController {
    private record Seen(Map<String, String> labels, String ip, boolean ready, String node) {}

    private final Controllers c;
    private final Map<String, Seen> seen = new ConcurrentHashMap<>();

    EndpointsController(Controllers controllers) {
        this.c = controllers;
    }

    /** A pod changed: the Services whose selector it matches (before or after) need a look. */
    void podChanged(String namespace, String name, Pod pod) {
        String key = namespace + "/" + name;
        Seen before = pod == null ? seen.remove(key) : seen.get(key);
        Seen now = null;
        if (pod != null) {
            now = new Seen(pod.getMetadata().getLabels() == null ? Map.of() : pod.getMetadata().getLabels(),
                    pod.getStatus() == null ? null : pod.getStatus().getPodIP(), Kubelet.isReady(pod), pod.getSpec().getNodeName());
            if (now.equals(before)) {
                return;
            }
            seen.put(key, now);
        }
        for (Service svc : c.cluster().<Service>all(Resources.SERVICES)) {
            Map<String, String> selector = svc.getSpec() == null ? null : svc.getSpec().getSelector();
            if (!namespace.equals(svc.getMetadata().getNamespace()) || selector == null || selector.isEmpty()) {
                continue;
            }
            Selector s = Selector.ofLabels(selector);
            boolean unknown = now == null && before == null;
            if (unknown || (now != null && s.matches(now.labels())) || (before != null && s.matches(before.labels()))) {
                c.sim().enqueue(new Cluster.Work("Service", namespace, svc.getMetadata().getName()));
            }
        }
    }

    void reconcile(String namespace, String name) {
        Service svc = c.cluster().get(Resources.SERVICES, namespace, name);
        if (svc == null || svc.getSpec() == null || svc.getSpec().getSelector() == null || svc.getSpec().getSelector().isEmpty()) {
            return;
        }
        List<EndpointSubset> subsets = subsets(svc);
        String json = c.store().json(Resources.ENDPOINTS, namespace, name);
        if (json == null) {
            c.store().create(Resources.ENDPOINTS, namespace, endpoints(svc, subsets));
            return;
        }
        Endpoints current = Json.convert(Json.parse(json), Endpoints.class);
        if (Kube.sameContent(current.getSubsets(), subsets)) {
            return;
        }
        current.setSubsets(subsets);
        c.store().update(Resources.ENDPOINTS, namespace, name, current);
    }

    /** The Endpoints a selector Service should have now (for the seed, dated like the Service). */
    Endpoints desired(Service svc) {
        Endpoints ep = endpoints(svc, subsets(svc));
        ep.getMetadata().setCreationTimestamp(svc.getMetadata().getCreationTimestamp());
        return ep;
    }

    private static Endpoints endpoints(Service svc, List<EndpointSubset> subsets) {
        return new EndpointsBuilder()
                .withNewMetadata().withName(svc.getMetadata().getName()).withNamespace(svc.getMetadata().getNamespace())
                    .withLabels(svc.getMetadata().getLabels()).endMetadata()
                .withSubsets(subsets)
                .build();
    }

    private List<EndpointSubset> subsets(Service svc) {
        String namespace = svc.getMetadata().getNamespace();
        Selector selector = Selector.ofLabels(svc.getSpec().getSelector());
        List<EndpointAddress> ready = new ArrayList<>();
        List<EndpointAddress> notReady = new ArrayList<>();
        Pod sample = null;
        for (Pod p : c.cluster().<Pod>inNamespace(Resources.PODS, namespace)) {
            if (p.getMetadata().getLabels() == null || !selector.matches(p.getMetadata().getLabels())
                    || p.getStatus() == null || p.getStatus().getPodIP() == null) {
                continue;
            }
            EndpointAddress a = new EndpointAddressBuilder()
                    .withIp(p.getStatus().getPodIP())
                    .withNodeName(p.getSpec().getNodeName())
                    .withNewTargetRef().withKind("Pod").withName(p.getMetadata().getName())
                        .withNamespace(namespace).withUid(p.getMetadata().getUid()).endTargetRef()
                    .build();
            (Kubelet.isReady(p) ? ready : notReady).add(a);
            sample = sample == null ? p : sample;
        }
        Comparator<EndpointAddress> byIp = Comparator.comparing(EndpointAddress::getIp);
        ready.sort(byIp);
        notReady.sort(byIp);
        List<EndpointPort> ports = new ArrayList<>();
        if (svc.getSpec().getPorts() != null) {
            for (ServicePort sp : svc.getSpec().getPorts()) {
                ports.add(new EndpointPortBuilder().withName(sp.getName()).withPort(targetPort(sp, sample))
                        .withProtocol(sp.getProtocol() == null ? "TCP" : sp.getProtocol()).build());
            }
        }
        List<EndpointSubset> subsets = new ArrayList<>();
        if (!ready.isEmpty() || !notReady.isEmpty()) {
            subsets.add(new EndpointSubsetBuilder()
                    .withAddresses(ready.isEmpty() ? null : ready)
                    .withNotReadyAddresses(notReady.isEmpty() ? null : notReady)
                    .withPorts(ports)
                    .build());
        }
        return subsets;
    }

    private static int targetPort(ServicePort sp, Pod sample) {
        if (sp.getTargetPort() == null) {
            return sp.getPort();
        }
        if (sp.getTargetPort().getIntVal() != null) {
            return sp.getTargetPort().getIntVal();
        }
        if (sample != null) {
            for (Container container : sample.getSpec().getContainers()) {
                if (container.getPorts() != null) {
                    for (ContainerPort port : container.getPorts()) {
                        if (Objects.equals(port.getName(), sp.getTargetPort().getStrVal())) {
                            return port.getContainerPort();
                        }
                    }
                }
            }
        }
        return sp.getPort();
    }
}
