package io.zonebridge.ec2;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import software.amazon.awssdk.services.route53.Route53Client;
import software.amazon.awssdk.services.route53.model.Route53Exception;

/**
 * Associates a private hosted zone with an instance's VPC (Route 53 AssociateVPCWithHostedZone, through the
 * service's rate-limited client), so the VPC resolves the records made for the instance. A refusal is logged
 * with Route 53's message and does not hold the records back.
 */
public final class PrivateZoneAssociator {

    private static final Logger LOG = LoggerFactory.getLogger(PrivateZoneAssociator.class);
    private final Route53Client client;
    private final String region;

    /** @param region the region of the instances' VPCs */
    public PrivateZoneAssociator(Route53Client client, String region) {
        this.client = client;
        this.region = region;
    }

    /** Associates; true when Route 53 accepted (or the association exists already). */
    public boolean associate(AssociationNeeded needed) {
        try {
            client.associateVPCWithHostedZone(r -> r.hostedZoneId(needed.hostedZoneId())
                    .vpc(v -> v.vpcId(needed.vpcId()).vpcRegion(region))
                    .comment("zonebridge: EC2 instance records"));
            LOG.info("associated private zone {} with VPC {} ({}) for its instances' records", needed.hostedZoneId(),
                    needed.vpcId(), region);
            return true;
        } catch (Route53Exception e) {
            String code = e.awsErrorDetails() == null ? "" : e.awsErrorDetails().errorCode();
            if ("ConflictingDomainExists".equals(code) && e.getMessage() != null
                    && e.getMessage().contains("already associated")) {
                return true;
            }
            LOG.warn("cannot associate private zone {} with VPC {} ({}): {} {}", needed.hostedZoneId(),
                    needed.vpcId(), region, code, e.awsErrorDetails() == null ? e.getMessage()
                            : e.awsErrorDetails().errorMessage());
            return false;
        }
    }
}
