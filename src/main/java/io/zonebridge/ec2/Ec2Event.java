package io.zonebridge.ec2;

import java.io.Serializable;
import java.time.Instant;
import java.util.List;

/** An EC2 event that concerns instances' DNS records: a state change or late tags; a small serialisable value. */
public sealed interface Ec2Event extends Serializable permits InstanceStateEvent, InstanceTagsEvent {

    /** Account the instances belong to. */
    String account();

    /** Region of the instances. */
    String region();

    /** Instances the event concerns. */
    List<String> instanceIds();

    /** When the change happened (EventBridge {@code time} or CloudTrail {@code eventTime}). */
    Instant time();

    /** Unique id of the event, for de-duplication. */
    String eventId();
}
