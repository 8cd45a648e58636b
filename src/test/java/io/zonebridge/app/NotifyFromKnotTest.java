package io.zonebridge.app;

import org.junit.jupiter.api.extension.RegisterExtension;
import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static io.zonebridge.app.Eventually.assertWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.KnotPrimary;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;

/**
 * A real Knot DNS primary against the service's real routes and the local Route 53. Knot sends NOTIFY over TCP
 * only, one connection each, and checks the TSIG of the response to a signed NOTIFY: its NOTIFYs (plain and signed)
 * must be taken (no "failed" in its log, which would mean resending every SOA retry) and start the IXFR within
 * 1 s (with a debounce window of 100 ms; the default is 2 s), after which the hosted zone equals Knot's zone.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/notify-from-knot-test/zonebridge.yaml",
        "zonebridge.apply.debounceCheck=20", "zonebridge.refresh.tick=200"})
class NotifyFromKnotTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String PLAIN = "plain.knot.test";
    private static final String SIGNED = "signed.knot.test";

    @RegisterExtension
    static final SecondaryPeers peers = new SecondaryPeers("notify-from-knot-test");

    private static KnotPrimary knot;
    private static int knotPort;
    private static final ListAppender<ILoggingEvent> lines = new ListAppender<>();

    @BeanInject
    CamelContext context;

    @BeforeAll
    static void configure() throws Exception {
        knotPort = KnotPrimary.freePort();
        peers.createZones(PLAIN, SIGNED);
        peers.writeConfig("127.0.0.1:" + knotPort, "", """
                - { name: %s, hostedZone: { id: %s } }
                - { name: %s, tsigKey: xfr-key, hostedZone: { id: %s } }
                """.formatted(PLAIN, peers.id(PLAIN), SIGNED, peers.id(SIGNED)));
        lines.start();
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).addAppender(lines);
    }

    /** Knot starts once the service listens, so that its first NOTIFY (sent on loading the zones) is taken too. */
    @BeforeEach
    void startKnotOnceListening() throws Exception {
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("notify-listener-tcp"));
        if (knot == null) {
            knot = KnotPrimary.start(knotPort, peers.notifyPort(), peers.key(), Map.of(
                    PLAIN, zoneText(PLAIN, 1, "a IN A 192.0.2.1"), SIGNED, zoneText(SIGNED, 1, "b IN A 192.0.2.2")),
                    Set.of(SIGNED));
        }
    }

    @AfterAll
    static void stopPeers() throws Exception {
        ((Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME)).detachAppender(lines);
        if (knot != null) {
            knot.close();
        }
    }

    @Test
    void knotsPlainNotifyOverTcpStartsTheTransferWithinOneSecond() throws Exception {
        changeAndMeasure(PLAIN, false);
    }

    @Test
    void knotsSignedNotifyIsAnsweredSignedSoKnotTakesItAndTheTransferStartsWithinOneSecond() throws Exception {
        changeAndMeasure(SIGNED, true);
    }

    private void changeAndMeasure(String zone, boolean signed) throws Exception {
        awaitEqual(zone, signed);
        long serial = knot.serial(zone) + 1;
        knot.rewriteZone(zone, zoneText(zone, serial, "a IN A 192.0.2.1\nchanged IN A 198.51.100." + serial));
        // only Knot's log is read until the transfer started (no dig runs competing for the CPU meanwhile)
        String[] transferStarted = {"[" + zone + ".] IXFR, outgoing", "started", "-> " + serial};
        assertWithin(WAIT, () -> knot.lineArrival(transferStarted).isPresent(),
                () -> "Knot logged the outgoing IXFR:\n" + knot.log());
        awaitEqual(zone, signed);

        String accepted = "NOTIFY for " + zone + ". serial " + serial + " from /127.0.0.1 accepted";
        long notifiedAt = lines.list.stream().filter(e -> e.getFormattedMessage().equals(accepted))
                .mapToLong(ILoggingEvent::getTimeStamp).findFirst()
                .orElseThrow(() -> new AssertionError("no '" + accepted + "' logged"));
        long millis = knot.lineArrival(transferStarted).getAsLong() - notifiedAt;
        System.out.println("Knot NOTIFY -> transfer started in " + millis + " ms (" + zone + ", "
                + (signed ? "TSIG-signed" : "plain") + " NOTIFY over TCP)");
        assertTrue(millis <= 1000, "transfer started " + millis + " ms after the NOTIFY");

        String took = "notify, outgoing, remote 127.0.0.1@" + peers.notifyPort() + ", serial " + serial;
        assertWithin(Duration.ofSeconds(5), () -> knot.log().contains("[" + zone + ".] " + took),
                () -> "Knot took the NOTIFY response for " + zone + ":\n" + knot.log());
        assertEquals(List.of(), knot.failedNotifies(), "no NOTIFY failed in Knot's log");
    }

    private void awaitEqual(String zone, boolean withKey) throws InterruptedException {
        assertEqualsWithin(WAIT, () -> {
            try {
                return LocalRoute53.expected(zone + ".", withKey ? knot.digAxfrWithKey(zone) : knot.digAxfr(zone));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> peers.route53().records(peers.id(zone)), "hosted zone " + zone + " equals Knot's zone");
    }

    private static String zoneText(String zone, long serial, String records) {
        return "$TTL 300\n@ IN SOA ns1." + zone + ". hostmaster." + zone + ". " + serial + " 3600 1 86400 60\n"
                + "@ IN NS ns1." + zone + ".\nns1 IN A 192.0.2.1\n" + records + "\n";
    }
}
