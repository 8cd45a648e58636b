package io.zonebridge.app;

import java.time.Duration;
import java.util.List;
import org.apache.camel.CamelContext;
import org.apache.camel.Consumer;
import org.apache.camel.Route;
import org.apache.camel.Suspendable;
import org.apache.camel.processor.aggregate.AggregateProcessor;
import org.apache.camel.spi.CamelEvent;
import org.apache.camel.support.EventNotifierSupport;
import org.apache.camel.support.service.ServiceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Graceful stop (SIGTERM) for the sync pipelines. Camel's shutdown stops a route's aggregator while the batch it
 * completed is still running on the aggregator's thread (interrupting it mid-run), so when the context starts stopping
 * this guard first stops taking work (suspends the consumers of outside sources: SQS, timers, UDP, ...; not the
 * internal {@code direct:}/{@code seda:} ones), then waits, at most {@code limit}, until no aggregated batch is in
 * progress and no exchange is in flight. Camel's shutdown then proceeds: work still waiting in an aggregator's window
 * is dropped, so its SQS messages, never deleted, are delivered again (zone work is re-derived by the refresh at start).
 */
public final class InFlightWorkGuard extends EventNotifierSupport {

    private static final Logger LOG = LoggerFactory.getLogger(InFlightWorkGuard.class);
    private static final List<String> INTERNAL_SCHEMES = List.of("direct", "seda");

    private final CamelContext context;
    private final Duration limit;

    public InFlightWorkGuard(CamelContext context, Duration limit) {
        this.context = context;
        this.limit = limit;
        setIgnoreExchangeEvents(true);
    }

    @Override
    public boolean isEnabled(CamelEvent event) {
        return event.getType() == CamelEvent.Type.CamelContextStopping;
    }

    @Override
    public void notify(CamelEvent event) throws Exception {
        List<Route> routes = context.getRoutes();
        for (Route route : routes) {
            Consumer consumer = route.getConsumer();
            if (consumer instanceof Suspendable && !INTERNAL_SCHEMES.contains(route.getEndpoint().getEndpointKey()
                    .replaceFirst(":.*", ""))) {
                ServiceHelper.suspendService(consumer);
            }
        }
        long deadline = System.nanoTime() + limit.toNanos();
        int busy = busy(routes);
        if (busy > 0) {
            LOG.info("stopping: no new work taken; waiting up to {} s for {} batch(es) in flight", limit.toSeconds(), busy);
        }
        while (busy > 0 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            busy = busy(routes);
        }
        if (busy > 0) {
            LOG.warn("stopping with {} batch(es) still in flight after {} s: their messages stay queued for redelivery",
                    busy, limit.toSeconds());
        }
    }

    /** Aggregated batches in progress plus exchanges in flight. */
    private int busy(List<Route> routes) {
        int inProgress = 0;
        for (Route route : routes) {
            for (var processor : route.filter("*")) {
                if (processor instanceof AggregateProcessor aggregate) {
                    inProgress += aggregate.getInProgressCompleteExchanges();
                }
            }
        }
        return inProgress + context.getInflightRepository().size();
    }
}
