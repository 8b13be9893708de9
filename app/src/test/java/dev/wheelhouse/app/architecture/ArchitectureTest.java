package dev.wheelhouse.app.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The allowed dependencies of docs/architecture.md, kept as tests so they stay true. */
class ArchitectureTest {
    private static JavaClasses wheelhouse;

    @BeforeAll
    static void importClasses() {
        wheelhouse = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.wheelhouse");
    }

    @Test
    void theModulesAreAllImported() {
        // Guards the other rules against passing vacuously on an empty import.
        org.assertj.core.api.Assertions.assertThat(wheelhouse.stream().map(c -> c.getPackageName()))
                .anyMatch(p -> p.startsWith("dev.wheelhouse.core"))
                .anyMatch(p -> p.startsWith("dev.wheelhouse.history"))
                .anyMatch(p -> p.startsWith("dev.wheelhouse.workspace"))
                .anyMatch(p -> p.startsWith("dev.wheelhouse.app.ui"))
                .anyMatch(p -> p.startsWith("dev.wheelhouse.ops"));
    }

    @Test
    void coreDependsOnNothingButTheJdk() {
        classes().that().resideInAPackage("dev.wheelhouse.core..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "dev.wheelhouse.core..")
                .check(wheelhouse);
    }

    @Test
    void theUiNeverSeesTheClusterOrSshLibraries() {
        noClasses().that().resideInAPackage("dev.wheelhouse.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("io.fabric8..", "net.schmizz..", "com.hierynomus..")
                .check(wheelhouse);
    }

    @Test
    void theUiTalksToPortsNotToAdapters() {
        noClasses().that().resideInAPackage("dev.wheelhouse.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "dev.wheelhouse.history..", "dev.wheelhouse.workspace..", "java.sql..", "org.h2..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.app.ui..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.kube..", "dev.wheelhouse.sandbox..",
                        "dev.wheelhouse.ssh", "dev.wheelhouse.ssh.auth..",
                        "dev.wheelhouse.ssh.config..", "dev.wheelhouse.ssh.hostkeys..", "dev.wheelhouse.ssh.metrics..",
                        "dev.wheelhouse.ssh.remote..")
                .check(wheelhouse);
    }

    @Test
    void adaptersDependOnCoreAndNeverOnTheAppOrEachOther() {
        noClasses().that().resideInAPackage("dev.wheelhouse.history..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.workspace..", "javafx..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.workspace..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.history..", "javafx..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.kube..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.history..",
                        "dev.wheelhouse.workspace..", "dev.wheelhouse.ssh..", "dev.wheelhouse.sandbox..", "javafx..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.sandbox..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.history..",
                        "dev.wheelhouse.workspace..", "dev.wheelhouse.ssh..", "dev.wheelhouse.kube..", "javafx..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.ops..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.history..",
                        "dev.wheelhouse.workspace..", "dev.wheelhouse.ssh..", "dev.wheelhouse.kube..",
                        "dev.wheelhouse.sandbox..", "io.fabric8..", "javafx..")
                .check(wheelhouse);
        noClasses().that().resideInAPackage("dev.wheelhouse.ssh..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.wheelhouse.app..", "dev.wheelhouse.history..",
                        "dev.wheelhouse.workspace..", "javafx..")
                .check(wheelhouse);
    }

    @Test
    void viewModelsNeverTouchControls() {
        classes().that().haveSimpleNameEndingWith("ViewModel")
                .should().onlyDependOnClassesThat().resideOutsideOfPackages("javafx.scene.control..", "javafx.scene.layout..", "javafx.stage..")
                .check(wheelhouse);
    }
}
