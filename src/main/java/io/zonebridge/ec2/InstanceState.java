package io.zonebridge.ec2;

import java.util.Locale;

/**
 * EC2 instance lifecycle states as EventBridge reports them ({@code detail.state}).
 * {@link #RUNNING} creates records; {@link #STOPPED}, {@link #SHUTTING_DOWN} and {@link #TERMINATED}
 * remove them; {@link #PENDING} and {@link #STOPPING} change nothing.
 */
public enum InstanceState {
    PENDING("pending"),
    RUNNING("running"),
    STOPPING("stopping"),
    STOPPED("stopped"),
    SHUTTING_DOWN("shutting-down"),
    TERMINATED("terminated");

    private final String eventName;

    InstanceState(String eventName) {
        this.eventName = eventName;
    }

    /** The state's spelling in events and in DescribeInstances ({@code shutting-down}). */
    public String eventName() {
        return eventName;
    }

    /** True for the state whose instance should have records. */
    public boolean createsRecords() {
        return this == RUNNING;
    }

    /** True for the states after which the instance's records are removed. */
    public boolean removesRecords() {
        return this == STOPPED || this == SHUTTING_DOWN || this == TERMINATED;
    }

    /** The state spelt {@code name} (case-insensitive), or an exception naming the unknown value. */
    public static InstanceState fromEventName(String name) {
        String wanted = name == null ? "" : name.trim().toLowerCase(Locale.ROOT);
        for (InstanceState s : values()) {
            if (s.eventName.equals(wanted)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown EC2 instance state '" + name + "'");
    }
}
