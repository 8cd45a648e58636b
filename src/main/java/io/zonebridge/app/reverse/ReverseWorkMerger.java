package io.zonebridge.app.reverse;

import io.zonebridge.reverse.PendingReverseWork;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Aggregation strategy of the {@code reverse-ingest} route: merges {@link PendingReverseWork} of one forward zone. */
public final class ReverseWorkMerger implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return newExchange;
        }
        PendingReverseWork merged = oldExchange.getMessage().getBody(PendingReverseWork.class)
                .merge(newExchange.getMessage().getBody(PendingReverseWork.class));
        oldExchange.getMessage().setBody(merged);
        return oldExchange;
    }
}
