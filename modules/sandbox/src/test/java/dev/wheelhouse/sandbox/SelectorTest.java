package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SelectorTest {
    private static final Map<String, String> LABELS = Map.of("app", "storefront", "tier", "web");

    @Test
    void equalityAndSetBasedRequirementsMatchAsKubernetesDefinesThem() {
        assertThat(Selector.parse("app=storefront").matches(LABELS)).isTrue();
        assertThat(Selector.parse("app==storefront,tier=web").matches(LABELS)).isTrue();
        assertThat(Selector.parse("app!=storefront").matches(LABELS)).isFalse();
        assertThat(Selector.parse("app in (catalog, storefront)").matches(LABELS)).isTrue();
        assertThat(Selector.parse("app notin (catalog,storefront)").matches(LABELS)).isFalse();
        assertThat(Selector.parse("tier,!canary").matches(LABELS)).isTrue();
        assertThat(Selector.parse("canary").matches(LABELS)).isFalse();
        assertThat(Selector.parse("missing!=x").matches(LABELS)).as("!= matches an absent label").isTrue();
        assertThat(Selector.parse("").matches(LABELS)).isTrue();
    }

    @Test
    void aMalformedSelectorIsRefusedWithTheBadPart() {
        assertThatThrownBy(() -> Selector.parse("app in storefront")).hasMessageContaining("storefront");
    }
}
