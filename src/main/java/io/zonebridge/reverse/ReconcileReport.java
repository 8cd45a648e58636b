package io.zonebridge.reverse;

import io.zonebridge.route53.ApiCallStats;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What one organisation reconcile read, changed and could not do.
 *
 * @param accountsRead       accounts whose private forward zones were all read
 * @param forwardZonesRead   private forward hosted zones read
 * @param addressRecordSets  A/AAAA record sets found in them
 * @param reverseZonesRead   reverse hosted zones of the network account read
 * @param ptrsCreated        PTR record sets created
 * @param ptrsUpdated        PTR record sets rewritten (UPSERT)
 * @param ptrsDeleted        stale PTR record sets deleted
 * @param unmatchedAddresses distinct addresses no reverse zone covers
 * @param blocked            wanted PTRs whose name holds a record set zonebridge does not manage
 * @param refusedZones       reverse zones whose plan the safety limits refused (the reason for each)
 * @param missingZones       reverse zones that should receive PTRs but that have no hosted zone or were not read
 * @param forwardComplete    every account's forward zones were read; when false nothing was updated or deleted
 * @param failures           what failed
 * @param callsByAccount     Route 53 requests this run sent, per account
 * @param wallTime           how long the run took
 */
public record ReconcileReport(int accountsRead, int forwardZonesRead, int addressRecordSets, int reverseZonesRead,
                              int ptrsCreated, int ptrsUpdated, int ptrsDeleted, int unmatchedAddresses,
                              List<BlockedPtr> blocked, List<String> refusedZones, List<String> missingZones,
                              boolean forwardComplete, List<ReconcileFailure> failures,
                              Map<String, ApiCallStats> callsByAccount, Duration wallTime) {

    public ReconcileReport {
        blocked = List.copyOf(blocked);
        refusedZones = List.copyOf(refusedZones);
        missingZones = List.copyOf(missingZones);
        failures = List.copyOf(failures);
        callsByAccount = Map.copyOf(callsByAccount);
    }

    /** Requests of {@code operation} sent to all accounts. */
    public long requests(String operation) {
        return callsByAccount.values().stream().mapToLong(stats -> stats.requests(operation)).sum();
    }

    /** Requests sent to all accounts, by operation, sorted. */
    public Map<String, Long> requestsByOperation() {
        Map<String, Long> total = new TreeMap<>();
        callsByAccount.values().forEach(stats -> stats.requestsByOperation().forEach((op, n) -> total.merge(op, n, Long::sum)));
        return total;
    }

    /** True when nothing failed, nothing was refused or blocked, and the forward view was complete. */
    public boolean isClean() {
        return failures.isEmpty() && refusedZones.isEmpty() && blocked.isEmpty() && forwardComplete && missingZones.isEmpty();
    }

    @Override
    public String toString() {
        return "accounts=" + accountsRead + " forwardZones=" + forwardZonesRead + " addressSets=" + addressRecordSets
                + " reverseZones=" + reverseZonesRead + " created=" + ptrsCreated + " updated=" + ptrsUpdated
                + " deleted=" + ptrsDeleted + " unmatched=" + unmatchedAddresses + " blocked=" + blocked.size()
                + " refused=" + refusedZones.size() + " missing=" + missingZones + " complete=" + forwardComplete
                + " failures=" + failures + " requests=" + requestsByOperation() + " wall=" + wallTime.toMillis() + "ms";
    }
}
