package io.zonebridge.app.ec2;

import io.zonebridge.ec2.PendingEc2Work;
import org.apache.camel.AggregationStrategy;
import org.apache.camel.Exchange;

/** Aggregation strategy of the {@code ec2-apply} route: merges {@link PendingEc2Work} of one account and region. */
public final class Ec2WorkMerger implements AggregationStrategy {

    @Override
    public Exchange aggregate(Exchange oldExchange, Exchange newExchange) {
        if (oldExchange == null) {
            return newExchange;
        }
        PendingEc2Work merged = oldExchange.getMessage().getBody(PendingEc2Work.class)
                .merge(newExchange.getMessage().getBody(PendingEc2Work.class));
        oldExchange.getMessage().setBody(merged);
        return oldExchange;
    }
}
