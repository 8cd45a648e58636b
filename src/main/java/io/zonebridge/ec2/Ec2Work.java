package io.zonebridge.ec2;

import io.zonebridge.intake.MergeableWork;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * EC2 events of one account and region, applied together in one run. A small serialisable value.
 *
 * @param scope  {@code account/region} of the events (the aggregation key)
 * @param events the events, in arrival order
 */
public record Ec2Work(String scope, List<Ec2Event> events) implements MergeableWork<Ec2Work> {

    private static final long serialVersionUID = 1L;

    public Ec2Work {
        Objects.requireNonNull(scope, "scope");
        events = List.copyOf(events);
    }

    /** Work of one event. */
    public static Ec2Work of(Ec2Event event) {
        return new Ec2Work(event.account() + "/" + event.region(), List.of(event));
    }

    /** {@link #scope()}. */
    @Override
    public String key() {
        return scope;
    }

    /** This work's events, then those of {@code others} (of the same scope), in order. */
    @Override
    public Ec2Work mergeAll(List<Ec2Work> others) {
        List<Ec2Event> all = new ArrayList<>(events);
        for (Ec2Work other : others) {
            if (!scope.equals(other.scope)) {
                throw new IllegalArgumentException("cannot merge EC2 work of " + other.scope + " into " + scope);
            }
            all.addAll(other.events);
        }
        return new Ec2Work(scope, all);
    }

    /** The account of the events. */
    public String account() {
        return scope.substring(0, scope.indexOf('/'));
    }
}
