package io.zonebridge.app.monitoring;

import java.util.Map;

/**
 * The JMX view of the Route 53 calls of one AWS account, {@code io.zonebridge:type=Account,name=<account>}. Every
 * HTTP attempt counts (pages, retries, waiter polls).
 */
public interface AccountMonitorMBean {

    /** Requests sent, by Route 53 operation name (a map of String to Long; JMX clients show it as a map). */
    Map<String, Long> getApiCallsByOperation();

    /** Requests sent for all operations. */
    long getApiCalls();

    /** ListHostedZones requests. */
    long getListHostedZonesCalls();

    /** ListHostedZonesByName requests. */
    long getListHostedZonesByNameCalls();

    /** ListResourceRecordSets requests. */
    long getListResourceRecordSetsCalls();

    /** ChangeResourceRecordSets requests. */
    long getChangeResourceRecordSetsCalls();

    /** GetChange requests. */
    long getGetChangeCalls();

    /** Throttling responses met. */
    long getThrottlesMet();

    /** PriorRequestNotComplete responses met. */
    long getPriorRequestNotCompleteMet();

    /** Attempts that repeated an earlier failed attempt. */
    long getRetries();

    /** Error responses, by Route 53 error code. */
    Map<String, Long> getErrorsByCode();
}
