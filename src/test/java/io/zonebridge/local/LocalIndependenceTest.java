package io.zonebridge.local;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.zonebridge.ProductionClasses;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** io.zonebridge.local is an independent implementation: it uses nothing else of zonebridge. */
class LocalIndependenceTest {
    private static final JavaClasses MAIN = ProductionClasses.all();

    @Test
    void localUsesNoOtherZonebridgePackage() {
        assertTrue(MAIN.contain(LocalAwsServer.class), "the emulator's classes must be imported");
        noClasses().that().resideInAPackage("io.zonebridge.local..")
                .should().dependOnClassesThat(resideInAPackage("io.zonebridge..")
                        .and(not(resideInAPackage("io.zonebridge.local.."))))
                .because("the emulator must not mirror zonebridge's own code").check(MAIN);
    }

    @Test
    void localUsesOnlyTheJdkDnsjavaJacksonAndTheSqsClient() {
        noClasses().that().resideInAPackage("io.zonebridge.local..")
                .should().dependOnClassesThat(not(resideInAnyPackage("io.zonebridge.local..", "java..", "javax..",
                        "org.w3c.dom..", "org.xml.sax..", "org.xbill.DNS..", "com.fasterxml.jackson..",
                        "com.sun.net.httpserver..", "software.amazon.awssdk.services.sqs..",
                        "software.amazon.awssdk.auth.credentials..", "software.amazon.awssdk.regions..",
                        "software.amazon.awssdk.http.apache..")))
                .because("EventBridge delivers to a real SQS server through the SDK's SQS client only")
                .check(MAIN);
    }
}
