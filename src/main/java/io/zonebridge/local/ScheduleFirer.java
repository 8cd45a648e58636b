package io.zonebridge.local;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Fires the ENABLED rules whose schedule expression is a rate, as EventBridge does: the first time one period after
 * the rule is first seen, then every period, each time a {@code Scheduled Event} (source {@code aws.events},
 * {@code resources} = the rule's ARN) to the rule's targets through the {@link EventRouter}. A minute of a rate lasts
 * {@code minute} of real time (a minute unless shortened, say for tests). Cron expressions are not fired.
 */
final class ScheduleFirer implements AutoCloseable {
    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final EmulatorState state;
    private final EventRouter router;
    private final LongSupplier clock;
    private final double scale;
    private final Map<String, Long> due = new HashMap<>();
    private final ScheduledExecutorService executor;

    /**
     * @param minute how long one minute of a rate expression lasts
     * @param tick   how often due rules are looked for
     */
    ScheduleFirer(EmulatorState state, EventRouter router, LongSupplier clock, Duration minute, Duration tick) {
        this.state = state;
        this.router = router;
        this.clock = clock;
        this.scale = minute.toMillis() / 60_000.0;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "local-aws-schedules");
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::fireDue, tick.toMillis(), tick.toMillis(), TimeUnit.MILLISECONDS);
    }

    private record Firing(String account, String region, String ruleArn, List<EventTargetData> targets) {
    }

    private void fireDue() {
        long now = clock.getAsLong();
        List<Firing> firings = new ArrayList<>();
        state.read(() -> {
            for (AccountState account : state.accounts()) {
                for (EventBusData bus : account.eventBuses().values()) {
                    for (EventRuleData rule : bus.rules().values()) {
                        if (rule.scheduleExpression() == null || !rule.state().equals("ENABLED")) {
                            continue;
                        }
                        ScheduleExpression.ratePeriodMinutes(rule.scheduleExpression()).ifPresent(period -> {
                            String arn = bus.ruleArn(account.accountId(), rule.name());
                            long every = Math.max(1, Math.round(period.toMillis() * scale));
                            long next = due.computeIfAbsent(arn + " " + rule.scheduleExpression(), k -> now + every);
                            if (next <= now) {
                                due.put(arn + " " + rule.scheduleExpression(), next + every * ((now - next) / every + 1));
                                firings.add(new Firing(account.accountId(), bus.region(), arn,
                                        List.copyOf(rule.targets().values())));
                            }
                        });
                    }
                }
            }
            return null;
        });
        for (Firing firing : firings) {
            String time = Instant.ofEpochMilli(now).truncatedTo(ChronoUnit.SECONDS).toString();
            ObjectNode event = JSON.objectNode().put("version", "0").put("id", UUID.randomUUID().toString())
                    .put("detail-type", "Scheduled Event").put("source", "aws.events")
                    .put("account", firing.account()).put("time", time).put("region", firing.region());
            event.putArray("resources").add(firing.ruleArn());
            event.putObject("detail");
            router.deliverToTargets(firing.targets(), event);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
