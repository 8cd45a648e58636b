package io.zonebridge.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.route53.ApiCallCounter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.DefaultRetryStrategy;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Handled messages leave a real queue (ElasticMQ) ten per DeleteMessageBatch; failed deletes lose nothing. */
class QueueMessageDeleterTest {

    private static ElasticMqPeer sqs;

    @BeforeAll
    static void start() {
        sqs = new ElasticMqPeer();
    }

    @AfterAll
    static void stop() {
        sqs.close();
    }

    @Test
    void deletesTenPerCall() {
        String queue = "deleter-" + System.nanoTime();
        String url = sqs.createQueue(queue);
        List<String> handles = sendAndReceive(url, 25);
        ApiCallCounter calls = new ApiCallCounter();
        try (SqsClient client = client(calls, true);
             QueueMessageDeleter deleter = new QueueMessageDeleter(client, queue)) {
            deleter.delete(handles);
            assertEquals(25, deleter.deleted());
            assertEquals(0, deleter.failed());
        }
        assertEquals(3, calls.snapshot().requests("DeleteMessageBatch"), () -> "calls: " + calls.snapshot());
        assertEquals(0, calls.snapshot().requests("DeleteMessage"));
        assertEquals(0, waitingOrInFlight(url), "every message is gone");
    }

    @Test
    void anEntrySqsRefusesIsCountedAndTheOthersAreDeleted() {
        String queue = "deleter-refused-" + System.nanoTime();
        String url = sqs.createQueue(queue);
        List<String> handles = new ArrayList<>(sendAndReceive(url, 4));
        handles.add(2, "not-a-receipt-handle");
        try (SqsClient client = client(new ApiCallCounter(), true);
             QueueMessageDeleter deleter = new QueueMessageDeleter(client, queue,
                     LoggerFactory.getLogger("queue-message-deleter-test"))) {
            deleter.delete(handles);
            assertEquals(4, deleter.deleted());
            assertEquals(1, deleter.failed());
            Map<String, Long> byCode = deleter.failedByCode();
            assertEquals(1L, byCode.values().stream().mapToLong(Long::longValue).sum(), byCode::toString);
            assertTrue(byCode.keySet().stream().noneMatch(String::isBlank), byCode::toString);
        }
        assertEquals(0, waitingOrInFlight(url), "the valid handles were deleted");
    }

    @Test
    void aCallThatFailsAsAWholeIsCountedNotThrownAndTheMessagesStayQueued() {
        String queue = "deleter-down-" + System.nanoTime();
        String url = sqs.createQueue(queue);
        List<String> handles = sendAndReceive(url, 3);
        try (SqsClient reachable = client(new ApiCallCounter(), true);
             SqsClient unreachable = client(new ApiCallCounter(), false);
             QueueMessageDeleter broken = new QueueMessageDeleter(unreachable, queue);
             QueueMessageDeleter working = new QueueMessageDeleter(reachable, queue)) {
            broken.delete(handles);
            assertEquals(0, broken.deleted());
            assertEquals(3, broken.failed());
            assertEquals(Map.of("CallFailed", 3L), broken.failedByCode());
            assertEquals(3, waitingOrInFlight(url), "nothing was deleted: SQS delivers them again");
            working.delete(handles);
        }
        assertEquals(0, waitingOrInFlight(url));
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> sendAndReceive(String url, int count) {
        for (int i = 0; i < count; i++) {
            String body = "message " + i;
            sqs.client().sendMessage(r -> r.queueUrl(url).messageBody(body));
        }
        List<String> handles = new ArrayList<>();
        while (handles.size() < count) {
            for (Message m : sqs.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .visibilityTimeout(300).waitTimeSeconds(1)).messages()) {
                handles.add(m.receiptHandle());
            }
        }
        return handles;
    }

    private static int waitingOrInFlight(String url) {
        Map<String, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(url).attributeNames(
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    /** A client of the ElasticMQ peer counting its calls, or one of a free loopback port nobody listens on. */
    private static SqsClient client(ApiCallCounter calls, boolean reachable) {
        return SqsClient.builder()
                .endpointOverride(reachable ? sqs.endpoint() : URI.create("http://127.0.0.1:" + freePort()))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y")))
                .overrideConfiguration(o -> o.addExecutionInterceptor(calls)
                        .retryStrategy(DefaultRetryStrategy.doNotRetry()))
                .build();
    }
}
