package io.zonebridge.route53;

import io.zonebridge.model.RecordSet;
import io.zonebridge.model.ZoneSnapshot;
import io.zonebridge.plan.Change;
import io.zonebridge.plan.ChangeBatch;

import java.util.List;
import java.util.Set;

/**
 * Route 53 as zonebridge sees it: list hosted zones, read one zone whole or one name, send change batches.
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
     * Every record set of the zone, like {@link #readZone(HostedZoneRef)}, taking a permit from {@code budget}
     * before each page (on top of the account's limiter), so a background read spends only its share of the rate.
     */
    default ZoneSnapshot readZone(HostedZoneRef zone, AccountRateLimiter budget) {
        return readZone(zone);
    }

    /** The record sets named {@code name} (every type and set identifier), canonical; one request when they fit a page. */
    default List<RecordSet> readName(HostedZoneRef zone, String name) {
        return readZone(zone).recordSets().values().stream().filter(s -> s.name().equals(name)).toList();
    }

    /**
     * Sends one ChangeResourceRecordSets request, which Route 53 applies all or nothing.
     *
     * @return the change id (bare)
     * @throws BatchRefusedException with Route 53's message when it refused the batch (nothing applied)
     */
    String submit(HostedZoneRef zone, List<Change> changes) throws BatchRefusedException;

    /** Pages of {@link #readZone} a full read of a zone of {@code recordSets} sets costs. */
    default int pagesFor(long recordSets) {
        return (int) Math.max(1, (recordSets + 299) / 300);
    }

    /** Waits until the accepted changes are INSYNC (where the implementation can tell). */
    default void waitForInsync(List<String> changeIds) {
    }

    /**
     * Applies the batches in order. A batch Route 53 refuses as a whole is split by name group and
     * retried, so one bad record cannot block the zone; what still fails is reported.
     *
     * @param waitForInsync whether to wait until each accepted change is INSYNC
     */
    ApplyResult apply(HostedZoneRef zone, List<ChangeBatch> batches, boolean waitForInsync);
}
