package io.zonebridge.app.ec2;

import io.zonebridge.app.config.ConfigNode;
import io.zonebridge.app.config.QueueRouteSettings;
import io.zonebridge.ec2.Ec2DnsSettings;
import io.zonebridge.ec2.HostNamePattern;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The EC2 dynamic-DNS job ({@code ec2:} in the configuration): where its events arrive, where EC2 and the DynamoDB
 * state table are, and how records are made. Off unless {@code enabled: true}.
 *
 * @param enabled           whether the {@code ec2-dns} routes run
 * @param region            region of EC2, SQS and DynamoDB
 * @param ec2Endpoint       EC2 endpoint override (the local emulator), empty for AWS itself
 * @param sqsEndpoint       SQS endpoint override (ElasticMQ locally), empty for AWS itself
 * @param dynamoDbEndpoint  DynamoDB endpoint override (DynamoDB Local), empty for AWS itself
 * @param queue             queue EventBridge delivers state changes and CreateTags calls to
 * @param deadLetterQueue   queue malformed messages go to, with the reason
 * @param table             DynamoDB table of what was made per instance (created when missing)
 * @param dns               tag keys, TTL and host-name pattern
 * @param associateVpc      whether a private zone that gets an instance's records is associated with its VPC
 * @param lateTagWindow     how long a running instance without DNS tags is looked at again (0: never)
 * @param lateTagInterval   how often it is looked at within that window
 * @param parallelism       instances of one batch handled at the same time
 * @param ptrLedger         the old file of the PTRs this job created: migrated into {@code ptrOwnershipTable} at
 *                          start when it exists, then renamed
 * @param ptrOwnershipTable DynamoDB table recording the PTRs this job created (only those are ever changed or
 *                          deleted); its own, not the reverse job's, so each job releases only its own claims
 */
public record Ec2Settings(boolean enabled, String region, Optional<URI> ec2Endpoint, Optional<URI> sqsEndpoint,
                          Optional<URI> dynamoDbEndpoint, String queue, String deadLetterQueue, String table,
                          Ec2DnsSettings dns, boolean associateVpc, Duration lateTagWindow, Duration lateTagInterval,
                          int parallelism, Path ptrLedger, String ptrOwnershipTable) {

    /** The job switched off, with defaults elsewhere. */
    public static Ec2Settings disabled() {
        return new Ec2Settings(false, "us-east-1", Optional.empty(), Optional.empty(), Optional.empty(),
                "zonebridge-ec2", "zonebridge-ec2-dlq", "zonebridge-ec2-instances", Ec2DnsSettings.DEFAULTS, true,
                Duration.ofMinutes(10), Duration.ofSeconds(30), 8, Path.of("zonebridge-ec2-owned-ptrs.json"),
                "zonebridge-ec2-ptr-ownership");
    }

    /** The settings of node {@code ec2} (absent: {@link #disabled()}; region default: Route 53's); errors name the key. */
    public static Ec2Settings from(ConfigNode node, String defaultRegion) {
        Ec2Settings d = disabled();
        if (!node.isPresent()) {
            return d;
        }
        node.allowOnly(ConfigNode.keys(QueueRouteSettings.KEYS, "enabled", "region", "ec2Endpoint", "sqsEndpoint",
                "dynamoDbEndpoint", "queue", "deadLetterQueue", "table", "zoneTag", "cnameTag", "ttl", "hostName",
                "associateVpc", "lateTagWindow", "lateTagInterval", "parallelism", "ptrLedger", "ptrOwnership"));
        String region = node.get("region").text(defaultRegion);
        if (!region.matches("[a-z]{2}(-[a-z]+)+-\\d")) {
            throw node.get("region").error("must be an AWS region such as us-east-1, not '" + region + "'");
        }
        String queue = node.get("queue").sqsQueueName(d.queue());
        String deadLetter = node.get("deadLetterQueue").sqsQueueName(queue + "-dlq");
        if (deadLetter.equals(queue)) {
            throw node.get("deadLetterQueue").error("must differ from ec2.queue ('" + queue + "')");
        }
        String table = node.get("table").dynamoDbTableName(d.table());
        ConfigNode ptrOwnership = node.get("ptrOwnership").allowOnly("table");
        String ptrOwnershipTable = ptrOwnership.get("table").dynamoDbTableName(d.ptrOwnershipTable());
        if (ptrOwnershipTable.equals(table)) {
            throw ptrOwnership.get("table").error("must differ from ec2.table ('" + table + "')");
        }
        String zoneTag = tagKey(node.get("zoneTag"), "ZONE");
        String cnameTag = tagKey(node.get("cnameTag"), "CNAME");
        long ttl = node.get("ttl").longValue(300, 0, 2_147_483_647L);
        HostNamePattern hostName;
        ConfigNode hostNode = node.get("hostName");
        List<String> alternatives = hostNode.isPresent()
                ? hostNode.list().stream().map(ConfigNode::text).toList() : HostNamePattern.DEFAULT;
        try {
            hostName = new HostNamePattern(alternatives);
        } catch (IllegalArgumentException e) {
            throw hostNode.error(e.getMessage());
        }
        Duration window = node.get("lateTagWindow").duration().orElse(d.lateTagWindow());
        Duration interval = node.get("lateTagInterval").duration().orElse(d.lateTagInterval());
        if (window.isNegative()) {
            throw node.get("lateTagWindow").error("must not be negative");
        }
        if (interval.isZero() || interval.isNegative()) {
            throw node.get("lateTagInterval").error("must be positive");
        }
        String example = "http://127.0.0.1:4566";
        return new Ec2Settings(node.get("enabled").bool(false), region, node.get("ec2Endpoint").url(example),
                node.get("sqsEndpoint").url(example), node.get("dynamoDbEndpoint").url(example), queue, deadLetter, table,
                new Ec2DnsSettings(zoneTag, cnameTag, ttl, hostName), node.get("associateVpc").bool(true), window,
                interval, (int) node.get("parallelism").longValue(d.parallelism(), 1, 64),
                Path.of(node.get("ptrLedger").text(d.ptrLedger().toString())), ptrOwnershipTable);
    }

    private static String tagKey(ConfigNode node, String defaultKey) {
        String key = node.text(defaultKey);
        if (key.isBlank() || key.length() > 128 || key.startsWith("aws:")) {
            throw node.error("must be an EC2 tag key (1 to 128 characters, not starting with aws:), not '" + key + "'");
        }
        return key;
    }

}
