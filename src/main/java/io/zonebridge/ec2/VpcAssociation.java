package io.zonebridge.ec2;

import java.util.Objects;

/**
 * A VPC a private hosted zone is associated with (Route 53 GetHostedZone {@code VPCs}).
 *
 * @param vpcId  VPC id
 * @param region the VPC's region
 */
public record VpcAssociation(String vpcId, String region) {
    public VpcAssociation {
        Objects.requireNonNull(vpcId, "vpcId");
    }
}
