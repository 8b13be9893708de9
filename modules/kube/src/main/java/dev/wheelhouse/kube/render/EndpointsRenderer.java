package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.EndpointAddress;
import io.fabric8.kubernetes.api.model.EndpointPort;
import io.fabric8.kubernetes.api.model.EndpointSubset;
import io.fabric8.kubernetes.api.model.Endpoints;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Endpoints as kubectl get endpoints prints them ("10.0.0.1:80,... + 2 more..."), with ready counts. */
public final class EndpointsRenderer implements Renderer<Endpoints> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("ENDPOINTS"), Column.number("READY"), Column.number("NOT READY"),
            Column.age("AGE"));

    @Override
    public ResourceRow render(Endpoints ep, Related related) {
        ServiceRenderer.EndpointCount count = count(ep);
        List<String> cells = List.of(
                ep.getMetadata().getName(),
                format(ep),
                Integer.toString(count.ready()),
                Integer.toString(count.notReady()),
                Rows.age(ep));
        Health health = count.ready() > 0 ? Health.HEALTHY : Health.DEGRADED;
        return Rows.row("Endpoints", ep, cells, health, count.ready() > 0 ? "Ready" : "No ready addresses", List.of(), "");
    }

    /** Distinct ready and not-ready addresses over all subsets. */
    public static ServiceRenderer.EndpointCount count(Endpoints ep) {
        Set<String> ready = new HashSet<>();
        Set<String> notReady = new HashSet<>();
        if (ep.getSubsets() != null) {
            for (EndpointSubset s : ep.getSubsets()) {
                if (s.getAddresses() != null) {
                    s.getAddresses().forEach(a -> ready.add(a.getIp()));
                }
                if (s.getNotReadyAddresses() != null) {
                    s.getNotReadyAddresses().forEach(a -> notReady.add(a.getIp()));
                }
            }
        }
        return new ServiceRenderer.EndpointCount(ready.size(), notReady.size());
    }

    /** printers.go formatEndpoints with no port filter: at most 3, then " + N more...". */
    public static String format(Endpoints ep) {
        if (ep.getSubsets() == null || ep.getSubsets().isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        int max = 3;
        boolean more = false;
        int count = 0;
        for (EndpointSubset ss : ep.getSubsets()) {
            List<EndpointAddress> addresses = ss.getAddresses() == null ? List.of() : ss.getAddresses();
            if (ss.getPorts() == null || ss.getPorts().isEmpty()) {
                count += addresses.size();
                for (EndpointAddress a : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    list.add(a.getIp());
                }
                continue;
            }
            for (EndpointPort port : ss.getPorts()) {
                count += addresses.size();
                for (EndpointAddress a : addresses) {
                    if (list.size() == max) {
                        more = true;
                        break;
                    }
                    String ip = a.getIp().contains(":") ? "[" + a.getIp() + "]" : a.getIp();
                    list.add(ip + ":" + port.getPort());
                }
            }
        }
        String joined = String.join(",", list);
        return more ? joined + " + " + (count - max) + " more..." : joined;
    }
}
