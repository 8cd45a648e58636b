package io.zonebridge.localpeers;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.zonebridge.ProductionClasses;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The local peers are optional: only their embedding touches them, and their absence is said plainly. */
class LocalPeersTest {
    private static final JavaClasses MAIN = ProductionClasses.all();

    @Test
    void withoutThePeersStartingOneSaysWhatToRun() throws Exception {
        try (URLClassLoader bare = new URLClassLoader(new URL[0], null)) {
            IllegalStateException e = assertThrows(IllegalStateException.class,
                    () -> new LocalPeers(bare).start("DynamoDB", 0));
            assertEquals("DynamoDB needs the local peers (ElasticMQ, DynamoDB Local), which are not in the service "
                    + "jar: run bin/zonebridge local from a checkout (builds them once into target/local-peers)",
                    e.getMessage());
        }
    }

    @Test
    void onlyTheEmbeddingUsesElasticMqDynamoDbLocalOrJetty() {
        noClasses().that().resideOutsideOfPackage("io.zonebridge.localpeers.embedded..")
                .should().dependOnClassesThat().resideInAnyPackage("org.elasticmq..", "org.apache.pekko..",
                        "com.amazonaws.services.dynamodbv2.local..", "org.eclipse.jetty..", "scala..")
                .because("the service jar leaves them out; they are on the class path only for zonebridge local")
                .check(MAIN);
    }

    @Test
    void nothingReferencesTheEmbeddingDirectly() {
        noClasses().that().resideOutsideOfPackage("io.zonebridge.localpeers.embedded..")
                .should().dependOnClassesThat().resideInAPackage("io.zonebridge.localpeers.embedded..")
                .because("the embedding is found with ServiceLoader, so the service jar runs without it")
                .check(MAIN);
    }
}
