package io.zonebridge.reverse;

/**
 * A reverse sync run could not read or write Route 53. The route leaves the run's SQS messages undeleted, so
 * SQS delivers them again after their visibility timeout (and to its dead-letter queue after the redrive count).
 */
public class ReverseSyncException extends RuntimeException {

    public ReverseSyncException(String message) {
        super(message);
    }

    public ReverseSyncException(String message, Throwable cause) {
        super(message, cause);
    }
}
