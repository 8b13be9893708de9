package dev.wheelhouse.app.ui.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sandbox's environments show beside the workspace's and never reach its file. */
class SandboxEnvironmentsTest {
    @TempDir
    Path dir;

    private static Environment sandbox(String name, Tier tier) {
        return new Environment(name, tier, null, false, List.of(new KubeTarget("wheelhouse-sandbox", List.of(name))), List.of());
    }

    @Test
    void sandboxEnvironmentsAreShownMarkedAndNeverSaved() {
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        AppServices services = TestWorkspaces.services(dir);
        var vm = new WorkspaceViewModel(services.workspace(), services.discovery(), new CurrentThreadUiExecutor(), new Notices());
        vm.load();

        vm.showSandbox(List.of(sandbox("sandbox-prod", Tier.PRODUCTION), sandbox("sandbox-dev", Tier.DEVELOPMENT)));

        assertThat(vm.environments()).extracting(Environment::name)
                .containsExactly("shop-prod", "sandbox-prod", "shop-staging", "lab", "tools", "sandbox-dev");
        assertThat(vm.selected().name()).isEqualTo("sandbox-dev");
        assertThat(vm.isSandbox(vm.selected())).isTrue();
        assertThat(vm.isSandbox(vm.environments().getFirst())).isFalse();

        List<String> failures = new ArrayList<>();
        vm.saveEnvironment(null, new Environment("new-one", Tier.STAGING, null, false, List.of(), List.of()), () -> {}, failures::add);
        assertThat(failures).isEmpty();
        var saved = ((WorkspaceLoad.Loaded) services.workspace().load()).workspace().environments();
        assertThat(saved).extracting(Environment::name).contains("new-one").doesNotContain("sandbox-prod", "sandbox-dev");
        assertThat(vm.environments()).extracting(Environment::name).contains("new-one", "sandbox-prod", "sandbox-dev");

        vm.removeEnvironment("sandbox-dev", () -> {}, failures::add);
        vm.saveEnvironment("sandbox-prod", sandbox("sandbox-prod", Tier.PRODUCTION), () -> {}, failures::add);
        assertThat(failures).hasSize(2);
        assertThat(vm.environments()).extracting(Environment::name).contains("sandbox-dev");
    }
}
