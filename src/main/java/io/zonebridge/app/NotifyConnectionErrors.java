package io.zonebridge.app;

import io.zonebridge.intake.RejectLog;
import org.apache.camel.Exchange;
import org.apache.camel.spi.ExceptionHandler;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code notifyConnectionErrors}: the exception handler of the NOTIFY listeners, for what netty reports
 * outside a message (a client that resets its connection, one that closes in the middle of a frame). The channel
 * is closed by netty either way; this only keeps the log bounded, through a {@link RejectLog} (reason
 * {@value #REASON}: a few lines a minute), where Camel's default handler logs a WARN per connection.
 */
public final class NotifyConnectionErrors implements ExceptionHandler {

    /** The reject reason of these errors. */
    public static final String REASON = "notify.connection";

    private final RejectLog rejects = new RejectLog(LoggerFactory.getLogger(NotifyConnectionErrors.class));

    @Override
    public void handleException(Throwable exception) {
        handleException("NOTIFY listener", exception);
    }

    @Override
    public void handleException(String message, Throwable exception) {
        rejects.reject("", REASON, message + ": " + exception);
    }

    @Override
    public void handleException(String message, Exchange exchange, Throwable exception) {
        handleException(message, exception);
    }

    /** Errors so far. */
    public long count() {
        return rejects.count(REASON);
    }
}
