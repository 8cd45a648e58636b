package io.zonebridge.app.ec2;

import io.zonebridge.app.Route53Connection;
import io.zonebridge.app.InProcessService;
import io.zonebridge.ec2.DynamoDbLocal;
import io.zonebridge.local.Ec2Timings;
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
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.AttributeBooleanValue;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.Target;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.RRType;
import software.amazon.awssdk.services.route53.model.ResourceRecord;
import software.amazon.awssdk.services.route53.model.VPCRegion;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Real peers of the EC2 dynamic-DNS end-to-end tests and benchmark: the project's emulator (EC2, Route 53,
 * EventBridge delivering every {@code aws.ec2} event to the service's queue and a tap queue), embedded ElasticMQ,
 * DynamoDB Local, a VPC with a subnet, a private zone {@code internal.example.} associated with it and a private
 * reverse zone {@code 10.in-addr.arpa.}; the zonebridge.yaml pointing the service at them; and the service itself,
 * started and stopped in this JVM. Every client uses the credentials the service uses: one emulator account.
 */
public final class Ec2Peers implements AutoCloseable {

    public static final String ZONE = "internal.example.";
    /** The rule for instance state changes (as the README recommends). */
    public static final String STATE_PATTERN = "{\"source\":[\"aws.ec2\"],"
            + "\"detail-type\":[\"EC2 Instance State-change Notification\"]}";
    /** The rule for the CloudTrail tag calls (as the README recommends). */
    public static final String TAGS_PATTERN = "{\"source\":[\"aws.ec2\"],\"detail-type\":[\"AWS API Call via "
            + "CloudTrail\"],\"detail\":{\"eventName\":[\"CreateTags\",\"DeleteTags\"]}}";

    public final ElasticMqPeer sqs;
    public final DynamoDbLocal dynamo;
    /** Whether this fixture started {@link #sqs} and {@link #dynamo} itself (and so stops them). */
    private final boolean ownsQueuesAndTable;
    public final LocalAwsServer server;
    public final Route53Client route53;
    public final Ec2Client ec2;
    public final String account;
    public final String queue;
    public final String deadLetterQueue;
    public final String tapQueue;
    public final String vpc;
    public final String subnet;
    public final String zoneId;
    public final String reverseZoneId;
    private InProcessService service;

    /**
     * Peers with an ElasticMQ and a DynamoDB Local of their own (for a benchmark run outside JUnit).
     *
     * @param requestsPerSecond the emulator's throttle of Route 53 and EC2 calls (0: none)
     * @param timings           the emulator's EC2 state transitions
     */
    public Ec2Peers(int requestsPerSecond, Ec2Timings timings, String subnetCidr) throws Exception {
        this(new ElasticMqPeer(), DynamoDbLocal.start(), true, requestsPerSecond, timings, subnetCidr);
    }

    /**
     * Peers on the given ElasticMQ (their queues have names of their own) and DynamoDB Local, which the caller (a
     * JUnit extension) stops.
     *
     * @param requestsPerSecond the emulator's throttle of Route 53 and EC2 calls (0: none)
     * @param timings           the emulator's EC2 state transitions
     */
    public Ec2Peers(ElasticMqPeer sqs, DynamoDbLocal dynamo, int requestsPerSecond, Ec2Timings timings,
            String subnetCidr) throws Exception {
        this(sqs, dynamo, false, requestsPerSecond, timings, subnetCidr);
    }

    private Ec2Peers(ElasticMqPeer sqs, DynamoDbLocal dynamo, boolean ownsQueuesAndTable, int requestsPerSecond,
            Ec2Timings timings, String subnetCidr) throws Exception {
        this.sqs = sqs;
        this.dynamo = dynamo;
        this.ownsQueuesAndTable = ownsQueuesAndTable;
        LocalRoute53Options options = LocalRoute53Options.defaults().withSqsEndpoint(sqs.endpoint());
        server = new LocalAwsServer(requestsPerSecond > 0 ? options.withRequestsPerSecond(requestsPerSecond) : options)
                .withEc2Timings(timings);
        server.start(0);
        URI endpoint = URI.create(server.endpoint());
        route53 = new Route53ClientFactory().endpoint(endpoint).rateLimiter(new AccountRateLimiter(4))
                .credentials(Route53Connection.localCredentials()).create();
        ec2 = Ec2Client.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(Route53Connection.localCredentials())
                .build();
        try (StsClient sts = StsClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                .httpClientBuilder(ApacheHttpClient.builder()).credentialsProvider(Route53Connection.localCredentials())
                .build()) {
            account = sts.getCallerIdentity().account();
        }
        String suffix = Long.toString(System.nanoTime());
        queue = "ec2-" + suffix;
        deadLetterQueue = "ec2-dlq-" + suffix;
        tapQueue = "ec2-tap-" + suffix;
        sqs.createQueue(queue);
        sqs.createQueue(deadLetterQueue);
        sqs.createQueue(tapQueue);
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(endpoint)
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            for (String rule : List.of("ec2-state-changes", "ec2-tag-calls")) {
                events.putRule(r -> r.name(rule).eventPattern(rule.equals("ec2-tag-calls") ? TAGS_PATTERN
                        : STATE_PATTERN));
                events.putTargets(r -> r.rule(rule).targets(
                        Target.builder().id("zonebridge").arn(ElasticMqPeer.queueArn(account, queue)).build(),
                        Target.builder().id("tap").arn(ElasticMqPeer.queueArn(account, tapQueue)).build()));
            }
        }
        vpc = ec2.createVpc(r -> r.cidrBlock(subnetCidr.replaceAll("\\.\\d+\\.0/\\d+$", ".0.0/16"))).vpc().vpcId();
        ec2.modifyVpcAttribute(r -> r.vpcId(vpc).enableDnsHostnames(AttributeBooleanValue.builder().value(true).build()));
        subnet = ec2.createSubnet(r -> r.vpcId(vpc).cidrBlock(subnetCidr)).subnet().subnetId();
        zoneId = privateZone(ZONE, vpc);
        reverseZoneId = privateZone("10.in-addr.arpa.", vpc);
    }

    /** Enables or disables the rule delivering the CloudTrail tag calls. */
    public void tagEvents(boolean enabled) {
        try (EventBridgeClient events = EventBridgeClient.builder().endpointOverride(URI.create(server.endpoint()))
                .region(Region.US_EAST_1).httpClientBuilder(ApacheHttpClient.builder())
                .credentialsProvider(Route53Connection.localCredentials()).build()) {
            if (enabled) {
                events.enableRule(r -> r.name("ec2-tag-calls"));
            } else {
                events.disableRule(r -> r.name("ec2-tag-calls"));
            }
        }
    }

    /** A private zone associated with {@code vpcId}; its bare id. */
    public String privateZone(String name, String vpcId) {
        String id = route53.createHostedZone(r -> r.name(name).callerReference(UUID.randomUUID().toString())
                .vpc(v -> v.vpcId(vpcId).vpcRegion(VPCRegion.US_EAST_1))).hostedZone().id();
        return id.substring(id.lastIndexOf('/') + 1);
    }

    /**
     * Writes the service configuration for these peers to {@code file}, with the shipped Route 53 request budget
     * (5 a second: what the benchmark measures under); returns it.
     */
    public Path writeConfig(Path file, String table, String extraEc2Keys) throws IOException {
        return writeConfig(file, table, extraEc2Keys, 5);
    }

    /**
     * Writes the service configuration for these peers to {@code file}, with {@code route53RatePerSecond} as the
     * service's Route 53 request budget ({@code route53.rateLimitPerSecond}); returns it.
     */
    public Path writeConfig(Path file, String table, String extraEc2Keys, double route53RatePerSecond)
            throws IOException {
        Files.createDirectories(file.getParent());
        Files.deleteIfExists(file.resolveSibling("owned-ptrs.json"));
        Files.deleteIfExists(file.resolveSibling("ec2-owned-ptrs.json"));
        Files.writeString(file, """
                route53:
                  endpoint: %s
                  rateLimitPerSecond: %s
                secondary:
                  notify: { enabled: false }
                reverse:
                  ledger: %s
                ec2:
                  enabled: true
                  ec2Endpoint: %s
                  sqsEndpoint: %s
                  dynamoDbEndpoint: %s
                  queue: %s
                  deadLetterQueue: %s
                  table: %s
                  ptrLedger: %s
                  ptrOwnership: { table: %s-ptrs }
                %s""".formatted(server.endpoint(), route53RatePerSecond, file.resolveSibling("owned-ptrs.json"),
                server.endpoint(),
                sqs.endpoint(), dynamo.endpoint(), queue, deadLetterQueue, table,
                file.resolveSibling("ec2-owned-ptrs.json"), table, extraEc2Keys));
        return file;
    }

    /**
     * Starts the service (routes from routes/, properties from config/application.properties, the management
     * server on a free port) with {@code config}.
     */
    public void startService(Path config, Map<String, String> properties) throws InterruptedException {
        if (service != null) {
            throw new IllegalStateException("the service runs already");
        }
        service = InProcessService.start(config, properties);
    }

    /** The running service's bean {@code name}. */
    public <T> T bean(String name, Class<T> type) {
        return service.bean(name, type);
    }

    /** Stops the service and waits until it is gone (its in-memory state with it). */
    public void stopService() throws InterruptedException {
        if (service != null) {
            service.close();
            service = null;
        }
    }

    /** The zone's record sets of {@code type}: name → sorted values. */
    public Map<String, List<String>> records(String zone, RRType type) {
        Map<String, List<String>> sets = new TreeMap<>();
        route53.listResourceRecordSetsPaginator(r -> r.hostedZoneId(zone)).resourceRecordSets().stream()
                .filter(set -> set.type() == type)
                .forEach(set -> sets.put(set.name(), set.resourceRecords().stream().map(ResourceRecord::value)
                        .sorted().collect(Collectors.toList())));
        return sets;
    }

    /** Visible plus in-flight messages of queue {@code name}. */
    public int pending(String name) {
        String url = sqs.client().getQueueUrl(r -> r.queueName(name)).queueUrl();
        Map<QueueAttributeName, String> attributes = sqs.client().getQueueAttributes(r -> r.queueUrl(url)
                .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES,
                        QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE)).attributes();
        return Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES))
                + Integer.parseInt(attributes.get(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE));
    }

    @Override
    public void close() throws Exception {
        stopService();
        ec2.close();
        route53.close();
        server.stop();
        if (ownsQueuesAndTable) {
            sqs.close();
            dynamo.close();
        }
    }
}
