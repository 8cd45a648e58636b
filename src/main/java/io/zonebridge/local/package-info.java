/**
 * The local AWS emulator: an independent implementation of the AWS API subset zonebridge uses, on one HTTP port:
 * Route 53 (hosted zones, atomic change batches, listings, GetChange; REST-XML), Route 53 Resolver configs,
 * Organizations and EventBridge (JSON 1.1, chosen by the {@code X-Amz-Target} prefix), STS AssumeRole and
 * GetCallerIdentity (Query protocol, form-encoded {@code Action=} bodies), and a DNS port that answers from the
 * hosted zones. It is the embedded default for users without an AWS account and the peer of every AWS test.
 *
 * <p>Embed it with {@link io.zonebridge.local.LocalAwsServer} ({@code start(0)} picks a free port; point an SDK
 * client's {@code endpointOverride} at {@code endpoint()}), tune it with
 * {@link io.zonebridge.local.LocalRoute53Options} (PENDING time, Throttling rate, PriorRequestNotComplete,
 * state file, DNS port, SQS endpoint, role external ids) and read {@link io.zonebridge.local.OperationCounters}
 * from {@code counters()}. State is kept per AWS account, derived from the access key id of each request's SigV4
 * header ({@link io.zonebridge.local.AccountIds}); keys issued by AssumeRole stand for the role's account.
 *
 * <p>Every ChangeResourceRecordSets call, accepted or refused, becomes the CloudTrail event EventBridge would carry
 * ({@link io.zonebridge.local.CloudTrailRecorder}) on the caller's default bus in us-east-1; rules whose
 * {@link io.zonebridge.local.EventPattern} matches deliver it to SQS queues on a real SQS server (e.g. ElasticMQ)
 * or forward it to another account's bus ({@link io.zonebridge.local.EventRouter}).
 *
 * <p>This package imports nothing else of zonebridge (an ArchUnit test keeps it so): a bug in zonebridge's own
 * codec or planner must not be mirrored here. Of the AWS SDK it uses only the SQS client, to deliver events.
 */
package io.zonebridge.local;
