package io.zonebridge.app;

import io.zonebridge.app.monitoring.IgnoredEvents;
import io.zonebridge.intake.RejectLog;
import io.zonebridge.route53.RecordNameCodec;
import io.zonebridge.secondary.NotifyHandler;
import io.zonebridge.secondary.NotifyOutcome;
import io.zonebridge.secondary.NotifyStats;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.List;
import org.apache.camel.Body;
import org.apache.camel.Exchange;
import org.apache.camel.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bean {@code notifyReceiver} of route {@code notify-received}: judges one DNS message (a UDP packet or a TCP
 * frame) with {@link NotifyHandler} and returns the response bytes (Camel's netty consumer sends the body back),
 * or {@code null} for a dropped packet. An accepted NOTIFY leaves the work for every hosted zone of that name in
 * the exchange property {@value #WORK_PROPERTY}. Rejected packets are logged through a {@link RejectLog}: a few
 * lines a minute per source address and reason, however many arrive. Never throws.
 */
public final class NotifyReceiver {

    /** Exchange property holding the {@code List<ZoneWork>} of an accepted NOTIFY. */
    public static final String WORK_PROPERTY = "zonebridgeWork";

    private static final Logger LOG = LoggerFactory.getLogger(NotifyReceiver.class);

    private final NotifyHandler handler;
    private final ZoneCatalog catalog;
    private final RejectLog rejects = new RejectLog(LOG);

    public NotifyReceiver(NotifyHandler handler, ZoneCatalog catalog) {
        this.handler = handler;
        this.catalog = catalog;
    }

    /** Judges {@code packet} from {@code remote}; returns the response to send back, or null. */
    public byte[] receive(@Body byte[] packet, @Header("CamelNettyRemoteAddress") SocketAddress remote,
                          Exchange exchange) {
        InetAddress source = remote instanceof InetSocketAddress address ? address.getAddress() : null;
        NotifyOutcome outcome = handler.handle(packet, source);
        if (outcome.accepted()) {
            String zone = RecordNameCodec.canonical(outcome.zone());
            List<ZoneWork> work = catalog.byName(zone).stream()
                    .map(z -> z.work("notify" + (outcome.serialHint() == null ? "" : " serial " + outcome.serialHint())))
                    .toList();
            exchange.setProperty(WORK_PROPERTY, work);
            LOG.info("{}", outcome.detail());
        } else if (outcome.duplicate()) {
            LOG.debug("{}", outcome.detail());
        } else {
            rejects.reject(source == null ? "" : source.getHostAddress(), IgnoredEvents.reasonKey(outcome.reason()),
                    outcome.detail());
        }
        return outcome.response();
    }

    /** Counters of packets handled, by reason. */
    public NotifyStats stats() {
        return handler.stats();
    }
}
