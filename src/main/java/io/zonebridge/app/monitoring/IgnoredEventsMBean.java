package io.zonebridge.app.monitoring;

import java.util.Map;

/**
 * The JMX view of events zonebridge received and did not act on, {@code io.zonebridge:type=Events,name=ignored}.
 * Reasons are {@code <source>.<reason>} in lower case, e.g. {@code notify.refused}.
 */
public interface IgnoredEventsMBean {

    /** Ignored events by reason. */
    Map<String, Long> getIgnoredByReason();

    /** Ignored events in all. */
    long getIgnored();

    /** NOTIFYs refused (source not allowed, or zone not served). */
    long getNotifyRefused();

    /** NOTIFYs without a valid TSIG where one is required. */
    long getNotifyNotauth();

    /** Packets that were not DNS requests (dropped). */
    long getNotifyMalformed();

    /** NOTIFYs repeating one accepted within the duplicate window. */
    long getNotifyDuplicate();
}
