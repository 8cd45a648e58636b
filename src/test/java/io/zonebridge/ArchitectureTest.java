package io.zonebridge;

import com.tngtech.archunit.core.domain.JavaClasses;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Layer rules of DESIGN.md: the pure core ({@code model}, {@code plan}) imports no framework and no outer layer; the
 * sync engine imports no Camel and no wiring; only {@code app} and {@code cli} use Camel.
 */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = ProductionClasses.all();
    }

    @Test
    void modelAndPlanUseNeitherCamelNorTheAwsSdk() {
        noClasses().that().resideInAnyPackage("io.zonebridge.model..", "io.zonebridge.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "software.amazon..")
                .check(production);
    }

    @Test
    void modelAndPlanDependOnNoOuterLayer() {
        noClasses().that().resideInAnyPackage("io.zonebridge.model..", "io.zonebridge.plan..")
                .should().dependOnClassesThat().resideInAnyPackage("io.zonebridge.app..", "io.zonebridge.cli..",
                        "io.zonebridge.local..", "io.zonebridge.route53..", "io.zonebridge.secondary..",
                        "io.zonebridge.reverse..", "io.zonebridge.ec2..", "io.zonebridge.zonefile..")
                .check(production);
    }

    @Test
    void theSyncEngineUsesNeitherCamelNorTheWiring() {
        noClasses().that().resideInAPackage("io.zonebridge.sync..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.zonebridge.app..",
                        "io.zonebridge.cli..", "io.zonebridge.local..")
                .check(production);
    }

    @Test
    void onlyTheWiringAndTheCommandLineUseCamel() {
        noClasses().that().resideOutsideOfPackages("io.zonebridge.app..", "io.zonebridge.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..")
                .check(production);
    }

    @Test
    void theJobPackagesUseNeitherCamelNorTheWiring() {
        noClasses().that().resideInAnyPackage("io.zonebridge.reverse..", "io.zonebridge.ec2..",
                        "io.zonebridge.organization..", "io.zonebridge.ownership..", "io.zonebridge.secondary..",
                        "io.zonebridge.zonefile..", "io.zonebridge.intake..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "io.zonebridge.app..",
                        "io.zonebridge.cli..", "io.zonebridge.local..")
                .check(production);
    }

    @Test
    void modelDependsOnlyOnTheJdkAndDnsjava() {
        classes().that().resideInAPackage("io.zonebridge.model..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "org.xbill.DNS..", "io.zonebridge.model..")
                .check(production);
    }

    @Test
    void planDependsOnlyOnTheJdkAndModel() {
        classes().that().resideInAPackage("io.zonebridge.plan..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", "io.zonebridge.model..", "io.zonebridge.plan..")
                .check(production);
    }
}
