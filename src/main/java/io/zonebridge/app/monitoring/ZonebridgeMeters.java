package io.zonebridge.app.monitoring;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import io.zonebridge.app.SyncOutcome;
import io.zonebridge.secondary.NotifyReason;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.function.ToDoubleFunction;

/**
 * The zonebridge figures as Micrometer meters (so on Camel's Prometheus endpoint), read from the same MBeans JMX
 * shows: per zone (tag {@code zone}: the zone key) last-success age, failures, last-run changes, pending changes,
 * paused and a gauge per last result; per account (tag {@code account}) Route 53 requests by operation, retries,
 * throttles; ignored events by reason; dead-lettered (rejected) queue events by reason.
 */
public final class ZonebridgeMeters implements MeterBinder {

    private final List<ZoneMonitor> zones;
    private final String account;
    private final AccountMonitor calls;
    private final IgnoredEvents ignored;
    private final Supplier<Map<String, Long>> rejected;
    private final Clock clock;

    /** @param rejected the event jobs' dead-lettered messages by reason key ({@code <job>.<reason>}) */
    public ZonebridgeMeters(List<ZoneMonitor> zones, String account, AccountMonitor calls, IgnoredEvents ignored,
                            Supplier<Map<String, Long>> rejected, Clock clock) {
        this.zones = List.copyOf(zones);
        this.account = account;
        this.calls = calls;
        this.ignored = ignored;
        this.rejected = rejected;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (ZoneMonitor zone : zones) {
            bindZone(registry, zone);
        }
        Set<String> operations = new TreeSet<>(List.of(AccountMonitor.MAIN_OPERATIONS));
        operations.addAll(calls.getApiCallsByOperation().keySet());
        for (String operation : operations) {
            FunctionCounter.builder("zonebridge.route53.requests", calls,
                            c -> c.getApiCallsByOperation().getOrDefault(operation, 0L))
                    .description("Route 53 HTTP requests sent (every page, retry and poll)")
                    .tags("account", account, "operation", operation).register(registry);
        }
        FunctionCounter.builder("zonebridge.route53.throttles", calls, AccountMonitor::getThrottlesMet)
                .description("Throttling responses from Route 53").tags("account", account).register(registry);
        FunctionCounter.builder("zonebridge.route53.retries", calls, AccountMonitor::getRetries)
                .description("Route 53 attempts repeating a failed one").tags("account", account).register(registry);
        Set<String> reasons = new TreeSet<>(ignored.getIgnoredByReason().keySet());
        for (NotifyReason reason : NotifyReason.values()) {
            if (reason != NotifyReason.ACCEPTED) {
                reasons.add(IgnoredEvents.reasonKey(reason));
            }
        }
        for (String key : reasons) {
            FunctionCounter.builder("zonebridge.events.ignored", ignored, i -> i.getIgnoredByReason().getOrDefault(key, 0L))
                    .description("Events received and not acted on").tags("reason", key).register(registry);
        }
        for (String key : rejected.get().keySet()) {
            FunctionCounter.builder("zonebridge.events.rejected", rejected, r -> r.get().getOrDefault(key, 0L))
                    .description("Queued events that could not become work, dead-lettered on their first receive")
                    .tags("reason", key).register(registry);
        }
    }

    private void bindZone(MeterRegistry registry, ZoneMonitor zone) {
        String key = zone.getZoneKey();
        gauge(registry, "zonebridge.zone.last.success.age.seconds", zone, key, this::lastSuccessAge,
                "Seconds since the zone's last successful sync (NaN: never)");
        FunctionCounter.builder("zonebridge.zone.failures", zone, ZoneMonitor::getFailures)
                .description("Failed sync runs").tags("zone", key, "name", zone.getZoneName()).register(registry);
        FunctionCounter.builder("zonebridge.zone.drift", zone, ZoneMonitor::getDriftFound)
                .description("Record sets verification reads found changed outside zonebridge (then repaired)")
                .tags("zone", key, "name", zone.getZoneName()).register(registry);
        gauge(registry, "zonebridge.zone.pending.changes", zone, key, ZoneMonitor::getPendingChanges,
                "Changes planned by the last run and not applied");
        gauge(registry, "zonebridge.zone.paused", zone, key, z -> z.isPaused() ? 1 : 0, "1 while the zone is paused");
        gauge(registry, "zonebridge.zone.serial", zone, key, ZoneMonitor::getSerial, "Last serial seen at the source");
        for (String action : List.of("create", "update", "delete")) {
            Gauge.builder("zonebridge.zone.last.changes", zone, z -> switch (action) {
                case "create" -> z.getCreates();
                case "update" -> z.getUpdates();
                default -> z.getDeletes();
            }).description("Record sets changed by the last run").tags("zone", key, "name", zone.getZoneName(),
                    "action", action).register(registry);
        }
        for (SyncOutcome.Result result : SyncOutcome.Result.values()) {
            Gauge.builder("zonebridge.zone.last.result", zone, z -> z.getLastResult().equals(result.name()) ? 1 : 0)
                    .description("1 for the result of the zone's last run").tags("zone", key, "name",
                            zone.getZoneName(), "result", result.name()).register(registry);
        }
    }

    private double lastSuccessAge(ZoneMonitor zone) {
        String last = zone.getLastSuccessTime();
        return last.isEmpty() ? Double.NaN
                : Duration.between(java.time.Instant.parse(last), clock.instant()).toMillis() / 1000.0;
    }

    private static void gauge(MeterRegistry registry, String name, ZoneMonitor zone, String key,
                              ToDoubleFunction<ZoneMonitor> value, String description) {
        Gauge.builder(name, zone, value).description(description).tags("zone", key, "name", zone.getZoneName())
                .register(registry);
    }
}
