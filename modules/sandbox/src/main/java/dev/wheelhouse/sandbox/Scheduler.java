package dev.wheelhouse.sandbox;

import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Places pods on nodes: Ready, schedulable nodes whose NoSchedule/NoExecute taints the pod
 * tolerates and whose labels match its nodeSelector, fewest pods first. Keeps a pod count per
 * node from the store's changes, so placing a pod never scans all pods.
 */
final class Scheduler implements ApiStore.Listener {
    private final Cluster cluster;
    private final Map<String, AtomicInteger> podsPerNode = new ConcurrentHashMap<>();
    private final Map<String, String> nodeOfPod = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> nextIp = new ConcurrentHashMap<>();
    /** Eligible nodes by node selector and tolerations; cleared whenever a node changes. */
    private final Map<String, List<Node>> eligibleCache = new ConcurrentHashMap<>();

    Scheduler(Cluster cluster) {
        this.cluster = cluster;
    }

    @Override
    public void changed(ApiStore.Change change) {
        if (change.typeKey().equals(Resources.NODES.typeKey())) {
            eligibleCache.clear();
            return;
        }
        if (!change.typeKey().equals(Resources.PODS.typeKey())) {
            return;
        }
        String key = Cluster.key(change.namespace(), change.name());
        String node = null;
        if (change.type() != ApiStore.ChangeType.DELETED) {
            node = change.typed() instanceof Pod p ? p.getSpec().getNodeName()
                    : change.tree().path("spec").path("nodeName").asString(null);
        }
        String old = node == null ? nodeOfPod.remove(key) : nodeOfPod.put(key, node);
        if (!Objects.equals(old, node)) {
            if (old != null) {
                podsPerNode.computeIfAbsent(old, k -> new AtomicInteger()).decrementAndGet();
            }
            if (node != null) {
                podsPerNode.computeIfAbsent(node, k -> new AtomicInteger()).incrementAndGet();
            }
        }
    }

    int podsOn(String node) {
        AtomicInteger n = podsPerNode.get(node);
        return n == null ? 0 : n.get();
    }

    /** The nodes a pod with this spec may run on, by name. */
    List<Node> eligible(PodSpec spec) {
        String key = String.valueOf(spec.getNodeSelector()) + "|" + String.valueOf(spec.getTolerations());
        return eligibleCache.computeIfAbsent(key, k -> computeEligible(spec));
    }

    private List<Node> computeEligible(PodSpec spec) {
        List<Node> out = new ArrayList<>();
        for (Node node : cluster.<Node>all(Resources.NODES)) {
            if (fits(node, spec)) {
                out.add(node);
            }
        }
        out.sort(Comparator.comparing(n -> n.getMetadata().getName()));
        return List.copyOf(out);
    }

    /** The least loaded eligible node, or null when none fits. */
    String place(PodSpec spec) {
        Node best = null;
        int bestCount = Integer.MAX_VALUE;
        for (Node node : eligible(spec)) {
            int count = podsOn(node.getMetadata().getName());
            if (count < bestCount) {
                best = node;
                bestCount = count;
            }
        }
        return best == null ? null : best.getMetadata().getName();
    }

    static boolean fits(Node node, PodSpec spec) {
        if (Boolean.TRUE.equals(node.getSpec().getUnschedulable()) || !ready(node)) {
            return false;
        }
        Map<String, String> selector = spec.getNodeSelector();
        if (selector != null && !selector.isEmpty()) {
            Map<String, String> labels = node.getMetadata().getLabels();
            for (var e : selector.entrySet()) {
                if (labels == null || !e.getValue().equals(labels.get(e.getKey()))) {
                    return false;
                }
            }
        }
        List<Taint> taints = node.getSpec().getTaints();
        if (taints != null) {
            for (Taint t : taints) {
                if (("NoSchedule".equals(t.getEffect()) || "NoExecute".equals(t.getEffect())) && !tolerated(t, spec.getTolerations())) {
                    return false;
                }
            }
        }
        return true;
    }

    static boolean ready(Node node) {
        if (node.getStatus() == null || node.getStatus().getConditions() == null) {
            return false;
        }
        for (NodeCondition c : node.getStatus().getConditions()) {
            if ("Ready".equals(c.getType())) {
                return "True".equals(c.getStatus());
            }
        }
        return false;
    }

    private static boolean tolerated(Taint taint, List<Toleration> tolerations) {
        if (tolerations == null) {
            return false;
        }
        for (Toleration t : tolerations) {
            boolean keyMatches = t.getKey() == null || t.getKey().isEmpty() ? "Exists".equals(t.getOperator()) : t.getKey().equals(taint.getKey());
            boolean effectMatches = t.getEffect() == null || t.getEffect().isEmpty() || t.getEffect().equals(taint.getEffect());
            boolean valueMatches = "Exists".equals(t.getOperator()) || Objects.equals(t.getValue(), taint.getValue());
            if (keyMatches && effectMatches && valueMatches) {
                return true;
            }
        }
        return false;
    }

    /** The next pod IP on a node: 10.244.&lt;node index&gt;.&lt;2..254&gt;, reused round-robin. */
    String podIp(String nodeName) {
        int index = nodeIndex(nodeName);
        int n = nextIp.computeIfAbsent(nodeName, k -> new AtomicInteger(10)).getAndIncrement();
        return "10.244." + (index % 250) + "." + (2 + (n % 252));
    }

    static int nodeIndex(String nodeName) {
        int i = nodeName.length() - 1;
        while (i >= 0 && Character.isDigit(nodeName.charAt(i))) {
            i--;
        }
        String digits = nodeName.substring(i + 1);
        return digits.isEmpty() ? Math.floorMod(nodeName.hashCode(), 250) : Integer.parseInt(digits);
    }
}
