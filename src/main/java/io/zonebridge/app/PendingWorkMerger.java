package io.zonebridge.app;

import io.zonebridge.intake.PendingWork;
import java.util.ArrayList;
import java.util.List;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * Aggregation strategy of the event jobs' routes (template {@code sqs-event-job}): collects the {@link PendingWork}
 * of one key as it arrives (a list that grows, nothing copied per message) and merges it in one pass when the
 * aggregation completes ({@link PendingWork#merge(List)}), so the apply step gets one {@link PendingWork}.
 */
public final class PendingWorkMerger implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        PendingWork<?> arrived = newExchange.getMessage().getBody(PendingWork.class);
        if (oldExchange == null) {
            List<PendingWork<?>> parts = new ArrayList<>();
            parts.add(arrived);
            newExchange.getMessage().setBody(parts);
            return newExchange;
        }
        partsOf(oldExchange).add(arrived);
        return oldExchange;
    }

    @Override
    @SuppressWarnings({"unchecked", "rawtypes"})
    public void onCompletion(Exchange exchange) {
        exchange.getMessage().setBody(PendingWork.merge((List) partsOf(exchange)));
    }

    @SuppressWarnings("unchecked")
    private static List<PendingWork<?>> partsOf(Exchange exchange) {
        return exchange.getMessage().getBody(List.class);
    }
}
