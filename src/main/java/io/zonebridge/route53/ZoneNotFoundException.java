package io.zonebridge.route53;

/** No hosted zone, or more than one, matches what the user asked for; the message says which flag decides. */
public final class ZoneNotFoundException extends RuntimeException {
    public ZoneNotFoundException(String message) {
        super(message);
    }
}
