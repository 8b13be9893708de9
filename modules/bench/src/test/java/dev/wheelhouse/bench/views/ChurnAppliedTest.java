package dev.wheelhouse.bench.views;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.cluster.KindInfo;
import dev.wheelhouse.core.cluster.ResourceRow;
import dev.wheelhouse.kube.ResourceKinds;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The churn the console took in: restarts counted from the pods' rows before and after the window. */
class ChurnAppliedTest {
    private static final KindInfo POD = ResourceKinds.POD.info();

    private static ResourceRow pod(String name, String restarts) {
        List<String> cells = new java.util.ArrayList<>(java.util.Collections.nCopies(POD.columns().size(), ""));
        cells.set(ViewsBenchmark.column(POD, "RESTARTS"), restarts);
        return new ResourceRow("ctx", "Pod", "shop", name, cells, null, "", null, null, null, null);
    }

    @Test
    void countsTheRestartsOfPodsInBothReadingsOnly() {
        int column = ViewsBenchmark.column(POD, "RESTARTS");
        var before = ViewsBenchmark.restarts(List.of(pod("a", "1"), pod("b", "0"), pod("gone", "7")), column);
        var after = ViewsBenchmark.restarts(List.of(pod("a", "4"), pod("b", "2"), pod("new", "0")), column);
        assertThat(ViewsBenchmark.restartsSince(before, after)).isEqualTo(5);
    }

    @Test
    void aKindWithoutTheColumnIsAnError() {
        assertThatThrownBy(() -> ViewsBenchmark.column(POD, "NOPE")).hasMessageContaining("Pod has no column NOPE");
    }
}
