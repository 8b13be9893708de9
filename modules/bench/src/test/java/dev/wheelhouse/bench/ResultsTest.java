package dev.wheelhouse.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ResultsTest {
    @Test
    void formatsOneLinePerFigure() {
        assertThat(Results.line("startup", "app_aot_first_frame_median", Results.millis(912.5), "ms"))
                .isEqualTo("RESULT startup app_aot_first_frame_median 913 ms");
        assertThat(Results.line("startup", "aot_speedup", Results.ratio(2.0 / 3), "x"))
                .isEqualTo("RESULT startup aot_speedup 0.67 x");
        assertThat(Results.line("installer", "deb_size", Results.megabytes(50_868_104), "MB"))
                .isEqualTo("RESULT installer deb_size 50.9 MB");
    }

    @Test
    void refusesFieldsThatWouldSplitTheLine() {
        assertThatThrownBy(() -> Results.line("startup", "first frame", "1", "ms"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("first frame");
    }
}
