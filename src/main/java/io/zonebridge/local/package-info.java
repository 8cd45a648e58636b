/**
 * The local AWS emulator: an independent implementation of the Route 53 API subset zonebridge uses
 * (hosted zones, atomic change batches, listings, GetChange), Route 53 Resolver configs, and a DNS port that
 * answers from the hosted zones. It is the embedded default for users without an AWS account and the peer of
 * every Route 53 test.
 *
 * <p>Embed it with {@link io.zonebridge.local.LocalAwsServer} ({@code start(0)} picks a free port; point an SDK
 * client's {@code endpointOverride} at {@code endpoint()}), tune realism with
 * {@link io.zonebridge.local.LocalRoute53Options} (PENDING time, Throttling rate, PriorRequestNotComplete,
 * state file, DNS port) and read {@link io.zonebridge.local.OperationCounters} from {@code counters()}.
 * State is kept per AWS account, derived from the access key id of each request's SigV4 header.
 *
 * <p>This package imports nothing else of zonebridge (an ArchUnit test keeps it so): a bug in zonebridge's own
 * codec or planner must not be mirrored here.
 */
package io.zonebridge.local;
