package io.zonebridge.route53;

/** Route 53 refused a whole change batch; the message is Route 53's own. */
public final class BatchRefusedException extends Exception {

    public BatchRefusedException(String route53Message) {
        super(route53Message);
    }
}
