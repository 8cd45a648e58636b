package io.zonebridge.reverse;

import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.SafetyLimits;

import java.util.Map;
import java.util.Objects;

/**
 * How an {@link OrganizationReconciler} runs.
 *
 * @param networkAccount     the account holding the reverse zones (zonebridge's own account)
 * @param configuredPrefixes configured prefixes: CIDR → reverse zone name (see {@link ReverseZoneIndex})
 * @param ptr                PTR TTL, conflict rule and ownership policy
 * @param safety             largest share of a reverse zone's managed PTRs one run may update or delete
 * @param force              apply plans the safety limits refuse
 * @param parallelism        accounts read at the same time (each still within its own rate limit)
 * @param batchLimits        limits of one ChangeResourceRecordSets request
 * @param waitForInsync      wait until each change is INSYNC before the next zone
 */
public record ReconcileSettings(String networkAccount, Map<String, String> configuredPrefixes, PtrOptions ptr,
                                SafetyLimits safety, boolean force, int parallelism, BatchLimits batchLimits,
                                boolean waitForInsync) {

    /** Accounts read at the same time by default. */
    public static final int DEFAULT_PARALLELISM = 8;

    public ReconcileSettings {
        Objects.requireNonNull(networkAccount, "networkAccount");
        configuredPrefixes = Map.copyOf(configuredPrefixes);
        Objects.requireNonNull(ptr, "ptr");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(batchLimits, "batchLimits");
        if (parallelism < 1) {
            throw new IllegalArgumentException("reconcile parallelism must be at least 1: " + parallelism);
        }
    }

    /** Defaults: no configured prefixes, default safety limits, 8 accounts at a time, Route 53's batch limits, no waiting. */
    public static ReconcileSettings defaults(String networkAccount, PtrOptions ptr) {
        return new ReconcileSettings(networkAccount, Map.of(), ptr, SafetyLimits.DEFAULT, false,
                DEFAULT_PARALLELISM, BatchLimits.ROUTE53, false);
    }

    /** The same with these configured prefixes. */
    public ReconcileSettings withConfiguredPrefixes(Map<String, String> prefixes) {
        return new ReconcileSettings(networkAccount, prefixes, ptr, safety, force, parallelism, batchLimits, waitForInsync);
    }

    /** The same with this parallelism. */
    public ReconcileSettings withParallelism(int accounts) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, safety, force, accounts, batchLimits, waitForInsync);
    }

    /** The same with these safety limits and force flag. */
    public ReconcileSettings withSafety(SafetyLimits limits, boolean forced) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, limits, forced, parallelism, batchLimits, waitForInsync);
    }
}
