package io.zonebridge.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Delivers events put on a bus, in the background: every ENABLED rule of the bus whose pattern matches sends the
 * event (or the target's constant Input) to each of its targets. SQS targets get the event JSON as the message
 * body, retried {@value #ATTEMPTS} times with backoff; event-bus targets (cross-account forwarding) route the
 * unchanged event on that bus, at most {@value #MAX_HOPS} hops. Failures are counted in
 * {@link OperationCounters}, never thrown.
 */
public final class EventRouter implements AutoCloseable {
    static final int ATTEMPTS = 4;
    static final int MAX_HOPS = 5;
    private static final System.Logger LOG = System.getLogger(EventRouter.class.getName());
    private final ObjectMapper json = new ObjectMapper();
    private final EmulatorState state;
    private final SqsDelivery sqs;
    private final OperationCounters counters;
    private final ScheduledExecutorService executor;
    private final Map<String, EventPattern> patterns = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();

    /** A router over {@code state}, delivering to SQS through {@code sqs}. */
    public EventRouter(EmulatorState state, SqsDelivery sqs, OperationCounters counters) {
        this.state = state;
        this.sqs = sqs;
        this.counters = counters;
        this.executor = Executors.newScheduledThreadPool(4, runnable -> {
            Thread thread = new Thread(runnable, "local-aws-events");
            thread.setDaemon(true);
            return thread;
        });
    }

    /** Routes {@code event} on bus {@code bus} of {@code account} in {@code region}, in the background. */
    public void publish(String account, String region, String bus, ObjectNode event) {
        submit(() -> route(account, region, bus, event, 0), 0);
    }

    /** Sends {@code event} to {@code targets} (a scheduled rule's), in the background. */
    public void deliverToTargets(List<EventTargetData> targets, ObjectNode event) {
        submit(() -> targets.forEach(target -> deliver(target, event, 0)), 0);
    }

    /** Waits until no delivery is queued or running (or the timeout passes); true when idle. */
    public boolean awaitIdle(long timeoutMillis) throws InterruptedException {
        long end = System.currentTimeMillis() + timeoutMillis;
        while (inFlight.get() > 0) {
            if (System.currentTimeMillis() > end) {
                return false;
            }
            Thread.sleep(10);
        }
        return true;
    }

    private void submit(Runnable task, long delayMillis) {
        inFlight.incrementAndGet();
        try {
            executor.schedule(() -> {
                try {
                    task.run();
                } catch (RuntimeException e) {
                    failed("event routing failed: " + e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            inFlight.decrementAndGet();
            failed("emulator stopping, event dropped");
        }
    }

    private void route(String account, String region, String bus, ObjectNode event, int hops) {
        List<EventTargetData> targets = state.read(() -> {
            EventBusData data = state.account(account).eventBus(region, bus);
            List<EventTargetData> matched = new ArrayList<>();
            if (data == null) {
                return null;
            }
            for (EventRuleData rule : data.rules().values()) {
                if (rule.state().equals("ENABLED") && rule.eventPattern() != null
                        && patterns.computeIfAbsent(rule.eventPattern(), EventPattern::parse).matches(event)) {
                    matched.addAll(rule.targets().values());
                }
            }
            return matched;
        });
        if (targets == null) {
            failed("event bus " + bus + " does not exist in account " + account + " region " + region);
            return;
        }
        for (EventTargetData target : targets) {
            deliver(target, event, hops);
        }
    }

    private void deliver(EventTargetData target, ObjectNode event, int hops) {
        EventBusArn bus = EventBusArn.parse(target.arn());
        if (bus != null) {
            if (hops + 1 > MAX_HOPS) {
                failed("event forwarded more than " + MAX_HOPS + " times, dropped at " + target.arn());
            } else {
                counters.eventDelivered();
                route(bus.account(), bus.region(), bus.name(), event, hops + 1);
            }
        } else if (SqsDelivery.isQueueArn(target.arn())) {
            String body;
            try {
                body = target.input() != null ? target.input() : json.writeValueAsString(event);
            } catch (JsonProcessingException e) {
                failed("cannot write event: " + e.getMessage());
                return;
            }
            send(target.arn(), body, 1);
        } else {
            failed("target type not emulated: " + target.arn());
        }
    }

    private void send(String queueArn, String body, int attempt) {
        try {
            sqs.send(queueArn, body);
            counters.eventDelivered();
        } catch (RuntimeException e) {
            if (attempt < ATTEMPTS) {
                counters.eventDeliveryRetried();
                submit(() -> send(queueArn, body, attempt + 1), 200L * attempt * attempt);
            } else {
                failed("delivery to " + queueArn + " failed after " + ATTEMPTS + " attempts: " + e.getMessage());
            }
        }
    }

    private void failed(String reason) {
        counters.eventDeliveryFailed(reason);
        LOG.log(System.Logger.Level.WARNING, "zonebridge local events: " + reason);
    }

    @Override
    public void close() {
        executor.shutdownNow();
        sqs.close();
    }
}
