package io.zonebridge.ec2;

import io.zonebridge.intake.RejectReason;
import io.zonebridge.intake.UnusableMessageException;

/** An event body that is not a usable EC2 event; the message names the field and what was wrong. */
public class MalformedEventException extends UnusableMessageException {

    public MalformedEventException(RejectReason reason, String message) {
        super(reason, message, null);
    }

    public MalformedEventException(RejectReason reason, String message, Throwable cause) {
        super(reason, message, cause);
    }
}
