package io.zonebridge.local;

/** The states of an EC2 instance with the codes DescribeInstances answers. */
public enum Ec2InstanceState {
    PENDING(0, "pending"),
    RUNNING(16, "running"),
    SHUTTING_DOWN(32, "shutting-down"),
    TERMINATED(48, "terminated"),
    STOPPING(64, "stopping"),
    STOPPED(80, "stopped");

    private final int code;
    private final String wireName;

    Ec2InstanceState(int code, String wireName) {
        this.code = code;
        this.wireName = wireName;
    }

    /** The numeric state code ({@code 16} for running). */
    public int code() {
        return code;
    }

    /** The name as the API and the events spell it ({@code shutting-down}). */
    public String wireName() {
        return wireName;
    }
}
