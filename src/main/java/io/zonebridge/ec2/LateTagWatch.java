package io.zonebridge.ec2;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Running instances that got no record yet, because their DNS tags may still come (Auto Scaling and CloudFormation
 * tag after launch): each is looked at again every interval until it gets records, stops, or the window since its
 * running event passes. The CloudTrail CreateTags event normally comes first; this catches tags whose event is
 * lost or not routed. In memory: after a restart only the CreateTags event remains.
 */
public final class LateTagWatch {

    private record Watched(String account, String region, Instant eventTime, Instant until) {
    }

    private final Duration window;
    private final Clock clock;
    private final Map<String, Watched> watched = new LinkedHashMap<>();

    /** @param window how long after its running event an instance is looked at again (0: never) */
    public LateTagWatch(Duration window, Clock clock) {
        this.window = window;
        this.clock = clock;
    }

    /**
     * Notes what handling {@code events} showed: {@code withoutRecords} are watched, the others no longer (a
     * {@code pending} or {@code stopping} event, which changes no record, leaves a watch as it is).
     */
    public synchronized void update(List<Ec2Event> events, Set<String> withoutRecords) {
        Instant now = clock.instant();
        for (Ec2Event event : events) {
            for (String id : event.instanceIds()) {
                if (!withoutRecords.contains(id)) {
                    if (!(event instanceof InstanceStateEvent state) || state.state().createsRecords()
                            || state.state().removesRecords()) {
                        watched.remove(id); // a pending or stopping event (delivered late) changes no record
                    }
                } else if (!window.isZero() && event instanceof InstanceStateEvent state
                        && state.state() == InstanceState.RUNNING && !watched.containsKey(id)) {
                    watched.put(id, new Watched(state.account(), state.region(), state.time(), now.plus(window)));
                }
            }
        }
    }

    /**
     * The running events to handle again now (with their original time, so a newer stop or terminate wins);
     * instances whose window passed are dropped.
     */
    public synchronized List<Ec2Event> due() {
        Instant now = clock.instant();
        watched.values().removeIf(w -> w.until().isBefore(now));
        List<Ec2Event> events = new ArrayList<>();
        watched.forEach((id, w) -> events.add(new InstanceStateEvent(w.account(), w.region(), id,
                InstanceState.RUNNING, w.eventTime(), "late-tag-retry")));
        return events;
    }

    /** Instances watched now. */
    public synchronized int size() {
        return watched.size();
    }
}
