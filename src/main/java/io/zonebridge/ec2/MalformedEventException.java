package io.zonebridge.ec2;

/** An event body that is not a usable EC2 event; the message names the field and what was wrong. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
