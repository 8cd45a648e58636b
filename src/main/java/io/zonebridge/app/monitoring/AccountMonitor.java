package io.zonebridge.app.monitoring;

import io.zonebridge.route53.ApiCallStats;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/** The standard MBean of one AWS account's Route 53 calls, read from the gateway's {@link ApiCallStats}. */
public final class AccountMonitor implements AccountMonitorMBean {

    /** The operations that also have an attribute (and always a metric) of their own. */
    public static final String[] MAIN_OPERATIONS = {"ListHostedZones", "ListHostedZonesByName",
        "ListResourceRecordSets", "ChangeResourceRecordSets", "GetChange"};

    private final Supplier<ApiCallStats> stats;

    /** @param stats the account's call counts so far */
    public AccountMonitor(Supplier<ApiCallStats> stats) {
        this.stats = stats;
    }

    @Override
    public Map<String, Long> getApiCallsByOperation() {
        return new TreeMap<>(stats.get().requestsByOperation());
    }

    @Override
    public long getApiCalls() {
        return stats.get().totalRequests();
    }

    @Override
    public long getListHostedZonesCalls() {
        return stats.get().requests("ListHostedZones");
    }

    @Override
    public long getListHostedZonesByNameCalls() {
        return stats.get().requests("ListHostedZonesByName");
    }

    @Override
    public long getListResourceRecordSetsCalls() {
        return stats.get().requests("ListResourceRecordSets");
    }

    @Override
    public long getChangeResourceRecordSetsCalls() {
        return stats.get().requests("ChangeResourceRecordSets");
    }

    @Override
    public long getGetChangeCalls() {
        return stats.get().requests("GetChange");
    }

    @Override
    public long getThrottlesMet() {
        return stats.get().throttles();
    }

    @Override
    public long getPriorRequestNotCompleteMet() {
        return stats.get().errors(ApiCallStats.PRIOR_REQUEST_NOT_COMPLETE);
    }

    @Override
    public long getRetries() {
        return stats.get().retries();
    }

    @Override
    public Map<String, Long> getErrorsByCode() {
        return new TreeMap<>(stats.get().errorsByCode());
    }
}
