package io.zonebridge.provision;

/**
 * The EventBridge rule patterns zonebridge's reverse-DNS pipeline relies on (the same as in
 * {@code deploy/network-account.yaml} and docs/reverse-dns.md).
 */
public final class EventPatterns {

    /** Route 53 ChangeResourceRecordSets calls as CloudTrail delivers them to EventBridge (us-east-1 only). */
    public static final String ROUTE53_CHANGES = "{\"source\":[\"aws.route53\"],"
            + "\"detail-type\":[\"AWS API Call via CloudTrail\"],"
            + "\"detail\":{\"eventSource\":[\"route53.amazonaws.com\"],\"eventName\":[\"ChangeResourceRecordSets\"]}}";

    /** The default schedule of the organisation reconcile. */
    public static final String DEFAULT_SCHEDULE = "rate(1 hour)";

    private EventPatterns() {
    }
}
