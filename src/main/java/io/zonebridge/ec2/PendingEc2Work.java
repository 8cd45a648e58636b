package io.zonebridge.ec2;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EC2 events of one account and region together with the SQS receipt handles of the messages that carried them:
 * the route deletes those messages only after the events' record changes are applied. A small serialisable value
 * (so it can travel on a FIFO queue when replicas share the work).
 *
 * @param scope          {@code account/region} of the events (the aggregation key)
 * @param events         the events, in arrival order
 * @param receiptHandles SQS receipt handles of the messages merged into this work, in arrival order
 */
public record PendingEc2Work(String scope, List<Ec2Event> events, List<String> receiptHandles)
        implements Serializable {

    private static final long serialVersionUID = 1L;

    public PendingEc2Work {
        Objects.requireNonNull(scope, "scope");
        events = List.copyOf(events);
        receiptHandles = List.copyOf(receiptHandles);
    }

    /** Work of one event. */
    public static PendingEc2Work of(Ec2Event event, String receiptHandle) {
        return new PendingEc2Work(event.account() + "/" + event.region(), List.of(event),
                receiptHandle == null ? List.of() : List.of(receiptHandle));
    }

    /** This work and {@code other} of the same scope as one. */
    public PendingEc2Work merge(PendingEc2Work other) {
        if (!scope.equals(other.scope)) {
            throw new IllegalArgumentException("cannot merge EC2 work of " + other.scope + " into " + scope);
        }
        List<Ec2Event> allEvents = new ArrayList<>(events);
        allEvents.addAll(other.events);
        List<String> handles = new ArrayList<>(receiptHandles);
        handles.addAll(other.receiptHandles);
        return new PendingEc2Work(scope, allEvents, handles);
    }

    /** The account of the events. */
    public String account() {
        return scope.substring(0, scope.indexOf('/'));
    }
}
