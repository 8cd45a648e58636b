package io.zonebridge.reverse;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The reverse-DNS core stays free of Camel and the AWS SDK, and of the app/cli/local layers. */
class ReversePackageDependenciesTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.zonebridge.reverse");

    @Test
    void noCamelNoSdkNoUpperLayers() {
        noClasses().that().resideInAPackage("io.zonebridge.reverse..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "software.amazon.awssdk..",
                        "io.zonebridge.app..", "io.zonebridge.cli..", "io.zonebridge.local..")
                .check(classes);
    }
}
