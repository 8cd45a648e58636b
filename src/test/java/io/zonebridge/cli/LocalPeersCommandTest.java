package io.zonebridge.cli;

import io.zonebridge.app.Eventually;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.time.Duration;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code zonebridge local --sqs-port --dynamodb-port} serves SQS (ElasticMQ) and DynamoDB (DynamoDB Local) on
 * loopback, to the real AWS SDK clients, and EventBridge SQS targets deliver to that SQS.
 */
class LocalPeersCommandTest {
    private static final String ACCOUNT = "123456789012";
    private static final StaticCredentialsProvider CREDENTIALS =
            StaticCredentialsProvider.create(AwsBasicCredentials.create(ACCOUNT, "local"));

    private static LocalCommand command;
    private static CompletableFuture<Integer> run;
    private static String printed;
    private static URI emulator;
    private static URI sqsEndpoint;
    private static URI dynamoDbEndpoint;

    @BeforeAll
    static void startLocal() throws Exception {
        command = new LocalCommand();
        StringWriter output = new StringWriter();
        CommandLine cli = new CommandLine(command).setOut(new PrintWriter(output, true));
        run = CompletableFuture.supplyAsync(() -> cli.execute("--port", "0", "--dns-port", "-1",
                "--sqs-port", "0", "--dynamodb-port", "0"));
        Eventually.assertWithin(Duration.ofSeconds(60),
                () -> output.toString().contains("SQS targets deliver to") || run.isDone(),
                () -> "local did not start: " + output);
        printed = output.toString();
        emulator = endpoint("Route 53 endpoint ");
        sqsEndpoint = endpoint("SQS \\(ElasticMQ\\) endpoint ");
        dynamoDbEndpoint = endpoint("DynamoDB \\(DynamoDB Local, in memory\\) endpoint ");
    }

    @AfterAll
    static void stopLocal() throws Exception {
        command.shutdown();
        assertEquals(0, run.get(30, TimeUnit.SECONDS));
        for (URI stopped : List.of(emulator, sqsEndpoint, dynamoDbEndpoint)) {
            assertThrows(ConnectException.class, () -> connect(InetAddress.getLoopbackAddress(), stopped.getPort()),
                    stopped + " still listens after shutdown");
        }
    }

    private static URI endpoint(String label) {
        Matcher m = Pattern.compile(label + "(http://127\\.0\\.0\\.1:\\d+) \\(aws --endpoint-url \\1").matcher(printed);
        assertTrue(m.find(), "no '" + label + "' line in:\n" + printed);
        return URI.create(m.group(1));
    }

    @Test
    void startupLinesSayWhereEventBridgeDelivers() {
        assertTrue(printed.contains("EventBridge SQS targets deliver to " + sqsEndpoint), printed);
        assertTrue(printed.contains("(aws --endpoint-url " + sqsEndpoint + " sqs ...)"), printed);
        assertTrue(printed.contains("(aws --endpoint-url " + dynamoDbEndpoint + " dynamodb ...)"), printed);
    }

    @Test
    void sqsCreatesSendsAndReceives() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String url = sqs.createQueue(r -> r.queueName("plain")).queueUrl();
            assertTrue(url.startsWith(sqsEndpoint.toString()), url);
            sqs.sendMessage(r -> r.queueUrl(url).messageBody("hello"));
            assertEquals(List.of("hello"), receive(sqs, url, 1));
        }
    }

    @Test
    void dynamoDbCreatesTablePutsAndGets() {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().endpointOverride(dynamoDbEndpoint)
                .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            dynamo.createTable(r -> r.tableName("instances")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .billingMode("PAY_PER_REQUEST"));
            dynamo.putItem(r -> r.tableName("instances").item(Map.of("id", AttributeValue.fromS("i-1"),
                    "name", AttributeValue.fromS("web-01"))));
            Map<String, AttributeValue> item = dynamo.getItem(r -> r.tableName("instances")
                    .key(Map.of("id", AttributeValue.fromS("i-1")))).item();
            assertEquals("web-01", item.get("name").s());
            assertEquals(List.of("instances"), dynamo.listTables().tableNames());
        }
    }

    @Test
    void eventBridgeSqsTargetsDeliverToTheEmbeddedSqs() {
        try (SqsClient sqs = SqsClient.builder().endpointOverride(sqsEndpoint).region(Region.US_EAST_1)
                .credentialsProvider(CREDENTIALS).httpClientBuilder(ApacheHttpClient.builder()).build();
             EventBridgeClient events = EventBridgeClient.builder().endpointOverride(emulator)
                     .region(Region.US_EAST_1).credentialsProvider(CREDENTIALS)
                     .httpClientBuilder(ApacheHttpClient.builder()).build()) {
            String url = sqs.createQueue(r -> r.queueName("events")).queueUrl();
            events.putRule(r -> r.name("tests").eventPattern("{\"source\":[\"zonebridge.test\"]}"));
            events.putTargets(r -> r.rule("tests").targets(t -> t.id("q")
                    .arn("arn:aws:sqs:us-east-1:" + ACCOUNT + ":events")));
            assertEquals(0, events.putEvents(r -> r.entries(e -> e.source("zonebridge.test")
                    .detailType("Test").detail("{\"n\":1}"))).failedEntryCount());
            List<String> bodies = receive(sqs, url, 1);
            assertEquals(1, bodies.size(), bodies.toString());
            assertTrue(bodies.get(0).contains("\"source\":\"zonebridge.test\""), bodies.get(0));
            assertTrue(bodies.get(0).contains("\"detail\":{\"n\":1}"), bodies.get(0));
        }
    }

    @Test
    void sqsPortAndSqsEndpointExcludeEachOther() {
        CommandRun run = CommandRun.of("local", "--port", "0", "--dns-port", "-1", "--sqs-port", "0",
                "--sqs-endpoint", "http://127.0.0.1:9324");
        assertEquals(2, run.exitCode(), run.err());
        assertTrue(run.err().contains("--sqs-port and --sqs-endpoint exclude each other"), run.err());
        assertEquals("", run.out());
    }

    @Test
    void aTakenPeerPortIsAUsageErrorNamingTheAddress() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CommandRun run = CommandRun.of("local", "--port", "0", "--dns-port", "-1", "--sqs-port", "0",
                    "--dynamodb-port", Integer.toString(taken.getLocalPort()));
            assertEquals(2, run.exitCode(), run.err());
            assertTrue(run.err().contains("127.0.0.1:" + taken.getLocalPort() + ": Address already in use"),
                    run.err());
            assertEquals("", run.out());
        }
    }

    @Test
    void peersListenOnLoopbackOnly() throws SocketException {
        List<InetAddress> others = new ArrayList<>();
        for (NetworkInterface nic : NetworkInterface.networkInterfaces().toList()) {
            if (nic.isUp() && !nic.isLoopback()) {
                nic.inetAddresses().filter(a -> a instanceof Inet4Address).forEach(others::add);
            }
        }
        assertTrue(!others.isEmpty(), "this check needs a non-loopback IPv4 address on the machine");
        for (InetAddress other : others) {
            for (URI peer : List.of(sqsEndpoint, dynamoDbEndpoint)) {
                assertThrows(ConnectException.class, () -> connect(other, peer.getPort()),
                        peer + " is reachable on " + other);
            }
        }
    }

    private static void connect(InetAddress address, int port) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(address, port), 2000);
        }
    }

    /** Long-polls until {@code count} bodies arrived or 20 s passed, deleting what it receives. */
    private static List<String> receive(SqsClient sqs, String url, int count) {
        List<String> bodies = new ArrayList<>();
        long end = System.currentTimeMillis() + 20_000;
        while (bodies.size() < count && System.currentTimeMillis() < end) {
            for (Message m : sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1)).messages()) {
                bodies.add(m.body());
                sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return bodies;
    }
}
