package io.zonebridge.app.reverse;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.ElasticMqPeer;
import io.zonebridge.local.LocalAwsServer;
import io.zonebridge.local.LocalRoute53Options;
import io.zonebridge.route53.AccountRateLimiter;
import io.zonebridge.route53.Route53ClientFactory;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.organizations.OrganizationsClient;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Change;
import software.amazon.awssdk.services.route53.model.ChangeAction;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.ResourceRecordSet;
import software.amazon.awssdk.services.route53.model.VPCRegion;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real peers of the reverse-ingest tests: embedded ElasticMQ (events queue, its dead-letter queue, and a tap queue
 * receiving a copy of every event), the local emulator delivering its CloudTrail events through an EventBridge rule
 * to both queues, a private forward zone {@code corp.example.} and a private reverse zone {@code 10.in-addr.arpa.},
 * DynamoDB Local for the PTR ownership table, and the zonebridge.yaml that points the service at them. Every call uses the credentials the service uses, so
 * all share one emulator account.
 */
public final class ReversePeers implements AutoCloseable {

    public static final String VPC = "vpc-0abc1234def567890";
    public static final String PATTERN = "{\"source\":[\"aws.route53\"],\"detail\":{\"eventName\":[\"ChangeResourceRecordSets\"]}}";

    public final ElasticMqPeer sqs;
    /** Where the service keeps PTR ownership (outlives service restarts, as the table does in AWS). */
    public final DynamoDbLocal dynamo;
    /** Whether this fixture started {@link #sqs} and {@link #dynamo} itself (and so stops them). */
    private final boolean ownsQueuesAndTable;
    public LocalAwsServer server;
    private final LocalRoute53Options options;
    private int stoppedPort;
    public final Route53Client route53;
    public final String account;
    public final String queue;
    public final String deadLetterQueue;
    public final String tapQueue;
    public final String forwardZoneId;
    public final String reverseZoneId;

    /**
     * Peers with an ElasticMQ and a DynamoDB Local of their own (for a benchmark run outside JUnit).
     *
     * @param requestsPerSecond the emulator's Route 53 throttle (0: none)
     * @param clientRate        the rate limit of this fixture's own Route 53 client
     */
    public ReversePeers(int requestsPerSecond, double clientRate) {
        this(new ElasticMqPeer(), startDynamoDb(), true, requestsPerSecond, clientRate, null);
    }

    /**
     * Peers on the given ElasticMQ (their queues have names of their own) and DynamoDB Local, which the caller (a
     * JUnit extension) stops.
     *
     * @param requestsPerSecond the emulator's Route 53 throttle (0: none)
     * @param clientRate        the rate limit of this fixture's own Route 53 client
     * @param stateFile         the emulator's state file (so {@link #startRoute53Again} keeps its zones and rules),
     *                          or null
     */
    public ReversePeers(ElasticMqPeer sqs, DynamoDbLocal dynamo, int requestsPerSecond, double clientRate,
            Path stateFile) {
        this(sqs, dynamo, false, requestsPerSecond, clientRate, stateFile);
    }

    private ReversePeers(ElasticMqPeer sqs, DynamoDbLocal dynamo, boolean ownsQueuesAndTable, int requestsPerSecond,
            double clientRate, Path stateFile) {
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.ownsQueuesAndTable = ownsQueuesAndTable;
        LocalRoute53Options base = LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint());
        base = requestsPerSecond > 0 ? base.withRequestsPerSecond(requestsPerSecond) : base;
        options = stateFile == null ? base : base.withStateFile(stateFile);
        server = new LocalAwsServer(options);
        server.start(0);
        route53 = new Route53ClientFactory().endpoint(URI.create(server.endpoint()))
                .rateLimiter(new AccountRateLimiter(clientRate)).credentials(Route53Connection.localCredentials())
                .create();
        try (StsClient sts = StsClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            account = sts.getCallerIdentity().account();
        }
        String suffix = Long.toString(System.nanoTime());
        queue = "reverse-" + suffix;
        deadLetterQueue = "reverse-dlq-" + suffix;
        tapQueue = "tap-" + suffix;
        String queueUrl = sqs.createQueue(queue);
        sqs.createQueue(deadLetterQueue);
        sqs.createQueue(tapQueue);
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            events.putRule(r -> r.name("route53-changes").eventPattern(PATTERN));
            events.putTargets(r -> r.rule("route53-changes").targets(
                    Target.builder().id("zonebridge").arn(ElasticMqPeer.queueArn(account, queue)).build(),
                    Target.builder().id("tap").arn(ElasticMqPeer.queueArn(account, tapQueue)).build()));
        }
        forwardZoneId = privateZone("corp.example.");
        reverseZoneId = privateZone("10.in-addr.arpa.");
        if (queueUrl.isEmpty()) {
            throw new IllegalStateException("no queue URL");
        }
    }

    /** Writes the service configuration for these peers to {@code file}; returns it. */
    public Path writeConfig(Path file, String extraReverseKeys) throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file.resolveSibling("owned-ptrs.json"));
        Files.writeString(file, """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: 5
                secondary:
                  notify: { enabled: false }
                reverse:
                  enabled: true
                  sqsEndpoint: %s
                  queue: %s
                  deadLetterQueue: %s
                  ledger: %s
                  ownership: { endpoint: "%s" }
                %s""".formatted(server.endpoint(), sqs.endpoint(), queue, deadLetterQueue,
                file.resolveSibling("owned-ptrs.json"), dynamo.endpoint(), extraReverseKeys));
        return file;
    }

    public String privateZone(String name) {
        return privateZone(route53, name);
    }

    /** Creates a private zone through {@code client} (in its account); returns its bare id. */
    public static String privateZone(Route53Client client, String name) {
        String id = client.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId(VPC).vpcRegion(VPCRegion.US_EAST_1))).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /** One ChangeResourceRecordSets call on the forward zone: {@code action} of an A record set. */
    public void changeA(ChangeAction action, String name, String... addresses) {
        change(forwardZoneId, action, name, RRType.A, addresses);
    }

    public void change(String zoneId, ChangeAction action, String name, RRType type, String... values) {
        change(route53, zoneId, action, name, type, values);
    }

    /** One ChangeResourceRecordSets call through {@code client}. */
    public void change(Route53Client client, String zoneId, ChangeAction action, String name, RRType type,
                       String... values) {
        client.changeResourceRecordSets(r -> r.hostedZoneId(zoneId).changeBatch(b -> b.changes(Change.builder()
                .action(action).resourceRecordSet(ResourceRecordSet.builder().name(name).type(type).ttl(300L)
                        .resourceRecords(java.util.Arrays.stream(values)
                                .map(v -> ResourceRecord.builder().value(v).build()).toList()).build()).build())));
    }

    /** The reverse zone's PTRs: name → sorted values. */
    public Map<String, List<String>> ptrs() {
        Map<String, List<String>> ptrs = new TreeMap<>();
        route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(reverseZoneId)).resourceRecordSets().stream()
                .filter(set -> set.type() == RRType.PTR)
                .forEach(set -> ptrs.put(set.name(), set.resourceRecords().stream().map(ResourceRecord::value)
                        .sorted().collect(Collectors.toList())));
        return ptrs;
    }

    /** Makes the service's account the management account of a new organisation (once). */
    public void createOrganization() {
        try (OrganizationsClient organizations = OrganizationsClient.builder()
                .endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            organizations.createOrganization(r -> r.featureSet("ALL"));
        }
    }

    /** Creates a member account of the organisation; returns its id. */
    public String createMemberAccount(String name) {
        try (OrganizationsClient organizations = OrganizationsClient.builder()
                .endpointOverride(URI.create(server.endpoint())).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            return organizations.createAccount(r -> r.accountName(name).email(name + "@example.com"))
                    .createAccountStatus().accountId();
        }
    }

    /** Credentials acting in {@code account} of the emulator (its access key id is the account id). */
    public static StaticCredentialsProvider accountCredentials(String account) {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create(account, "local"));
    }

    /** A Route 53 client acting in {@code account} (closed by the caller). */
    public Route53Client route53Of(String account) {
        return new Route53ClientFactory().endpoint(URI.create(server.endpoint()))
                .rateLimiter(new AccountRateLimiter(50)).credentials(accountCredentials(account)).create();
    }

    /** In {@code member}: a rule forwarding its Route 53 CloudTrail events to the service account's default bus. */
    public void forwardEventsOf(String member) {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(accountCredentials(member)).build()) {
            events.putRule(r -> r.name("route53-to-network").eventPattern(PATTERN));
            events.putTargets(r -> r.rule("route53-to-network").targets(Target.builder().id("network-bus")
                    .arn("arn:aws:events:us-east-1:" + account + ":event-bus/default").build()));
        }
    }

    /** Stops the emulator (Route 53 unreachable until {@link #startRoute53Again}). */
    public void stopRoute53() {
        stoppedPort = server.port();
        server.stop();
    }

    /** Starts the emulator again on its port, from its state file. */
    public void startRoute53Again() {
        server = new LocalAwsServer(options);
        server.start(stoppedPort);
    }

    public long changeCalls() {
        return server.counters().requests("ChangeResourceRecordSets");
    }

    public String queueUrl(String name) {
        return sqs.client().getQueueUrl(r -> r.queueName(name)).queueUrl();
    }

    /** Visible plus in-flight messages of the queue. */
    public int pending(String name) {
        Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(queueUrl(name))
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    /** Receives (and deletes) up to {@code count} messages of the queue within {@code seconds}, with attributes. */
    public List<Message> take(String name, int count, int seconds) {
        List<Message> messages = new java.util.ArrayList<>();
        long end = System.currentTimeMillis() + seconds * 1000L;
        String url = queueUrl(name);
        while (messages.size() < count && System.currentTimeMillis() < end) {
            for (Message m : sqs.client().receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10)
                    .waitTimeSeconds(1).messageAttributeNames("All")).messages()) {
                messages.add(m);
                sqs.client().deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
            }
        }
        return messages;
    }

    public void send(String name, String body) {
        sqs.client().sendMessage(r -> r.queueUrl(queueUrl(name)).messageBody(body));
    }

    private static DynamoDbLocal startDynamoDb() {
        try {
            return DynamoDbLocal.start();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start", e);
        }
    }

    @Override
    public void close() {
        route53.close();
        server.stop();
        if (ownsQueuesAndTable) {
            sqs.close();
            try {
                dynamo.close();
            } catch (Exception e) {
                throw new IllegalStateException("DynamoDB Local did not stop", e);
            }
        }
    }
}
