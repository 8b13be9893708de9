package dev.wheelhouse.app.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.wheelhouse.core.history.OperationKind;
import dev.wheelhouse.core.workspace.Environment;
import dev.wheelhouse.core.workspace.Tier;
import dev.wheelhouse.ops.OperationPlan;
import dev.wheelhouse.ops.PlannedStep;
import dev.wheelhouse.ops.StepPhase;
import dev.wheelhouse.ops.StepResult;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfirmStepViewModelTest {
    static final OperationPlan PLAN = new OperationPlan(OperationKind.ROLLBACK, "shop-prod", "shop", "t", "2", "1", null,
            List.of(PlannedStep.of(StepPhase.EXECUTE, c -> StepResult.ok(""))));

    static Environment env(Tier tier) {
        return new Environment("shop-prod", tier, null, false, List.of(), List.of());
    }

    @Test
    void productionNeedsTheEnvironmentsNameTypedExactly() {
        var vm = new ConfirmStepViewModel(env(Tier.PRODUCTION));
        assertThat(vm.requiresTypedName()).isTrue();
        vm.planProperty().set(PLAN);
        assertThat(vm.confirmableProperty().get()).isFalse();
        vm.typedProperty().set("shop-pro");
        assertThat(vm.confirmableProperty().get()).isFalse();
        vm.typedProperty().set("Shop-Prod");
        assertThat(vm.confirmableProperty().get()).as("case matters").isFalse();
        vm.typedProperty().set("shop-prod");
        assertThat(vm.confirmableProperty().get()).isTrue();
        vm.blockedProperty().set(true);
        assertThat(vm.confirmableProperty().get()).isFalse();
    }

    @Test
    void otherTiersConfirmOnceThereIsAPlan() {
        var vm = new ConfirmStepViewModel(env(Tier.STAGING));
        assertThat(vm.requiresTypedName()).isFalse();
        assertThat(vm.confirmableProperty().get()).isFalse();
        vm.planProperty().set(PLAN);
        assertThat(vm.confirmableProperty().get()).isTrue();
    }

    @Test
    void aBlankReasonIsNoReason() {
        var vm = new ConfirmStepViewModel(env(Tier.STAGING));
        vm.reasonProperty().set("   ");
        assertThat(vm.reason()).isNull();
        vm.reasonProperty().set("  incident 9 ");
        assertThat(vm.reason()).isEqualTo("incident 9");
    }
}
