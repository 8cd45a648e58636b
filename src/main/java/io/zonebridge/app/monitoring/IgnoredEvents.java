package io.zonebridge.app.monitoring;

import io.zonebridge.secondary.NotifyReason;
import io.zonebridge.secondary.NotifyStats;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The standard MBean of ignored events: every NOTIFY outcome other than {@link NotifyReason#ACCEPTED}, from the
 * receiver's {@link NotifyStats}, and the ignored events of other jobs (e.g. {@code reverse.own_change}).
 */
public final class IgnoredEvents implements IgnoredEventsMBean {

    private final NotifyStats notify;
    private final Supplier<Map<String, Long>> others;

    /** @param notify the counters of the NOTIFY receiver the route uses */
    public IgnoredEvents(NotifyStats notify) {
        this(notify, Map::of);
    }

    /**
     * @param notify the counters of the NOTIFY receiver the route uses
     * @param others the other jobs' ignored events, by reason key ({@code <source>.<reason>})
     */
    public IgnoredEvents(NotifyStats notify, Supplier<Map<String, Long>> others) {
        this.notify = notify;
        this.others = others;
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
        out.putAll(others.get());
        return out;
    }

    @Override
    public long getIgnored() {
        return getIgnoredByReason().values().stream().mapToLong(Long::longValue).sum();
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
