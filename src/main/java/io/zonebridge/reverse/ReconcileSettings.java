package io.zonebridge.reverse;

import io.zonebridge.plan.BatchLimits;
import io.zonebridge.plan.SafetyLimits;

import java.time.Duration;
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
 * @param verifyEvery        event runs read a reverse zone whole again when its view is older than this (drift
 *                           found is repaired); the organisation reconcile reads every zone whole anyway
 * @param verifyRate         requests per second the verification reads of one account may use (its share of the
 *                           account's rate); 0: not paced apart from the account's limiter
 */
public record ReconcileSettings(String networkAccount, Map<String, String> configuredPrefixes, PtrOptions ptr,
                                SafetyLimits safety, boolean force, int parallelism, BatchLimits batchLimits,
                                boolean waitForInsync, Duration verifyEvery, double verifyRate) {

    /** Accounts read at the same time by default. */
    public static final int DEFAULT_PARALLELISM = 8;

    public ReconcileSettings {
        Objects.requireNonNull(networkAccount, "networkAccount");
        configuredPrefixes = Map.copyOf(configuredPrefixes);
        Objects.requireNonNull(ptr, "ptr");
        Objects.requireNonNull(safety, "safety");
        Objects.requireNonNull(batchLimits, "batchLimits");
        Objects.requireNonNull(verifyEvery, "verifyEvery");
        if (!(verifyRate >= 0) || Double.isInfinite(verifyRate)) {
            throw new IllegalArgumentException("verification rate must be a number of at least 0: " + verifyRate);
        }
        if (parallelism < 1) {
            throw new IllegalArgumentException("reconcile parallelism must be at least 1: " + parallelism);
        }
    }

    /** Views of reverse zones older than this are read whole again by default. */
    public static final Duration DEFAULT_VERIFY_EVERY = Duration.ofHours(1);

    /**
     * Defaults: no configured prefixes, default safety limits, 8 accounts at a time, Route 53's batch limits, no
     * waiting, verification every hour.
     */
    public static ReconcileSettings defaults(String networkAccount, PtrOptions ptr) {
        return new ReconcileSettings(networkAccount, Map.of(), ptr, SafetyLimits.DEFAULT, false,
                DEFAULT_PARALLELISM, BatchLimits.ROUTE53, false, DEFAULT_VERIFY_EVERY, 0);
    }

    /** The same with this verification period. */
    public ReconcileSettings withVerifyEvery(Duration period) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, safety, force, parallelism, batchLimits,
                waitForInsync, period, verifyRate);
    }

    /** The same with verification reads paced at {@code perSecond} per account. */
    public ReconcileSettings withVerifyRate(double perSecond) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, safety, force, parallelism, batchLimits,
                waitForInsync, verifyEvery, perSecond);
    }

    /** The same with these configured prefixes. */
    public ReconcileSettings withConfiguredPrefixes(Map<String, String> prefixes) {
        return new ReconcileSettings(networkAccount, prefixes, ptr, safety, force, parallelism, batchLimits, waitForInsync,
                verifyEvery, verifyRate);
    }

    /** The same with this parallelism. */
    public ReconcileSettings withParallelism(int accounts) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, safety, force, accounts, batchLimits, waitForInsync,
                verifyEvery, verifyRate);
    }

    /** The same with these safety limits and force flag. */
    public ReconcileSettings withSafety(SafetyLimits limits, boolean forced) {
        return new ReconcileSettings(networkAccount, configuredPrefixes, ptr, limits, forced, parallelism, batchLimits, waitForInsync,
                verifyEvery, verifyRate);
    }
}
