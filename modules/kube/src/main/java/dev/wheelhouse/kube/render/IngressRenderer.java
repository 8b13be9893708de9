package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.Inventory;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressLoadBalancerIngress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressSpec;
import java.util.ArrayList;
import java.util.List;

/** Ingresses as kubectl get ingress prints them, plus RULES: host+path -> service:port. */
public final class IngressRenderer implements Renderer<Ingress> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("CLASS"), Column.text("HOSTS"), Column.text("ADDRESS"), Column.text("PORTS"),
            Column.text("RULES"), Column.age("AGE"));

    @Override
    public ResourceRow render(Ingress ing, Related related) {
        IngressSpec spec = ing.getSpec() == null ? new IngressSpec() : ing.getSpec();
        List<String> routes = routes(ing).stream()
                .map(r -> (r.host().equals("*") && r.path().isEmpty() ? "(default)" : r.host() + r.path()) + " -> "
                        + r.service() + ":" + r.port())
                .toList();
        List<String> cells = List.of(
                ing.getMetadata().getName(),
                spec.getIngressClassName() == null ? "<none>" : spec.getIngressClassName(),
                hosts(spec),
                String.join(",", addresses(ing)),
                spec.getTls() != null && !spec.getTls().isEmpty() ? "80, 443" : "80",
                Rows.joinOrNone(routes, ", "),
                Rows.age(ing));
        return Rows.row("Ingress", ing, cells, Health.HEALTHY, addresses(ing).isEmpty() ? "No address" : "Ready",
                List.of(), "");
    }

    /** formatHosts: the first three hosts then " + N more...", "*" when no rule names a host. */
    static String hosts(IngressSpec spec) {
        List<String> list = new ArrayList<>();
        int max = 3;
        boolean more = false;
        int count = 0;
        if (spec.getRules() != null) {
            for (IngressRule rule : spec.getRules()) {
                if (rule.getHost() == null || rule.getHost().isEmpty()) {
                    continue;
                }
                count++;
                if (list.size() == max) {
                    more = true;
                    continue;
                }
                list.add(rule.getHost());
            }
        }
        if (list.isEmpty()) {
            return "*";
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - max) + " more..." : joined;
    }

    public static List<String> hostList(Ingress ing) {
        List<String> out = new ArrayList<>();
        if (ing.getSpec() != null && ing.getSpec().getRules() != null) {
            for (IngressRule r : ing.getSpec().getRules()) {
                out.add(r.getHost() == null || r.getHost().isEmpty() ? "*" : r.getHost());
            }
        }
        return out;
    }

    public static List<String> addresses(Ingress ing) {
        List<String> out = new ArrayList<>();
        if (ing.getStatus() != null && ing.getStatus().getLoadBalancer() != null
                && ing.getStatus().getLoadBalancer().getIngress() != null) {
            for (IngressLoadBalancerIngress i : ing.getStatus().getLoadBalancer().getIngress()) {
                if (i.getIp() != null && !i.getIp().isEmpty()) {
                    out.add(i.getIp());
                } else if (i.getHostname() != null && !i.getHostname().isEmpty()) {
                    out.add(i.getHostname());
                }
            }
        }
        return out;
    }

    /** Every path of every rule, and the default backend as host "*" with no path. */
    public static List<Inventory.Route> routes(Ingress ing) {
        List<Inventory.Route> out = new ArrayList<>();
        IngressSpec spec = ing.getSpec();
        if (spec == null) {
            return out;
        }
        if (spec.getRules() != null) {
            for (IngressRule rule : spec.getRules()) {
                String host = rule.getHost() == null || rule.getHost().isEmpty() ? "*" : rule.getHost();
                if (rule.getHttp() == null || rule.getHttp().getPaths() == null) {
                    continue;
                }
                for (HTTPIngressPath p : rule.getHttp().getPaths()) {
                    out.add(new Inventory.Route(host, p.getPath() == null ? "/" : p.getPath(), service(p.getBackend()),
                            port(p.getBackend())));
                }
            }
        }
        if (spec.getDefaultBackend() != null) {
            out.add(new Inventory.Route("*", "", service(spec.getDefaultBackend()), port(spec.getDefaultBackend())));
        }
        return out;
    }

    private static String service(IngressBackend b) {
        if (b == null) {
            return "";
        }
        if (b.getService() != null) {
            return b.getService().getName();
        }
        return b.getResource() == null ? "" : b.getResource().getKind() + "/" + b.getResource().getName();
    }

    private static String port(IngressBackend b) {
        if (b == null || b.getService() == null || b.getService().getPort() == null) {
            return "";
        }
        var port = b.getService().getPort();
        return port.getName() != null && !port.getName().isEmpty() ? port.getName() : String.valueOf(port.getNumber());
    }
}
