package dev.wheelhouse.core.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.wheelhouse.core.cluster.LabelSelector.Operator;
import dev.wheelhouse.core.cluster.LabelSelector.Requirement;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorTest {
    private static final Map<String, String> STABLE_API = Map.of("app", "api", "track", "stable");
    private static final Map<String, String> CANARY_API = Map.of("app", "api", "track", "canary");
    private static final Map<String, String> BARE_API = Map.of("app", "api");

    private static LabelSelector one(String key, Operator op, String... values) {
        return LabelSelector.of(Map.of(), List.of(new Requirement(key, op, List.of(values))));
    }

    @Test
    void eachOperatorAsTheApiReferenceDefinesIt() {
        LabelSelector in = one("track", Operator.IN, "stable", "beta");
        assertThat(in.matches(STABLE_API)).isTrue();
        assertThat(in.matches(CANARY_API)).isFalse();
        assertThat(in.matches(BARE_API)).isFalse();

        LabelSelector notIn = one("track", Operator.NOT_IN, "canary");
        assertThat(notIn.matches(STABLE_API)).isTrue();
        assertThat(notIn.matches(CANARY_API)).isFalse();
        assertThat(notIn.matches(BARE_API)).as("NotIn picks objects without the label").isTrue();

        LabelSelector exists = one("track", Operator.EXISTS);
        assertThat(exists.matches(CANARY_API)).isTrue();
        assertThat(exists.matches(BARE_API)).isFalse();
        assertThat(exists.matches(Map.of("track", ""))).as("an empty value still exists").isTrue();

        LabelSelector absent = one("track", Operator.DOES_NOT_EXIST);
        assertThat(absent.matches(BARE_API)).isTrue();
        assertThat(absent.matches(STABLE_API)).isFalse();
    }

    @Test
    void matchLabelsAndEveryExpressionAreAnded() {
        LabelSelector s = LabelSelector.of(Map.of("app", "api"), List.of(
                new Requirement("track", Operator.IN, List.of("stable", "canary")),
                new Requirement("legacy", Operator.DOES_NOT_EXIST, List.of())));
        assertThat(s.matches(STABLE_API)).isTrue();
        assertThat(s.matches(CANARY_API)).isTrue();
        assertThat(s.matches(BARE_API)).isFalse();
        assertThat(s.matches(Map.of("app", "web", "track", "stable"))).isFalse();
        assertThat(s.matches(Map.of("app", "api", "track", "stable", "legacy", "yes"))).isFalse();
        assertThat(LabelSelector.ofLabels(Map.of("app", "api")).matches(CANARY_API)).isTrue();
        assertThat(LabelSelector.ofLabels(Map.of("app", "api")).matches(null)).isFalse();
    }

    @Test
    void emptyMatchesEverythingAndNullNothing() {
        assertThat(LabelSelector.EVERYTHING.matches(Map.of())).isTrue();
        assertThat(LabelSelector.of(null, null).matches(STABLE_API)).isTrue();
        assertThat(LabelSelector.of(null, null).isEmpty()).isTrue();
        assertThat(LabelSelector.NOTHING.matches(Map.of())).isFalse();
        assertThat(LabelSelector.NOTHING.matches(STABLE_API)).isFalse();
        assertThat(LabelSelector.NOTHING.isEmpty()).isFalse();
        assertThat(LabelSelector.NOTHING).isNotEqualTo(LabelSelector.EVERYTHING);
        assertThat(new WorkloadDetails(new RowKey("c", "Pod", "ns", "p"), null, null, null, null).selects(STABLE_API))
                .as("a pod's detail selects no other pod").isFalse();
    }

    @Test
    void invalidRequirementsAreRefusedNamingWhatIsWrong() {
        assertThatThrownBy(() -> Operator.of("Gt")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown label selector operator \"Gt\" (valid: In, NotIn, Exists, DoesNotExist)");
        assertThatThrownBy(() -> new Requirement("track", Operator.IN, List.of())).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label selector requirement \"track In\" has no values (In needs at least one)");
        assertThatThrownBy(() -> new Requirement("track", Operator.EXISTS, List.of("x"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("label selector requirement \"track Exists\" has values [x] (Exists takes none)");
        assertThatThrownBy(() -> new Requirement("", Operator.EXISTS, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a label selector requirement has no key");
    }
}
