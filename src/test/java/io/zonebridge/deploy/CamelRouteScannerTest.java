package io.zonebridge.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link CamelRouteScanner} finds the AWS operations of Camel endpoints in route files. */
class CamelRouteScannerTest {

    private static final Path SAMPLES = Path.of("src", "test", "resources", "deploy", "routes");

    @Test
    void findsConsumerAndProducerOperationsInNestedSteps() {
        List<ApiCall> calls = new CamelRouteScanner().scanDirectory(SAMPLES);
        Set<String> actions = calls.stream().map(c -> c.action().toString()).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(Set.of(
                // consumer with queueOwnerAWSAccountId and extendMessageVisibility
                "sqs:GetQueueUrl", "sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:ChangeMessageVisibility",
                // producer with queueUrl: SendMessage only
                "sqs:SendMessage",
                // eventbridge producers (toD, and to inside choice)
                "events:PutRule", "events:PutTargets",
                // batch producer by queue name with autoCreateQueue: ListQueues, CreateQueue, SetQueueAttributes
                "sqs:ListQueues", "sqs:CreateQueue", "sqs:SetQueueAttributes")), actions);
        assertEquals(Set.of("sample-events.camel.yaml"), calls.stream().map(ApiCall::caller).collect(Collectors.toSet()));
    }

    @Test
    void consumerThatDoesNotDeleteNeedsNoDeleteMessage(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.camel.yaml"), """
                - route:
                    from:
                      uri: "aws2-sqs:q?queueUrl=https://sqs.example/1/q&deleteAfterRead=false"
                      steps:
                        - log: "x"
                """);
        assertEquals(Set.of("sqs:ReceiveMessage"), new CamelRouteScanner().scanDirectory(dir).stream()
                .map(c -> c.action().toString()).collect(Collectors.toSet()));
    }

    @Test
    void aLeaderOnlyConsumerCallsWhatItsDelegateCalls(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.camel.yaml"), """
                - route:
                    from:
                      uri: "{{zonebridge.cluster.leader}}aws2-sqs://{{q}}"
                      parameters: { deleteAfterRead: false }
                      steps:
                        - log: "x"
                - route:
                    from:
                      uri: "master:ns:aws2-sqs:other?queueUrl=https://sqs.example/1/other"
                      steps:
                        - log: "x"
                """);
        assertEquals(Set.of("sqs:ListQueues", "sqs:ReceiveMessage", "sqs:DeleteMessage"), new CamelRouteScanner()
                .scanDirectory(dir).stream().map(c -> c.action().toString()).collect(Collectors.toSet()));
    }

    @Test
    void routesWithoutAwsEndpointsNeedNothing() {
        assertTrue(new CamelRouteScanner().scanFile(Path.of("routes", "heartbeat.camel.yaml")).isEmpty());
    }

    @Test
    void anEventBridgeEndpointWithoutOperationIsAnError(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("r.camel.yaml"), """
                - route:
                    from:
                      uri: "timer:t"
                      steps:
                        - to: "aws2-eventbridge:default"
                """);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> new CamelRouteScanner().scanDirectory(dir));
        assertTrue(error.getMessage().contains("aws2-eventbridge:default"), error.getMessage());
    }

    @Test
    void aMissingDirectoryHasNoRoutes(@TempDir Path dir) {
        assertTrue(new CamelRouteScanner().scanDirectory(dir.resolve("absent")).isEmpty());
    }
}
