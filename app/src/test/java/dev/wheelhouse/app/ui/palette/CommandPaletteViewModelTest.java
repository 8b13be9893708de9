package dev.wheelhouse.app.ui.palette;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.ui.actions.AppAction;
import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.SimpleBooleanProperty;
import org.junit.jupiter.api.Test;

class CommandPaletteViewModelTest {
    private final List<String> ran = new ArrayList<>();
    private final SimpleBooleanProperty editable = new SimpleBooleanProperty(true);

    private List<AppAction> actions() {
        return List.of(
                action("palette.open", "Command palette", "Ctrl+K"),
                AppAction.builder("environment.add", "Add environment").shortcut("Ctrl+N")
                        .enabledWhen(editable).handler(() -> ran.add("environment.add")).build(),
                AppAction.builder("environment.remove", "Remove environment").shortcut("Ctrl+Delete").dangerous()
                        .enabledWhen(editable).handler(() -> ran.add("environment.remove")).build(),
                action("workspace.reload", "Reload workspace", "Ctrl+R"),
                action("environment.next", "Next environment", "Alt+Down"));
    }

    private AppAction action(String id, String title, String shortcut) {
        return AppAction.builder(id, title).shortcut(shortcut).handler(() -> ran.add(id)).build();
    }

    @Test
    void listsEveryActionUntilSomethingIsTyped() {
        var vm = new CommandPaletteViewModel(actions());
        assertThat(vm.matches()).extracting(AppAction::id).containsExactly(
                "palette.open", "environment.add", "environment.remove", "workspace.reload", "environment.next");
        assertThat(vm.selectedProperty().get().id()).isEqualTo("palette.open");
    }

    @Test
    void wordsNarrowAndPrefixesComeFirst() {
        var vm = new CommandPaletteViewModel(actions());
        vm.filterProperty().set("environment");
        assertThat(vm.matches()).extracting(AppAction::id)
                .containsExactly("environment.add", "environment.remove", "environment.next");
        vm.filterProperty().set("next");
        assertThat(vm.matches()).extracting(AppAction::id).containsExactly("environment.next");
        vm.filterProperty().set("ctrl+r");
        assertThat(vm.matches()).extracting(AppAction::id).containsExactly("workspace.reload");
        vm.filterProperty().set("rmenv");
        assertThat(vm.matches()).extracting(AppAction::id).containsExactly("environment.remove");
        vm.filterProperty().set("zzz");
        assertThat(vm.matches()).isEmpty();
        assertThat(vm.chosen()).isEmpty();
    }

    @Test
    void enterRunsTheSelectedActionOnlyWhenEnabled() {
        var vm = new CommandPaletteViewModel(actions());
        vm.filterProperty().set("add");
        vm.chosen().orElseThrow().run();
        assertThat(ran).containsExactly("environment.add");

        editable.set(false);
        vm.refresh();
        assertThat(vm.chosen()).isEmpty();
    }

    @Test
    void upAndDownMoveTheSelection() {
        var vm = new CommandPaletteViewModel(actions());
        vm.selectNext();
        vm.selectNext();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("environment.remove");
        vm.selectPrevious();
        assertThat(vm.selectedProperty().get().id()).isEqualTo("environment.add");
    }
}
