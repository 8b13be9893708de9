package dev.wheelhouse.app.ui.actions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.input.KeyCombination;
import org.junit.jupiter.api.Test;

class ActionRegistryTest {
    private final List<String> ran = new ArrayList<>();

    @Test
    void oneActionPerIdAndPerShortcut() {
        ActionRegistry registry = new ActionRegistry();
        registry.register(AppAction.builder("a", "A").shortcut("Ctrl+R").shortcut("F5").handler(() -> ran.add("a")).build());

        assertThatThrownBy(() -> registry.register(AppAction.builder("a", "Again").handler(() -> {}).build()))
                .hasMessageContaining("registered twice");
        assertThatThrownBy(() -> registry.register(AppAction.builder("b", "B").shortcut("F5").handler(() -> {}).build()))
                .hasMessageContaining("already taken by 'a'");

        assertThat(registry.forShortcut(KeyCombination.valueOf("F5"))).map(AppAction::id).hasValue("a");
        assertThat(registry.get("a").shortcutText()).isEqualTo("Ctrl+R / F5");
        assertThat(registry.run("a")).isTrue();
        assertThat(ran).containsExactly("a");
    }

    @Test
    void aDisabledActionDoesNotRun() {
        var enabled = new SimpleBooleanProperty(false);
        ActionRegistry registry = new ActionRegistry();
        registry.register(AppAction.builder("x", "X").dangerous().enabledWhen(enabled).handler(() -> ran.add("x")).build());

        assertThat(registry.run("x")).isFalse();
        enabled.set(true);
        assertThat(registry.run("x")).isTrue();
        assertThat(ran).containsExactly("x");
        assertThat(registry.get("x").dangerous()).isTrue();
        assertThat(registry.get("x").shortcutText()).isEmpty();
    }
}
