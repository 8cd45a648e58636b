package io.zonebridge.app;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.zonebridge.app.config.ConfigException;
import io.zonebridge.local.ElasticMqPeer;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.SqsClientBuilder;

/** An event job does not start polling a queue that is not there (against ElasticMQ). */
class EventQueueBeansTest {

    private static ElasticMqPeer sqs;

    @BeforeAll
    static void start() {
        sqs = new ElasticMqPeer();
        sqs.createQueue("beans-events");
        sqs.createQueue("beans-events-dlq");
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    private static SqsClientBuilder client() {
        return SqsClient.builder().endpointOverride(sqs.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")));
    }

    @Test
    void existingQueuesAreBound() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            assertDoesNotThrow(() -> EventQueueBeans.bind(context, "reverse", "beans-events", "beans-events-dlq",
                    client()));
        }
    }

    @Test
    void aMissingQueueOrDeadLetterQueueIsOneConfigurationErrorNamingTheKey() throws Exception {
        try (DefaultCamelContext context = new DefaultCamelContext()) {
            ConfigException missing = assertThrows(ConfigException.class, () -> EventQueueBeans.bind(context, "ec2",
                    "beans-event", "beans-events-dlq", client()));
            assertEquals("ec2.queue = beans-event: no SQS queue of that name at " + sqs.endpoint()
                    + " (create it first: deploy/, or `zonebridge provision` locally)", missing.getMessage());
            ConfigException missingDlq = assertThrows(ConfigException.class, () -> EventQueueBeans.bind(context,
                    "reverse", "beans-events", "beans-dlq", client()));
            assertEquals("reverse.deadLetterQueue = beans-dlq: no SQS queue of that name at " + sqs.endpoint()
                    + " (create it first: deploy/, or `zonebridge provision` locally)", missingDlq.getMessage());
        }
    }
}
