package io.zonebridge.ec2;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A CloudTrail {@code CreateTags} (or {@code DeleteTags}) call on EC2 resources, reduced to the instances it
 * tagged (resource ids starting with {@code i-}): tags added after launch, as Auto Scaling and CloudFormation do,
 * or removed.
 *
 * @param account     account id
 * @param region      region
 * @param instanceIds tagged instances
 * @param tags        the tags set by the call, key to value; for DeleteTags each deleted key maps to {@code ""},
 *                    which {@link InstanceDescription#tag(String)} reads as absent
 * @param time        CloudTrail {@code eventTime}
 * @param eventId     CloudTrail {@code eventID}
 */
public record InstanceTagsEvent(String account, String region, List<String> instanceIds, Map<String, String> tags,
                                Instant time, String eventId) implements Ec2Event {

    public InstanceTagsEvent {
        instanceIds = List.copyOf(instanceIds);
        tags = Map.copyOf(tags);
        Objects.requireNonNull(time, "time");
    }
}
