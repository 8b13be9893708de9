package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.Endpoints;
import io.fabric8.kubernetes.api.model.LoadBalancerIngress;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.ServiceSpec;
import java.util.ArrayList;
import java.util.List;

/**
 * Services as kubectl get services prints them, plus ENDPOINTS: how many ready addresses the
 * service's Endpoints hold ("?" when Endpoints are not listed). A selector with none is degraded.
 */
public final class ServiceRenderer implements Renderer<Service> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("TYPE"), Column.text("CLUSTER-IP"), Column.text("EXTERNAL-IP"),
            Column.text("PORT(S)"), Column.number("ENDPOINTS"), Column.age("AGE"), Column.wide("SELECTOR"));

    /** Ready and not-ready addresses; ready -1 when unknown. */
    public record EndpointCount(int ready, int notReady) {
        public static final EndpointCount UNKNOWN = new EndpointCount(-1, 0);
    }

    @Override
    public ResourceRow render(Service svc, Related related) {
        ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
        String type = spec.getType() == null ? "ClusterIP" : spec.getType();
        EndpointCount count = endpointCount(svc, related);
        boolean selects = spec.getSelector() != null && !spec.getSelector().isEmpty() && !"ExternalName".equals(type);
        Health health;
        if (!selects) {
            health = Health.HEALTHY;
        } else if (count.ready() < 0) {
            health = Health.UNKNOWN;
        } else {
            health = count.ready() > 0 ? Health.HEALTHY : Health.DEGRADED;
        }
        List<String> cells = List.of(
                svc.getMetadata().getName(),
                type,
                Rows.orNone(spec.getClusterIP()),
                externalIp(svc, false),
                Rows.joinOrNone(ports(spec), ","),
                count.ready() < 0 ? "?" : Integer.toString(count.ready()),
                Rows.age(svc),
                Selectors.format(spec.getSelector()));
        String status = !selects ? type : count.ready() < 0 ? "" : count.ready() > 0 ? "Serving" : "No endpoints";
        return Rows.row("Service", svc, cells, health, status, List.of(), "");
    }

    public static EndpointCount endpointCount(Service svc, Related related) {
        String ns = svc.getMetadata().getNamespace();
        if (!related.knows("Endpoints", ns)) {
            return EndpointCount.UNKNOWN;
        }
        Endpoints ep = related.endpoints(ns, svc.getMetadata().getName());
        return ep == null ? new EndpointCount(0, 0) : EndpointsRenderer.count(ep);
    }

    /** makePortString: "80/TCP", "80:30080/TCP" for node ports. */
    public static List<String> ports(ServiceSpec spec) {
        List<String> out = new ArrayList<>();
        if (spec.getPorts() != null) {
            for (ServicePort p : spec.getPorts()) {
                String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
                out.add(Rows.nz(p.getNodePort()) != 0
                        ? p.getPort() + ":" + p.getNodePort() + "/" + protocol
                        : p.getPort() + "/" + protocol);
            }
        }
        return out;
    }

    /** getServiceExternalIP: external IPs, load balancer addresses, "<pending>" or the external name. */
    public static String externalIp(Service svc, boolean wide) {
        ServiceSpec spec = svc.getSpec() == null ? new ServiceSpec() : svc.getSpec();
        List<String> externalIps = spec.getExternalIPs() == null ? List.of() : spec.getExternalIPs();
        String type = spec.getType() == null ? "ClusterIP" : spec.getType();
        switch (type) {
            case "ClusterIP", "NodePort" -> {
                return externalIps.isEmpty() ? "<none>" : String.join(",", externalIps);
            }
            case "LoadBalancer" -> {
                String lb = loadBalancer(svc, wide);
                if (!externalIps.isEmpty()) {
                    List<String> all = new ArrayList<>();
                    if (!lb.isEmpty()) {
                        all.addAll(List.of(lb.split(",")));
                    }
                    all.addAll(externalIps);
                    return String.join(",", all);
                }
                return lb.isEmpty() ? "<pending>" : lb;
            }
            case "ExternalName" -> {
                return Rows.nz(spec.getExternalName());
            }
            default -> {
                return "<unknown>";
            }
        }
    }

    private static String loadBalancer(Service svc, boolean wide) {
        if (svc.getStatus() == null || svc.getStatus().getLoadBalancer() == null
                || svc.getStatus().getLoadBalancer().getIngress() == null) {
            return "";
        }
        List<String> out = new ArrayList<>();
        for (LoadBalancerIngress i : svc.getStatus().getLoadBalancer().getIngress()) {
            if (i.getIp() != null && !i.getIp().isEmpty()) {
                out.add(i.getIp());
            } else if (i.getHostname() != null && !i.getHostname().isEmpty()) {
                out.add(i.getHostname());
            }
        }
        String r = String.join(",", out);
        return !wide && r.length() > 16 ? r.substring(0, 13) + "..." : r;
    }

    public static List<String> externalAddresses(Service svc) {
        String ip = externalIp(svc, true);
        return ip.equals("<none>") || ip.equals("<pending>") || ip.isEmpty() ? List.of() : List.of(ip.split(","));
    }
}
