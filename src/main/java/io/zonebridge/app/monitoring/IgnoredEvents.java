package io.zonebridge.app.monitoring;

import io.zonebridge.secondary.NotifyReason;
import io.zonebridge.secondary.NotifyStats;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The standard MBean of ignored events: every NOTIFY outcome other than {@link NotifyReason#ACCEPTED}, from the
 * receiver's {@link NotifyStats}. Other jobs add their sources here.
 */
public final class IgnoredEvents implements IgnoredEventsMBean {

    private final NotifyStats notify;

    /** @param notify the counters of the NOTIFY receiver the route uses */
    public IgnoredEvents(NotifyStats notify) {
        this.notify = notify;
    }

    /** The reason key of an ignored NOTIFY outcome. */
    public static String reasonKey(NotifyReason reason) {
        return "notify." + reason.name().toLowerCase(Locale.ROOT);
    }

    @Override
    public Map<String, Long> getIgnoredByReason() {
        Map<String, Long> out = new TreeMap<>();
        notify.snapshot().forEach((reason, count) -> {
            if (reason != NotifyReason.ACCEPTED) {
                out.put(reasonKey(reason), count);
            }
        });
        return out;
    }

    @Override
    public long getIgnored() {
        return notify.total() - notify.get(NotifyReason.ACCEPTED);
    }

    @Override
    public long getNotifyRefused() {
        return notify.get(NotifyReason.REFUSED);
    }

    @Override
    public long getNotifyNotauth() {
        return notify.get(NotifyReason.NOTAUTH);
    }

    @Override
    public long getNotifyMalformed() {
        return notify.get(NotifyReason.MALFORMED);
    }

    @Override
    public long getNotifyDuplicate() {
        return notify.get(NotifyReason.DUPLICATE);
    }
}
