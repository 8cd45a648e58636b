/**
 * Dynamic DNS for EC2, free of Camel: the routes call these classes.
 *
 * <ol>
 *   <li>{@link io.zonebridge.ec2.Ec2StateEventParser} reads SQS bodies (EventBridge direct or SNS-wrapped):
 *       instance state changes and CloudTrail {@code CreateTags} calls (tags that arrive after {@code running},
 *       as Auto Scaling and CloudFormation add them).</li>
 *   <li>{@link io.zonebridge.ec2.InstanceDescriber} and {@link io.zonebridge.ec2.VpcDescriber} read EC2.</li>
 *   <li>{@link io.zonebridge.ec2.InstanceRecordPlanner} decides the records (tags {@code ZONE} and {@code CNAME},
 *       or the VPC's DHCP-options domain name; TTL and host-name pattern from
 *       {@link io.zonebridge.ec2.Ec2DnsSettings}; placeholders in {@link io.zonebridge.ec2.HostNamePattern}).</li>
 *   <li>{@link io.zonebridge.ec2.InstanceRecordStore} keeps what was made per instance, and the owner of every
 *       record and address, in DynamoDB.</li>
 *   <li>{@link io.zonebridge.ec2.InstanceLifecycle} ties them together and returns
 *       {@link io.zonebridge.ec2.InstanceDnsChanges}: upserts and deletes per hosted zone and PTR pairs for the
 *       reverse DNS path, which the caller plans, batches and applies.</li>
 * </ol>
 */
package io.zonebridge.ec2;
