package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The last N usage samples of one node or pod, in primitive arrays (10,000 pods x 120 samples stay small). */
final class UsageRing {
    private final long[] at;
    private final long[] cpu;
    private final long[] memory;
    private int next;
    private int size;

    UsageRing(int capacity) {
        at = new long[capacity];
        cpu = new long[capacity];
        memory = new long[capacity];
    }

    synchronized void add(Usage u) {
        at[next] = u.at().toEpochMilli();
        cpu[next] = u.cpuMillis();
        memory[next] = u.memoryBytes();
        next = (next + 1) % at.length;
        size = Math.min(size + 1, at.length);
    }

    /** Oldest first. */
    synchronized List<Usage> toList() {
        List<Usage> out = new ArrayList<>(size);
        int start = (next - size + at.length) % at.length;
        for (int i = 0; i < size; i++) {
            int j = (start + i) % at.length;
            out.add(new Usage(Instant.ofEpochMilli(at[j]), cpu[j], memory[j]));
        }
        return out;
    }

    synchronized Instant newest() {
        return size == 0 ? Instant.EPOCH : Instant.ofEpochMilli(at[(next - 1 + at.length) % at.length]);
    }
}
