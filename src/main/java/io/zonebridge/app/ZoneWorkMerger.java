package io.zonebridge.app;

import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/**
 * The aggregation strategy of route {@code zone-apply}: work arriving for one zone within the debounce window
 * becomes one {@link ZoneWork}, so a burst of triggers gives one sync run.
 */
public final class ZoneWorkMerger implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return newExchange;
        }
        ZoneWork merged = oldExchange.getMessage().getBody(ZoneWork.class)
                .merge(newExchange.getMessage().getBody(ZoneWork.class));
        oldExchange.getMessage().setBody(merged);
        return oldExchange;
    }
}
