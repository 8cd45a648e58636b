package io.zonebridge.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * An "EC2 Instance State-change Notification".
 *
 * @param account    account id
 * @param region     region of the instance
 * @param instanceId the instance ({@code detail.instance-id})
 * @param state      its new state
 * @param time       when it changed (the envelope's {@code time})
 * @param eventId    the envelope's {@code id}
 */
public record InstanceStateEvent(String account, String region, String instanceId, InstanceState state,
                                 Instant time, String eventId) implements Ec2Event {

    public InstanceStateEvent {
        Objects.requireNonNull(instanceId, "instanceId");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(time, "time");
    }

    @Override
    public List<String> instanceIds() {
        return List.of(instanceId);
    }
}
