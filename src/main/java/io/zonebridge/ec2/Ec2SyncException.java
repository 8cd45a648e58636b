package io.zonebridge.ec2;

/** EC2 record changes could not all be applied; the messages that asked for them stay queued for redelivery. */
public final class Ec2SyncException extends RuntimeException {
    public Ec2SyncException(String message) {
        super(message);
    }

    public Ec2SyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
