package dev.wheelhouse.app.ui.environments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.HostRef;
import dev.wheelhouse.core.workspace.KubeTarget;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.core.workspace.Workspace;
import dev.wheelhouse.core.workspace.WorkspaceRules;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EnvironmentEditorViewModelTest {
    private static final Environment PROD = new Environment("shop-prod", Tier.PRODUCTION, null, false,
            List.of(new KubeTarget("prod-eu", List.of("shop"))),
            List.of(HostRef.of("web-1"), new HostRef("web-2", "10.0.0.12", 2222, "deploy")));
    private static final Workspace WORKSPACE = new Workspace(List.of(PROD,
            new Environment("lab", Tier.DEVELOPMENT, null, true, List.of(), List.of())), List.of());

    private final List<Environment> saved = new ArrayList<>();
    private String failWith;

    private EnvironmentEditorViewModel editor(Environment original) {
        return new EnvironmentEditorViewModel(WORKSPACE, original, (originalName, env, onSaved, onFailed) -> {
            if (failWith != null) {
                onFailed.accept(failWith);
            } else {
                saved.add(env);
                onSaved.run();
            }
        });
    }

    @Test
    void anEmptyNameIsRejectedWithTheRulesMessage() {
        EnvironmentEditorViewModel vm = editor(null);

        assertThat(vm.isValid()).isFalse();
        assertThat(vm.nameErrorProperty().get()).isEqualTo(WorkspaceRules.nameProblem("").orElseThrow());
        vm.save();
        assertThat(saved).isEmpty();

        vm.nameProperty().set("shop-qa");
        assertThat(vm.nameErrorProperty().get()).isNull();
        assertThat(vm.isValid()).isTrue();
    }

    @Test
    void aNameAlreadyTakenIsRejectedButEditingKeepsItsOwnName() {
        EnvironmentEditorViewModel adding = editor(null);
        adding.nameProperty().set("lab");
        assertThat(adding.nameErrorProperty().get()).contains("defined twice");
        assertThat(adding.isValid()).isFalse();

        EnvironmentEditorViewModel editing = editor(PROD);
        assertThat(editing.isValid()).isTrue();
        assertThat(editing.toEnvironment()).isEqualTo(PROD);
    }

    @Test
    void targetAndHostProblemsLandOnTheirRows() {
        EnvironmentEditorViewModel vm = editor(null);
        vm.nameProperty().set("shop-qa");
        var target = vm.addKubeTarget();
        var host = vm.addHost();

        assertThat(target.contextErrorProperty().get()).isEqualTo("a Kubernetes target needs a kubeconfig context");
        assertThat(host.aliasErrorProperty().get()).isEqualTo(WorkspaceRules.aliasProblem("").orElseThrow());

        target.contextProperty().set("qa");
        target.namespacesProperty().set("shop, Bad_NS");
        host.aliasProperty().set("qa-box");
        host.portProperty().set("abc");
        assertThat(target.contextErrorProperty().get()).isNull();
        assertThat(target.namespacesErrorProperty().get()).isEqualTo(WorkspaceRules.namespaceProblem("Bad_NS").orElseThrow());
        assertThat(host.aliasErrorProperty().get()).isNull();
        assertThat(host.portErrorProperty().get()).contains("not a number");
        assertThat(vm.isValid()).isFalse();

        host.portProperty().set("70000");
        assertThat(host.portErrorProperty().get()).contains("between 1 and 65535");

        target.namespacesProperty().set("shop, shop-jobs");
        host.portProperty().set("22");
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toEnvironment().kubeTargets()).containsExactly(new KubeTarget("qa", List.of("shop", "shop-jobs")));
        assertThat(vm.toEnvironment().hosts()).containsExactly(new HostRef("qa-box", null, 22, null));
    }

    @Test
    void aBadColourIsRejectedAndBlankMeansTheTierDefault() {
        EnvironmentEditorViewModel vm = editor(null);
        vm.nameProperty().set("shop-qa");
        vm.colourProperty().set("red");
        assertThat(vm.colourErrorProperty().get()).contains("#rrggbb");
        vm.colourProperty().set(" ");
        assertThat(vm.isValid()).isTrue();
        assertThat(vm.toEnvironment().colour()).isNull();
    }

    @Test
    void aFailedSaveKeepsTheFieldsAndSaysWhy() {
        EnvironmentEditorViewModel vm = editor(null);
        vm.nameProperty().set("shop-qa");
        vm.tierProperty().set(Tier.STAGING);
        failWith = "Could not save /x/workspace.yaml: disk full";

        vm.save();

        assertThat(vm.saveErrorProperty().get()).isEqualTo(failWith);
        assertThat(vm.savedProperty().get()).isFalse();
        assertThat(vm.savingProperty().get()).isFalse();
        assertThat(vm.nameProperty().get()).isEqualTo("shop-qa");
        assertThat(vm.tierProperty().get()).isEqualTo(Tier.STAGING);

        failWith = null;
        vm.save();
        assertThat(vm.savedProperty().get()).isTrue();
        assertThat(saved).singleElement().extracting(Environment::name).isEqualTo("shop-qa");
    }

    @Test
    void productionRemovalNeedsTheNameTyped() {
        List<String> removed = new ArrayList<>();
        var prod = new RemoveEnvironmentViewModel(PROD, (name, ok, failed) -> {
            removed.add(name);
            ok.run();
        });
        assertThat(prod.requiresTypedName()).isTrue();
        assertThat(prod.confirmableProperty().get()).isFalse();
        prod.remove();
        assertThat(removed).isEmpty();
        prod.typedProperty().set("shop-pro");
        assertThat(prod.confirmableProperty().get()).isFalse();
        prod.typedProperty().set("shop-prod");
        prod.remove();
        assertThat(removed).containsExactly("shop-prod");
        assertThat(prod.removedProperty().get()).isTrue();

        var lab = new RemoveEnvironmentViewModel(WORKSPACE.environments().get(1), (name, ok, failed) -> failed.accept("nope"));
        assertThat(lab.confirmableProperty().get()).isTrue();
        lab.remove();
        assertThat(lab.errorProperty().get()).isEqualTo("nope");
    }
}
