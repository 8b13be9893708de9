package dev.wheelhouse.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** Deny rules: how they are written and what they cover, RBAC's way. */
class DenialTest {
    @Test
    void theGroupOfAKnownPluralIsFilledInAndASubresourceIsItsOwnResource() {
        Denial pods = Denial.of("list, watch", "pods", "shop-prod");
        assertThat(pods).isEqualTo(new Denial(Set.of("list", "watch"), "", "pods", "", "shop-prod"));
        Denial deployments = Denial.of("patch", "deployments", null);
        assertThat(deployments.group()).isEqualTo("apps");
        Denial scale = Denial.of("*", "deployments.apps/scale", "*");
        assertThat(scale).isEqualTo(new Denial(Set.of("*"), "apps", "deployments", "scale", null));
        assertThat(scale.toString()).isEqualTo("deny * deployments.apps/scale everywhere");

        assertThat(deployments.covers("patch", "apps", "deployments", "", "shop-dev", true)).isTrue();
        assertThat(deployments.covers("patch", "apps", "deployments", "scale", "shop-dev", true))
                .as("a rule on a resource does not cover its subresources").isFalse();
        assertThat(scale.covers("update", "apps", "deployments", "scale", "shop-dev", true)).isTrue();
        assertThat(scale.covers("update", "apps", "statefulsets", "scale", "shop-dev", true)).isFalse();
    }

    @Test
    void aNamespacedRuleCoversItsNamespaceAndListsAcrossAllButNotOtherNamespacesOrClusterScopedKinds() {
        Denial pods = Denial.of("list", "pods", "shop-prod");
        assertThat(pods.covers("list", "", "pods", "", "shop-prod", true)).isTrue();
        assertThat(pods.covers("list", "", "pods", "", "shop-dev", true)).isFalse();
        assertThat(pods.covers("list", "", "pods", "", null, true)).as("all namespaces needs a cluster-wide grant").isTrue();
        assertThat(pods.covers("get", "", "pods", "", "shop-prod", true)).isFalse();
        assertThat(Denial.of("list", "nodes", "shop-prod").covers("list", "", "nodes", "", null, false)).isFalse();
        assertThat(Denial.of("list", "nodes", null).covers("list", "", "nodes", "", null, false)).isTrue();
    }

    @Test
    void aRuleWithoutVerbsOrResourceIsRefusedWithWhatIsMissing() {
        assertThatThrownBy(() -> Denial.of(" , ", "pods", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a denial needs at least one verb (or *)");
        assertThatThrownBy(() -> Denial.of("list", " ", null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a denial needs a resource (or *)");
    }
}
