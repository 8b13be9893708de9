package dev.wheelhouse.ops.hosts;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import java.util.ArrayList;
import java.util.List;

/** Hosts in batches: the first few alone, then a percentage of all hosts, then the rest. */
public final class HostBatches {
    private HostBatches() {}

    public static List<List<HostRef>> split(List<HostRef> hosts, Application.Batches batches) {
        List<List<HostRef>> out = new ArrayList<>();
        int total = hosts.size();
        int first = Math.min(total, Math.max(1, batches.first()));
        int second = Math.max(1, (int) Math.ceil(total * batches.percent() / 100.0));
        int from = 0;
        for (int size : new int[] {first, second}) {
            int to = Math.min(total, from + size);
            if (to > from) {
                out.add(List.copyOf(hosts.subList(from, to)));
            }
            from = to;
        }
        if (from < total) {
            out.add(List.copyOf(hosts.subList(from, total)));
        }
        return out;
    }

    /** Whether {@code failed} of {@code size} hosts is more than the batch may lose. */
    public static boolean overThreshold(int failed, int size, int maxFailedPercent) {
        return failed > 0 && failed * 100.0 / size > maxFailedPercent;
    }
}
