package dev.wheelhouse.kube.render;

import dev.wheelhouse.core.cluster.Column;
import dev.wheelhouse.core.cluster.Health;
import dev.wheelhouse.core.cluster.ResourceRow;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicySpec;
import java.util.ArrayList;
import java.util.List;

/**
 * NetworkPolicies as kubectl get netpol prints them (POD-SELECTOR), plus the pods they select
 * and what they let in and out, in words: "deny all", "allow all",
 * "from pods app=frontend on 8080/TCP; from cidr 10.0.0.0/8".
 */
public final class NetworkPolicyRenderer implements Renderer<NetworkPolicy> {
    public static final List<Column> COLUMNS = List.of(
            Column.text("NAME"), Column.text("POD-SELECTOR"), Column.number("PODS"), Column.text("INGRESS"),
            Column.text("EGRESS"), Column.age("AGE"));

    @Override
    public ResourceRow render(NetworkPolicy np, Related related) {
        NetworkPolicySpec spec = np.getSpec() == null ? new NetworkPolicySpec() : np.getSpec();
        int selected = selectedPods(np, related);
        String ingress = ingress(spec);
        String egress = egress(spec);
        List<String> cells = List.of(
                np.getMetadata().getName(),
                Selectors.format(spec.getPodSelector()),
                selected < 0 ? "?" : Integer.toString(selected),
                ingress.isEmpty() ? "(not restricted)" : ingress,
                egress.isEmpty() ? "(not restricted)" : egress,
                Rows.age(np));
        return Rows.row("NetworkPolicy", np, cells, Health.HEALTHY, String.join(",", policyTypes(spec)), List.of(), "");
    }

    /** Watched pods of the policy's namespace it selects; -1 when pods are not known. */
    public static int selectedPods(NetworkPolicy np, Related related) {
        String ns = np.getMetadata().getNamespace();
        if (!related.knows("Pod", ns)) {
            return -1;
        }
        // Read once per policy, not once per pod: a namespace may hold thousands of pods.
        dev.wheelhouse.core.cluster.LabelSelector selector = Selectors.of(
                np.getSpec() == null || np.getSpec().getPodSelector() == null ? new LabelSelector() : np.getSpec().getPodSelector());
        int n = 0;
        for (Pod pod : related.pods(ns)) {
            if (selector.matches(pod.getMetadata().getLabels())) {
                n++;
            }
        }
        return n;
    }

    /** As the API defaults them: Ingress always, Egress when egress rules exist. */
    public static List<String> policyTypes(NetworkPolicySpec spec) {
        if (spec.getPolicyTypes() != null && !spec.getPolicyTypes().isEmpty()) {
            return List.copyOf(spec.getPolicyTypes());
        }
        List<String> types = new ArrayList<>(List.of("Ingress"));
        if (spec.getEgress() != null && !spec.getEgress().isEmpty()) {
            types.add("Egress");
        }
        return types;
    }

    /** What the policy lets in; "" when it does not govern ingress. */
    public static String ingress(NetworkPolicySpec spec) {
        if (!policyTypes(spec).contains("Ingress")) {
            return "";
        }
        if (spec.getIngress() == null || spec.getIngress().isEmpty()) {
            return "deny all";
        }
        List<String> rules = new ArrayList<>();
        for (var rule : spec.getIngress()) {
            rules.add(rule(rule.getFrom(), rule.getPorts(), "from"));
        }
        return summarize(rules);
    }

    /** What the policy lets out; "" when it does not govern egress. */
    public static String egress(NetworkPolicySpec spec) {
        if (!policyTypes(spec).contains("Egress")) {
            return "";
        }
        if (spec.getEgress() == null || spec.getEgress().isEmpty()) {
            return "deny all";
        }
        List<String> rules = new ArrayList<>();
        for (var rule : spec.getEgress()) {
            rules.add(rule(rule.getTo(), rule.getPorts(), "to"));
        }
        return summarize(rules);
    }

    private static String summarize(List<String> rules) {
        return rules.contains("allow all") ? "allow all" : String.join("; ", rules);
    }

    private static String rule(List<NetworkPolicyPeer> peers, List<NetworkPolicyPort> ports, String direction) {
        boolean anyPeer = peers == null || peers.isEmpty();
        boolean anyPort = ports == null || ports.isEmpty();
        if (anyPeer && anyPort) {
            return "allow all";
        }
        String who = anyPeer ? direction + " anywhere"
                : direction + " " + String.join(", ", peers.stream().map(NetworkPolicyRenderer::peer).toList());
        if (anyPort) {
            return who;
        }
        return who + " on " + String.join(", ", ports.stream().map(NetworkPolicyRenderer::port).toList());
    }

    private static String peer(NetworkPolicyPeer p) {
        if (p.getIpBlock() != null) {
            IPBlock b = p.getIpBlock();
            return "cidr " + b.getCidr()
                    + (b.getExcept() == null || b.getExcept().isEmpty() ? "" : " except " + String.join(",", b.getExcept()));
        }
        String pods = p.getPodSelector() == null ? null : selectorWords(p.getPodSelector(), "all pods");
        String namespaces = p.getNamespaceSelector() == null ? null : selectorWords(p.getNamespaceSelector(), "all namespaces");
        if (pods != null && namespaces != null) {
            return (pods.equals("all pods") ? "all pods" : "pods " + pods) + " in "
                    + (namespaces.equals("all namespaces") ? "all namespaces" : "namespaces " + namespaces);
        }
        if (namespaces != null) {
            return namespaces.equals("all namespaces") ? "all namespaces" : "namespaces " + namespaces;
        }
        if (pods != null) {
            return pods.equals("all pods") ? "all pods in the namespace" : "pods " + pods;
        }
        return "nothing";
    }

    private static String selectorWords(LabelSelector selector, String everything) {
        String s = Selectors.format(selector);
        return s.equals("<none>") ? everything : s;
    }

    private static String port(NetworkPolicyPort p) {
        String protocol = p.getProtocol() == null ? "TCP" : p.getProtocol();
        if (p.getPort() == null) {
            return "all " + protocol;
        }
        String port = p.getPort().getIntVal() != null ? p.getPort().getIntVal().toString() : p.getPort().getStrVal();
        if (p.getEndPort() != null) {
            port = port + "-" + p.getEndPort();
        }
        return port + "/" + protocol;
    }
}
