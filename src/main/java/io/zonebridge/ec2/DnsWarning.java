package io.zonebridge.ec2;

/**
 * Something that keeps an instance's records from working or being made, for the caller to log.
 *
 * @param resourceId the VPC, instance or zone concerned
 * @param message    what is wrong, naming the resource
 */
public record DnsWarning(String resourceId, String message) {
    @Override
    public String toString() {
        return message;
    }
}
