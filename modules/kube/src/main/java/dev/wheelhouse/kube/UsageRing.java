package dev.wheelhouse.kube;

import dev.wheelhouse.core.cluster.Usage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The last N usage samples of one node or pod, in primitive arrays that grow to N as samples
 * come: 10,000 pods hold 16 bytes per sample they have, not 24 bytes x N from their first
 * sample (29 MB before this class grew on demand and kept times as offsets).
 */
final class UsageRing {
    private static final int FIRST = 8;

    private final int capacity;
    private long base = Long.MIN_VALUE;
    /** Milliseconds after {@link #base}: 24 days of samples fit. */
    private int[] at = new int[0];
    private int[] cpu = new int[0];
    private long[] memory = new long[0];
    private int next;
    private int size;

    UsageRing(int capacity) {
        this.capacity = capacity;
    }

    synchronized void add(Usage u) {
        long millis = u.at().toEpochMilli();
        if (base == Long.MIN_VALUE) {
            base = millis;
        }
        if (size == at.length && at.length < capacity) {
            grow();
        }
        at[next] = (int) Math.max(Integer.MIN_VALUE, Math.min(Integer.MAX_VALUE, millis - base));
        cpu[next] = (int) Math.min(Integer.MAX_VALUE, u.cpuMillis());
        memory[next] = u.memoryBytes();
        next = (next + 1) % at.length;
        size = Math.min(size + 1, at.length);
    }

    /** Still oldest at 0 while not full (the ring has not wrapped yet, so next == size). */
    private void grow() {
        int length = Math.min(capacity, Math.max(FIRST, at.length * 2));
        at = Arrays.copyOf(at, length);
        cpu = Arrays.copyOf(cpu, length);
        memory = Arrays.copyOf(memory, length);
        next = size;
    }

    /** Oldest first. */
    synchronized List<Usage> toList() {
        List<Usage> out = new ArrayList<>(size);
        int start = (next - size + at.length) % Math.max(1, at.length);
        for (int i = 0; i < size; i++) {
            int j = (start + i) % at.length;
            out.add(new Usage(Instant.ofEpochMilli(base + at[j]), cpu[j], memory[j]));
        }
        return out;
    }

    synchronized Instant newest() {
        return size == 0 ? Instant.EPOCH : Instant.ofEpochMilli(base + at[(next - 1 + at.length) % at.length]);
    }
}
