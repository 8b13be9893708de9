package dev.wheelhouse.app.ui.ops;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The image field's inline check: what is wrong is said as it is typed, nothing while it is empty. */
class DeployWizardViewModelTest {

    @Test
    void aValidImageHasNoProblem() {
        assertThat(DeployWizardViewModel.problem("registry.example.com:5000/shop/catalog:2.6.0")).isEmpty();
        assertThat(DeployWizardViewModel.problem("shop/catalog@sha256:" + "a".repeat(64))).isEmpty();
    }

    @Test
    void nothingTypedIsNotAnErrorYet() {
        assertThat(DeployWizardViewModel.problem("")).isEmpty();
        assertThat(DeployWizardViewModel.problem("   ")).isEmpty();
    }

    @Test
    void aBadImageSaysWhichPartIsWrong() {
        assertThat(DeployWizardViewModel.problem("Shop/Catalog:2.6")).contains("'Shop/Catalog:2.6'").contains("lower-case");
        assertThat(DeployWizardViewModel.problem("shop/catalog:-bad")).contains("the tag '-bad'");
        assertThat(DeployWizardViewModel.problem("shop catalog")).contains("space");
    }
}
