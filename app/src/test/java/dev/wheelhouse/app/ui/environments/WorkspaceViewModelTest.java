package dev.wheelhouse.app.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.app.AppServices;
import dev.wheelhouse.app.ui.TestWorkspaces;
import dev.wheelhouse.app.ui.common.Notices;
import dev.wheelhouse.app.ui.environments.WorkspaceViewModel.Phase;
import dev.wheelhouse.app.ui.tasks.CurrentThreadUiExecutor;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.WorkspaceLoad;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkspaceViewModelTest {
    @TempDir
    Path dir;

    private final Notices notices = new Notices();

    private WorkspaceViewModel viewModel(AppServices services) {
        return new WorkspaceViewModel(services.workspace(), services.discovery(), new CurrentThreadUiExecutor(), notices);
    }

    @Test
    void loadsTheWorkspaceProductionFirstAndSelectsTheFirst() {
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        WorkspaceViewModel vm = viewModel(TestWorkspaces.services(dir));

        vm.load();

        assertThat(vm.phase()).isEqualTo(Phase.LOADED);
        assertThat(vm.environments()).extracting(Environment::name)
                .containsExactly("shop-prod", "shop-staging", "lab", "tools");
        assertThat(vm.selected().name()).isEqualTo("shop-prod");
        assertThat(vm.isEditable()).isTrue();
        assertThat(vm.proposalProperty().get()).isNull();
    }

    @Test
    void nextAndPreviousFollowTheSidebarAndStopAtTheEnds() {
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        WorkspaceViewModel vm = viewModel(TestWorkspaces.services(dir));
        vm.load();

        vm.selectPrevious();
        assertThat(vm.selected().name()).isEqualTo("shop-prod");
        vm.selectNext();
        vm.selectNext();
        assertThat(vm.selected().name()).isEqualTo("lab");
        vm.selectNext();
        vm.selectNext();
        assertThat(vm.selected().name()).isEqualTo("tools");
        vm.selectPrevious();
        assertThat(vm.selected().name()).isEqualTo("lab");
    }

    @Test
    void anInvalidFileIsShownWithItsPositionAndNeverWritten() throws Exception {
        Path file = TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), """
                environments:
                  - name: shop-prod
                    tier: produktion
                """);
        byte[] before = Files.readAllBytes(file);
        WorkspaceViewModel vm = viewModel(TestWorkspaces.services(dir));

        vm.load();

        assertThat(vm.phase()).isEqualTo(Phase.INVALID);
        assertThat(vm.errorProperty().get().line()).isEqualTo(3);
        assertThat(vm.errorProperty().get().message()).contains("produktion");
        assertThat(vm.isEditable()).isFalse();
        List<String> failures = new ArrayList<>();
        vm.saveEnvironment(null, new Environment("new-one", Tier.DEVELOPMENT, null, false, List.of(), List.of()),
                () -> failures.add("saved!"), failures::add);
        vm.discover(true);
        assertThat(failures).singleElement().asString().contains("invalid");
        assertThat(vm.proposalProperty().get()).isNull();
        assertThat(Files.readAllBytes(file)).isEqualTo(before);
    }

    @Test
    void firstRunProposesAndAcceptWritesTheWorkspace() {
        TestWorkspaces.write(dir.resolve("kubeconfig"), TestWorkspaces.KUBECONFIG);
        TestWorkspaces.write(dir.resolve("ssh_config"), TestWorkspaces.SSH_CONFIG);
        AppServices services = TestWorkspaces.services(dir);
        WorkspaceViewModel vm = viewModel(services);

        vm.load();

        assertThat(vm.phase()).isEqualTo(Phase.MISSING);
        var proposal = vm.proposalProperty().get();
        assertThat(proposal).isNotNull();
        assertThat(proposal.proposed()).extracting(Environment::name).contains("prod-eu", "staging-eu", "dev-cluster");
        assertThat(proposal.proposed().getFirst().tier()).isEqualTo(Tier.PRODUCTION);
        assertThat(Files.exists(services.workspace().file())).isFalse();

        vm.acceptProposal();

        assertThat(vm.proposalProperty().get()).isNull();
        assertThat(vm.phase()).isEqualTo(Phase.LOADED);
        WorkspaceLoad reread = services.workspace().load();
        assertThat(reread).isInstanceOf(WorkspaceLoad.Loaded.class);
        assertThat(((WorkspaceLoad.Loaded) reread).workspace().environments())
                .containsExactlyInAnyOrderElementsOf(proposal.proposed());
    }

    @Test
    void dismissWritesNothing() {
        TestWorkspaces.write(dir.resolve("kubeconfig"), TestWorkspaces.KUBECONFIG);
        AppServices services = TestWorkspaces.services(dir);
        WorkspaceViewModel vm = viewModel(services);
        vm.load();
        assertThat(vm.proposalProperty().get()).isNotNull();

        vm.dismissProposal();
        vm.load();

        assertThat(vm.proposalProperty().get()).isNull();
        assertThat(vm.phase()).isEqualTo(Phase.MISSING);
        assertThat(Files.exists(services.workspace().file())).isFalse();
    }

    @Test
    void nothingDiscoveredLeavesNoProposalButKeepsTheNotes() {
        WorkspaceViewModel vm = viewModel(TestWorkspaces.services(dir));
        vm.load();

        assertThat(vm.phase()).isEqualTo(Phase.MISSING);
        assertThat(vm.proposalProperty().get()).isNull();
        assertThat(vm.lastDiscoveryProperty().get().notes()).isNotEmpty();
    }

    @Test
    void aFailedSaveChangesNothingInMemoryAndSaysWhy() throws Exception {
        Path file = TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        WorkspaceViewModel vm = viewModel(TestWorkspaces.services(dir));
        vm.load();
        // Put a plain file where the data folder must be: the store cannot write its file.
        Files.delete(file);
        Files.delete(file.getParent());
        Files.writeString(file.getParent(), "in the way");

        List<String> failures = new ArrayList<>();
        AtomicBoolean saved = new AtomicBoolean();
        vm.saveEnvironment(null, new Environment("new-one", Tier.DEVELOPMENT, null, false, List.of(), List.of()),
                () -> saved.set(true), failures::add);

        assertThat(saved).isFalse();
        assertThat(failures).singleElement().asString().startsWith("Could not save " + file);
        assertThat(vm.environments()).extracting(Environment::name).doesNotContain("new-one").hasSize(4);
        assertThat(vm.isEditable()).isTrue();
    }

    @Test
    void removeSavesAndSelectsTheNeighbour() {
        TestWorkspaces.write(TestWorkspaces.workspaceFile(dir), TestWorkspaces.SAMPLE);
        AppServices services = TestWorkspaces.services(dir);
        WorkspaceViewModel vm = viewModel(services);
        vm.load();
        vm.select("shop-staging");

        vm.removeEnvironment("shop-staging", () -> {}, m -> {
            throw new AssertionError(m);
        });

        assertThat(vm.environments()).extracting(Environment::name).containsExactly("shop-prod", "lab", "tools");
        assertThat(vm.selected().name()).isEqualTo("lab");
        var reread = (WorkspaceLoad.Loaded) services.workspace().load();
        assertThat(reread.workspace().environment("shop-staging")).isEmpty();
    }
}
