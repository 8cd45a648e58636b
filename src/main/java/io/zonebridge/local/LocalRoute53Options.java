package io.zonebridge.local;

import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * Realism settings of the local emulator.
 *
 * @param pendingMillis           how long a change reads PENDING before INSYNC (0: INSYNC at the first GetChange)
 * @param requestsPerSecond       per-account request rate above which Throttling is answered (0: off)
 * @param priorRequestNotComplete answer PriorRequestNotComplete to a change for a zone whose previous change is
 *                                still PENDING
 * @param stateFile               JSON file to load at start and save after each mutation (null: memory only)
 * @param dnsPort                 UDP+TCP port answering DNS queries from the zones (-1: no DNS port, 0: ephemeral)
 * @param sqsEndpoint             SQS server (e.g. ElasticMQ) that EventBridge SQS targets deliver to (null: none,
 *                                deliveries to SQS fail and are counted)
 * @param roleExternalIds         external ids STS AssumeRole demands, by role ARN (added to the state at start)
 */
public record LocalRoute53Options(long pendingMillis, int requestsPerSecond, boolean priorRequestNotComplete,
                                  Path stateFile, int dnsPort, URI sqsEndpoint, Map<String, String> roleExternalIds) {

    /** Copies the external ids. */
    public LocalRoute53Options {
        roleExternalIds = Map.copyOf(roleExternalIds);
    }

    /**
     * Deterministic defaults: INSYNC at once, no throttling, no PriorRequestNotComplete, no file, no DNS port, no
     * SQS endpoint, no external ids.
     */
    public static LocalRoute53Options defaults() {
        return new LocalRoute53Options(0, 0, false, null, -1, null, Map.of());
    }

    /** These options with another pending time. */
    public LocalRoute53Options withPendingMillis(long millis) {
        return new LocalRoute53Options(millis, requestsPerSecond, priorRequestNotComplete, stateFile, dnsPort,
                sqsEndpoint, roleExternalIds);
    }

    /** These options with a rate limit. */
    public LocalRoute53Options withRequestsPerSecond(int perSecond) {
        return new LocalRoute53Options(pendingMillis, perSecond, priorRequestNotComplete, stateFile, dnsPort,
                sqsEndpoint, roleExternalIds);
    }

    /** These options with PriorRequestNotComplete on or off. */
    public LocalRoute53Options withPriorRequestNotComplete(boolean enabled) {
        return new LocalRoute53Options(pendingMillis, requestsPerSecond, enabled, stateFile, dnsPort, sqsEndpoint,
                roleExternalIds);
    }

    /** These options with a state file. */
    public LocalRoute53Options withStateFile(Path file) {
        return new LocalRoute53Options(pendingMillis, requestsPerSecond, priorRequestNotComplete, file, dnsPort,
                sqsEndpoint, roleExternalIds);
    }

    /** These options with a DNS port. */
    public LocalRoute53Options withDnsPort(int port) {
        return new LocalRoute53Options(pendingMillis, requestsPerSecond, priorRequestNotComplete, stateFile, port,
                sqsEndpoint, roleExternalIds);
    }

    /** These options with an SQS endpoint for EventBridge deliveries. */
    public LocalRoute53Options withSqsEndpoint(URI endpoint) {
        return new LocalRoute53Options(pendingMillis, requestsPerSecond, priorRequestNotComplete, stateFile, dnsPort,
                endpoint, roleExternalIds);
    }

    /** These options with external ids that AssumeRole demands, by role ARN. */
    public LocalRoute53Options withRoleExternalIds(Map<String, String> externalIds) {
        return new LocalRoute53Options(pendingMillis, requestsPerSecond, priorRequestNotComplete, stateFile, dnsPort,
                sqsEndpoint, externalIds);
    }
}
