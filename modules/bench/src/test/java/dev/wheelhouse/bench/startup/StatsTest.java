package dev.wheelhouse.bench.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StatsTest {
    @Test
    void medianOfAnOddCountIsTheMiddleValue() {
        assertThat(Stats.of(List.of(900L, 1200L, 800L, 3000L, 1000L))).isEqualTo(new Stats(1000, 800, 3000, 5));
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddlePair() {
        assertThat(Stats.of(List.of(10L, 40L, 20L, 30L)).median()).isEqualTo(25.0);
    }
}
