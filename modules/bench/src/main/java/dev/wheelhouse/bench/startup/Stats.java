package dev.wheelhouse.bench.startup;

import java.util.List;

/** Median, minimum and maximum of a scenario's repetitions. */
record Stats(double median, long min, long max, int count) {
    static Stats of(List<Long> values) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no values");
        }
        List<Long> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        double median = n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
        return new Stats(median, sorted.getFirst(), sorted.getLast(), n);
    }
}
