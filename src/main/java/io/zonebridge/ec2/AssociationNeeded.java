package io.zonebridge.ec2;

/**
 * A private hosted zone that gets an instance's records but is not associated with the instance's VPC,
 * so the VPC cannot resolve them; the caller associates it when configured to.
 *
 * @param hostedZoneId bare hosted zone id
 * @param vpcId        the instance's VPC
 */
public record AssociationNeeded(String hostedZoneId, String vpcId) {
}
