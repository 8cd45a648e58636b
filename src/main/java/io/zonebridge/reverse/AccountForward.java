package io.zonebridge.reverse;

import io.zonebridge.model.RecordSet;
import io.zonebridge.route53.ApiCallStats;

import java.util.List;

/**
 * What reading one account's private forward zones produced, as the PTR plan needs it: the non-alias A/AAAA record
 * sets, how many zones were read, whether all were, what failed, and the Route 53 calls it took. A replica that reads
 * an account for the leader publishes this ({@link SharedAccountReads#publish}).
 *
 * @param account     the account
 * @param zonesRead   private forward zones read whole
 * @param complete    false when a zone, or the list of zones, could not be read
 * @param addressSets the A/AAAA record sets of those zones
 * @param failures    what could not be read
 * @param calls       the Route 53 calls the read made
 */
public record AccountForward(String account, int zonesRead, boolean complete, List<RecordSet> addressSets,
                             List<ReconcileFailure> failures, ApiCallStats calls) {

    public AccountForward {
        addressSets = List.copyOf(addressSets);
        failures = List.copyOf(failures);
    }
}
