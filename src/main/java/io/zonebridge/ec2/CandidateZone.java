package io.zonebridge.ec2;

import io.zonebridge.route53.HostedZoneRef;

import java.util.List;
import java.util.Objects;

/**
 * A hosted zone instances may get records in, with the VPCs a private zone is associated with
 * (empty for a public zone).
 *
 * @param zone the hosted zone
 * @param vpcs VPC associations of a private zone
 */
public record CandidateZone(HostedZoneRef zone, List<VpcAssociation> vpcs) {

    public CandidateZone {
        Objects.requireNonNull(zone, "zone");
        vpcs = List.copyOf(vpcs);
    }

    /** True when this is a private zone associated with {@code vpcId}. */
    public boolean servesVpc(String vpcId) {
        return zone.privateZone() && vpcId != null && vpcs.stream().anyMatch(v -> v.vpcId().equals(vpcId));
    }
}
