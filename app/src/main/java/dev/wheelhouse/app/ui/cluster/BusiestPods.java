package dev.wheelhouse.app.ui.cluster;

import dev.wheelhouse.core.cluster.RowKey;
import dev.wheelhouse.core.cluster.Usage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.TreeSet;

/**
 * The pods the Metrics tab charts: the {@code limit} busiest by CPU (then memory) among those in
 * a namespace whose name contains a text, from the latest usage. One pass with a heap of
 * {@code limit}: a cluster of 10,000 pods is never sorted whole. Off the FX thread.
 *
 * @param pods the busiest, by namespace then name (so a pod keeps its place, and its colour, while
 *     it stays among them)
 * @param matching how many pods with usage passed the namespace and name filter
 * @param namespaces every namespace of a pod with usage, sorted (what the namespace choice offers)
 */
public record BusiestPods(List<RowKey> pods, int matching, List<String> namespaces) {
    public static final BusiestPods NONE = new BusiestPods(List.of(), 0, List.of());

    /** How many pods the Metrics tab charts. */
    public static final int LIMIT = 8;

    private static final Comparator<Map.Entry<RowKey, Usage>> BUSIER = Comparator
            .comparingLong((Map.Entry<RowKey, Usage> e) -> e.getValue().cpuMillis())
            .thenComparingLong(e -> e.getValue().memoryBytes())
            // ties go to the first name, so equal pods do not swap places from one sample to the next
            .thenComparing(e -> e.getKey().namespace() + "/" + e.getKey().name(), Comparator.reverseOrder());

    public BusiestPods {
        pods = List.copyOf(pods);
        namespaces = List.copyOf(namespaces);
    }

    /**
     * @param namespace "" for every namespace
     * @param nameFilter a part of the pod's name, any case; "" for every pod
     */
    public static BusiestPods rank(Map<RowKey, Usage> latest, String namespace, String nameFilter, int limit) {
        String part = nameFilter == null ? "" : nameFilter.strip().toLowerCase(Locale.ROOT);
        String ns = namespace == null ? "" : namespace;
        PriorityQueue<Map.Entry<RowKey, Usage>> top = new PriorityQueue<>(limit + 1, BUSIER);
        TreeSet<String> namespaces = new TreeSet<>();
        int matching = 0;
        for (Map.Entry<RowKey, Usage> e : latest.entrySet()) {
            RowKey key = e.getKey();
            if (!key.kind().equals("Pod")) {
                continue;
            }
            namespaces.add(key.namespace());
            if ((!ns.isEmpty() && !key.namespace().equals(ns))
                    || (!part.isEmpty() && !key.name().toLowerCase(Locale.ROOT).contains(part))) {
                continue;
            }
            matching++;
            top.add(e);
            if (top.size() > limit) {
                top.poll(); // the least busy of limit + 1
            }
        }
        List<RowKey> pods = new ArrayList<>(top.size());
        top.forEach(e -> pods.add(e.getKey()));
        pods.sort(Comparator.comparing(RowKey::namespace).thenComparing(RowKey::name).thenComparing(RowKey::context));
        return new BusiestPods(pods, matching, List.copyOf(namespaces));
    }
}
