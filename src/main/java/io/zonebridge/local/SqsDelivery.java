package io.zonebridge.local;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sends messages to SQS queues named by ARN ({@code arn:aws:sqs:REGION:ACCOUNT:NAME}) on a real SQS server
 * (e.g. ElasticMQ) at a configured endpoint: the queue URL comes from GetQueueUrl by name and is cached.
 */
public final class SqsDelivery implements AutoCloseable {
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws:sqs:([a-z0-9-]+):(\\d{12}):(.+)");
    private final URI endpoint;
    private final Map<String, SqsClient> clients = new ConcurrentHashMap<>();
    private final Map<String, String> queueUrls = new ConcurrentHashMap<>();

    /** Delivery to the SQS server at {@code endpoint} (null: every delivery fails, saying so). */
    public SqsDelivery(URI endpoint) {
        this.endpoint = endpoint;
    }

    /** Whether {@code arn} names an SQS queue. */
    public static boolean isQueueArn(String arn) {
        return QUEUE_ARN.matcher(arn).matches();
    }

    /** Sends {@code body} to the queue {@code queueArn}; throws when the server refuses or cannot be reached. */
    public void send(String queueArn, String body) {
        if (endpoint == null) {
            throw new IllegalStateException("no SQS endpoint configured (--sqs-port or --sqs-endpoint) for " + queueArn);
        }
        Matcher m = QUEUE_ARN.matcher(queueArn);
        if (!m.matches()) {
            throw new IllegalArgumentException("not an SQS queue ARN: " + queueArn);
        }
        SqsClient client = clients.computeIfAbsent(m.group(1) + "/" + m.group(2), key -> SqsClient.builder()
                .endpointOverride(endpoint).httpClientBuilder(ApacheHttpClient.builder()).region(Region.of(m.group(1)))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(m.group(2),
                        "local"))).build());
        String url = queueUrls.computeIfAbsent(queueArn, arn -> client.getQueueUrl(r -> r.queueName(m.group(3)))
                .queueUrl());
        try {
            client.sendMessage(r -> r.queueUrl(url).messageBody(body));
        } catch (RuntimeException e) {
            queueUrls.remove(queueArn);
            throw e;
        }
    }

    @Override
    public void close() {
        for (SqsClient client : clients.values()) {
            client.close();
        }
        clients.clear();
    }
}
