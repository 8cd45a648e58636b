package io.zonebridge.app.config;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Several replicas of the service ({@code cluster:} in the configuration, docs/replicas.md). Off by default: one
 * replica runs everything, exactly as without the key. On: one replica at a time, the leader (the holder of a lease
 * in a DynamoDB table), runs the timers, the SQS consumers and every zone write; every replica takes NOTIFYs and
 * hands their work to the leader through an SQS queue.
 *
 * @param enabled          whether the replicas elect a leader
 * @param table            the DynamoDB table holding the leases (partition key {@code key}), created when missing
 * @param dynamoDbEndpoint DynamoDB endpoint override (DynamoDB Local), empty for AWS itself
 * @param queue            the SQS queue NOTIFY work goes to when this replica is not the leader
 * @param sqsEndpoint      SQS endpoint override (ElasticMQ), empty for AWS itself
 * @param lease            how long a leader's lease lasts without a heartbeat: a killed leader is replaced after
 *                         about this long
 * @param heartbeat        how often the leader renews its lease (at most a third of {@code lease})
 * @param replicaId        this replica's name in the lease table (default: host name and process id)
 */
public record ClusterSettings(boolean enabled, String table, Optional<URI> dynamoDbEndpoint, String queue,
                              Optional<URI> sqsEndpoint, Duration lease, Duration heartbeat, String replicaId) {

    /** The lease table's default name. */
    public static final String DEFAULT_TABLE = "zonebridge-cluster";
    /** The hand-off queue's default name. */
    public static final String DEFAULT_QUEUE = "zonebridge-zone-work";
    /** The default lease: a leader killed is replaced within about 11 s. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(8);
    /** The default heartbeat. */
    public static final Duration DEFAULT_HEARTBEAT = Duration.ofSeconds(2);

    /** Clustering off (one replica). */
    public static ClusterSettings disabled() {
        return new ClusterSettings(false, DEFAULT_TABLE, Optional.empty(), DEFAULT_QUEUE, Optional.empty(),
                DEFAULT_LEASE, DEFAULT_HEARTBEAT, defaultReplicaId());
    }

    static ClusterSettings from(ConfigNode node, Route53Settings route53) {
        if (!node.isPresent()) {
            return disabled();
        }
        node.allowOnly("enabled", "table", "dynamoDbEndpoint", "queue", "sqsEndpoint", "lease", "heartbeat",
                "replicaId");
        boolean enabled = node.get("enabled").bool(false);
        Duration lease = node.get("lease").duration().orElse(DEFAULT_LEASE);
        if (lease.compareTo(Duration.ofSeconds(3)) < 0 || lease.compareTo(Duration.ofMinutes(5)) > 0) {
            throw node.get("lease").error("must be between 3s and 5m, not " + lease.toMillis() + " ms");
        }
        Duration heartbeat = node.get("heartbeat").duration().orElse(DEFAULT_HEARTBEAT);
        if (heartbeat.isNegative() || heartbeat.isZero() || heartbeat.multipliedBy(3).compareTo(lease) > 0) {
            throw node.get("heartbeat").error("must be positive and at most a third of lease (" + lease.toMillis()
                    + " ms), not " + heartbeat.toMillis() + " ms");
        }
        String replicaId = node.get("replicaId").text(defaultReplicaId());
        if (!replicaId.matches("[A-Za-z0-9_.:@-]{1,128}")) {
            throw node.get("replicaId").error("must be 1 to 128 of letters, digits, _ . : @ -, not '" + replicaId + "'");
        }
        if (enabled && route53.embedded()) {
            throw node.get("enabled").error("needs one Route 53 all replicas share: route53.endpoint: embedded starts"
                    + " one inside each replica (use a URL or AWS itself)");
        }
        return new ClusterSettings(enabled, node.get("table").dynamoDbTableName(DEFAULT_TABLE),
                node.get("dynamoDbEndpoint").url("http://127.0.0.1:8000"), node.get("queue").sqsQueueName(DEFAULT_QUEUE),
                node.get("sqsEndpoint").url("http://127.0.0.1:9324"), lease, heartbeat, replicaId);
    }

    /** The host name (ECS: the task's) and this process's id. */
    static String defaultReplicaId() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElseGet(() -> {
            try {
                return java.net.InetAddress.getLocalHost().getHostName();
            } catch (java.io.IOException e) {
                return "replica";
            }
        });
        return (host + "-" + ProcessHandle.current().pid()).replaceAll("[^A-Za-z0-9_.:@-]", "-");
    }
}
