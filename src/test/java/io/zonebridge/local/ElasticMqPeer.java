package io.zonebridge.local;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** A real embedded ElasticMQ SQS server on a free loopback port, with an SDK client for it. */
public final class ElasticMqPeer implements AutoCloseable {
    private final SQSRestServer server;
    private final URI endpoint;
    private final SqsClient sqs;

    public ElasticMqPeer() {
        long start = System.nanoTime();
        server = SQSRestServerBuilder.withInterface("127.0.0.1").withPort(0).start();
        int port = server.waitUntilStarted().localAddress().getPort();
        System.out.printf("ElasticMQ started on 127.0.0.1:%d in %d ms%n", port,
                (System.nanoTime() - start) / 1_000_000);
        endpoint = URI.create("http://127.0.0.1:" + port);
        sqs = SqsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("x", "y"))).build();
    }

    public URI endpoint() {
        return endpoint;
    }

    /** Creates queue {@code name} and returns its URL. */
    public String createQueue(String name) {
        return sqs.createQueue(r -> r.queueName(name)).queueUrl();
    }

    /** The ARN EventBridge targets use for queue {@code name} of {@code account} in us-east-1. */
    public static String queueArn(String account, String name) {
        return "arn:aws:sqs:us-east-1:" + account + ":" + name;
    }

    /** Receives until {@code count} bodies arrived or {@code seconds} of long polls passed. */
    public List<String> receive(String queueUrl, int count, int seconds) {
        List<String> bodies = new ArrayList<>();
        long end = System.currentTimeMillis() + seconds * 1000L;
        while (bodies.size() < count && System.currentTimeMillis() < end) {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(1))
                    .messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(r -> r.queueUrl(queueUrl).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies;
    }

    /** Messages waiting (visible) in the queue now. */
    public int visible(String queueUrl) {
        return Integer.parseInt(sqs.getQueueAttributes(r -> r.queueUrl(queueUrl)
                .attributeNamesWithStrings("ApproximateNumberOfMessages")).attributesAsStrings()
                .get("ApproximateNumberOfMessages"));
    }

    /** The SDK client of this server. */
    public SqsClient client() {
        return sqs;
    }

    @Override
    public void close() {
        sqs.close();
        server.stopAndWait();
    }
}
