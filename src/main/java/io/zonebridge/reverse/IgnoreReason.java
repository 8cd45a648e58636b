package io.zonebridge.reverse;

/** Why an SQS message or a CloudTrail event led to no reverse-DNS work. */
public enum IgnoreReason {
    /** A well-formed EventBridge event that is not a CloudTrail call of Route 53 (EC2, schedule, ...). */
    NOT_ROUTE53,
    /** A Route 53 CloudTrail event of another API call than ChangeResourceRecordSets. */
    NOT_CHANGE_RECORD_SETS,
    /** The call failed (CloudTrail {@code errorCode} present): Route 53 changed nothing. */
    FAILED_CALL,
    /** A change made by zonebridge itself (principal, session or comment marker). */
    OWN_CHANGE,
    /** The change batch touches no A or AAAA record set. */
    NO_ADDRESS_RECORDS,
    /** Every A/AAAA change of the batch is an alias, which has no address. */
    ALIAS_ONLY
}
