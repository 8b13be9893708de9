package dev.wheelhouse.ops.hosts;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.Application;
import dev.wheelhouse.core.workspace.HostRef;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class HostBatchesTest {
    static List<HostRef> hosts(int n) {
        return IntStream.rangeClosed(1, n).mapToObj(i -> HostRef.of("h" + i)).toList();
    }

    static List<Integer> sizes(int n, int first, int percent) {
        return HostBatches.split(hosts(n), new Application.Batches(first, percent, 0)).stream().map(List::size).toList();
    }

    @Test
    void oneHostFirstThenAPercentageOfAllThenTheRest() {
        assertThat(sizes(10, 1, 50)).containsExactly(1, 5, 4);
        assertThat(sizes(3, 1, 50)).containsExactly(1, 2);
        assertThat(sizes(2, 1, 50)).containsExactly(1, 1);
        assertThat(sizes(1, 1, 50)).containsExactly(1);
        assertThat(sizes(10, 2, 100)).containsExactly(2, 8);
        assertThat(sizes(10, 1, 10)).containsExactly(1, 1, 8);
        assertThat(HostBatches.split(hosts(4), new Application.Batches(1, 50, 0)).getFirst()).containsExactly(HostRef.of("h1"));
    }

    @Test
    void aBatchIsOverItsThresholdWhenMoreThanTheAllowedShareFails() {
        assertThat(HostBatches.overThreshold(0, 4, 0)).isFalse();
        assertThat(HostBatches.overThreshold(1, 4, 0)).isTrue();
        assertThat(HostBatches.overThreshold(1, 4, 25)).isFalse();
        assertThat(HostBatches.overThreshold(2, 4, 25)).isTrue();
        assertThat(HostBatches.overThreshold(4, 4, 100)).isFalse();
    }
}
