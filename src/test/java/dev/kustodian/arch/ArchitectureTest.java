package dev.kustodian.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The core is a plain library: no JavaFX, no UI, no CLI. The UI's packages form no cycle. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.kustodian");
    }

    @Test
    void coreDependsOnNoJavaFx() {
        noClasses().that().resideInAPackage("dev.kustodian.core..")
                .should().dependOnClassesThat().resideInAnyPackage("javafx..", "atlantafx..", "org.kordamp.ikonli..")
                .check(classes);
    }

    @Test
    void coreDependsOnNeitherUiNorCli() {
        noClasses().that().resideInAPackage("dev.kustodian.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.kustodian.ui..", "dev.kustodian.cli..")
                .check(classes);
    }

    @Test
    void uiIsNotUsedByTheCli() {
        noClasses().that().resideInAPackage("dev.kustodian.cli..")
                .should().dependOnClassesThat().resideInAPackage("dev.kustodian.ui..")
                .check(classes);
    }

    /** No package of Kustodian depends, directly or through others, on a package that depends back on it (issue 11). */
    @Test
    void noPackageCycles() {
        slices().matching("dev.kustodian.(**)").should().beFreeOfCycles().check(classes);
    }

    /** ui.app -> pages -> ui.wizard -> ui.framework: no package of the UI depends back on one above it. */
    @Test
    void uiPackagesAreFreeOfCycles() {
        slices().matching("dev.kustodian.ui.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void onlyTheClusterAdapterTalksToFabric8() {
        noClasses().that().resideOutsideOfPackage("dev.kustodian.core.cluster..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(classes);
    }

    @Test
    void oneRuleStyleEveryRuleIsAnAreaRule() {
        classes().that().implement(dev.kustodian.core.findings.FindingRule.class)
                .should().beAssignableTo(dev.kustodian.core.findings.AreaRule.class)
                .check(classes);
    }

    /** Wizards fill the core generation requests; nothing in the GUI goes through the CLI (issue 11). */
    @Test
    void uiDoesNotDependOnTheCli() {
        noClasses().that().resideInAPackage("dev.kustodian.ui..")
                .should().dependOnClassesThat().resideInAPackage("dev.kustodian.cli..")
                .check(classes);
    }

    /** cli → cli.generate → cli.common, never back (issue 11). */
    @Test
    void cliPackagesHaveNoCycle() {
        slices().matching("dev.kustodian.(**)")
                .should().beFreeOfCycles()
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("dev.kustodian.cli"));
    }

    /** Page and wizard tests drive the cluster through a fake of the port; only the adapter's tests use the mock server. */
    @Test
    void uiTestsUseAFakeClusterPortNotFabric8() {
        noClasses().that().resideInAPackage("dev.kustodian.ui..")
                .should().dependOnClassesThat().resideInAPackage("io.fabric8..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                        .importPackages("dev.kustodian.ui"));
    }
}
