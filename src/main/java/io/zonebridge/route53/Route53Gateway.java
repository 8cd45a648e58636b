package io.zonebridge.route53;

import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.ChangeBatch;

import java.util.List;
import java.util.Set;

/**
 * Route 53 as zonebridge sees it: list hosted zones, read one zone whole, apply change batches.
 * Implementations share one rate limiter per account for every call.
 */
public interface Route53Gateway {

    /** Every hosted zone of the account. */
    List<HostedZoneRef> listHostedZones();

    /** Ids (bare) of the private hosted zones associated with the VPC. */
    Set<String> privateZoneIdsOfVpc(String vpcId, String vpcRegion);

    /** Every record set of the zone, canonical, read page by page. */
    ZoneSnapshot readZone(HostedZoneRef zone);

    /**
     * Applies the batches in order. A batch Route 53 refuses as a whole is split by name group and
     * retried, so one bad record cannot block the zone; what still fails is reported.
     *
     * @param waitForInsync whether to wait until each accepted change is INSYNC
     */
    ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync);
}
