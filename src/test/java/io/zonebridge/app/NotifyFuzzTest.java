package io.zonebridge.app;

import org.junit.jupiter.api.extension.RegisterExtension;
import static io.zonebridge.app.Eventually.assertEqualsWithin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.zonebridge.secondary.BindPrimary;
import io.zonebridge.secondary.NotifyReason;
import io.zonebridge.secondary.TsigKeySpec;
import java.io.IOException;
import java.io.OutputStream;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.apache.camel.BeanInject;
import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.api.management.ManagedCamelContext;
import org.apache.camel.test.main.junit5.CamelMainTest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;

/**
 * 10,000 junk packets (random bytes and spoiled signed NOTIFYs, {@link NotifyJunk}) at the NOTIFY port of the
 * service's real routes, over UDP and over TCP (length-prefixed frames, also lying length prefixes, connections
 * closed mid-frame, connections reset). The primary (a real BIND) has a newer serial of the zone than the hosted
 * zone and does not notify it, so any NOTIFY taken would start a transfer. Afterwards: no transfer started, no
 * change request sent, at most 100 log lines, and both listeners still answer; a valid signed NOTIFY over TCP then
 * does start the transfer. Bounded in count and in time; loopback only.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@CamelMainTest(propertyPlaceholderLocations = "file:config/application.properties", properties = {
        "zonebridge.config=target/notify-fuzz-test/zonebridge.yaml",
        "zonebridge.apply.debounceCheck=50", "zonebridge.refresh.tick=200"})
class NotifyFuzzTest {

    private static final String ZONE = "fuzz.test";
    private static final int PACKETS = 10_000;
    private static final int UDP_ATTEMPTS = 10;
    private static final Duration TIME_LIMIT = Duration.ofSeconds(120);
    private static final long SEED = 14;

    @RegisterExtension
    static final SecondaryPeers peers = new SecondaryPeers("notify-fuzz-test");

    private static BindPrimary bind;
    private static TsigKeySpec key;
    private static String hostedZone;

    @BeanInject
    CamelContext context;

    @BeanInject
    NotifyReceiver receiver;

    @BeanInject
    ZoneStatusBoard board;

    @BeforeAll
    static void startPeers() throws Exception {
        key = peers.key();
        bind = peers.startBind(BindPrimary.zones(ZONE, zoneText(1, "a IN A 192.0.2.1")),
                Map.of(ZONE, "notify no; allow-transfer { key \"xfr-key\"; };"));
        peers.createZones(ZONE);
        hostedZone = peers.id(ZONE);
        peers.writeConfig(bind.primary(), "", "- { name: %s, tsigKey: xfr-key, hostedZone: { id: %s } }\n"
                .formatted(ZONE, hostedZone));
    }

    @Test
    void junkStartsNoTransferLogsLittleAndLeavesBothListenersAnswering() throws Exception {
        awaitEqual();
        bind.rewriteZone(ZONE, zoneText(2, "a IN A 192.0.2.1\nb IN A 192.0.2.2"));
        assertEquals(2, bind.serial(ZONE), "the primary is ahead; it does not notify");
        ZoneStatus before = board.get("default/" + hostedZone).orElseThrow();
        long transfersBefore = transfersStarted();
        long changesBefore = peers.route53().changeRequests();
        long failedBefore = failedExchanges();
        long acceptedBefore = receiver.stats().get(NotifyReason.ACCEPTED);

        ListAppender<ILoggingEvent> lines = new ListAppender<>();
        lines.start();
        Logger root = (Logger) LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME);
        root.addAppender(lines);
        NotifyJunk junk = new NotifyJunk(SEED, ZONE + ".", 2, key, BindPrimary.newXfrKey());
        Sent sent = new Sent();
        long started = System.nanoTime();
        long deadline = started + TIME_LIMIT.toNanos();
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            while (sent.total() < PACKETS && System.nanoTime() < deadline) {
                if (junk.nextInt(2) == 0) {
                    for (int burst = 1 + junk.nextInt(30); burst > 0 && sent.total() < PACKETS; burst--) {
                        sendUdp(udp, junk, sent);
                    }
                } else {
                    sendTcpConnection(junk, sent);
                }
            }
        } finally {
            root.detachAppender(lines);
        }
        long millis = (System.nanoTime() - started) / 1_000_000;

        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("notify-listener"));
        assertEquals(ServiceStatus.Started, context.getRouteController().getRouteStatus("notify-listener-tcp"));
        Message udpAnswer = udpNotify(NotifyTcpTest.notify("nobody.test.", 7, null).toWire());
        assertEquals(Rcode.REFUSED, udpAnswer.getRcode(), "the UDP listener still answers");
        long transfersByJunk = transfersStarted() - transfersBefore;
        long crashes = failedExchanges() - failedBefore;
        System.out.printf("NOTIFY fuzz (seed %d): %d packets sent in %d ms (%d UDP, %d TCP frames on %d connections)"
                        + ", crashes %d, transfers started %d, change requests %d, log lines %d, handled by outcome %s"
                        + " (frames after one that closes its connection are not read)%n",
                SEED, sent.total(), millis, sent.udp, sent.tcpFrames, sent.tcpConnections, crashes, transfersByJunk,
                peers.route53().changeRequests() - changesBefore, lines.list.size(), receiver.stats());
        assertEquals(PACKETS, sent.total(), "all packets sent within " + TIME_LIMIT);
        assertEquals(0, crashes, "no exchange of the NOTIFY routes failed");
        assertEquals(0, transfersByJunk, "no transfer started by junk:\n" + bind.log());
        assertEquals(changesBefore, peers.route53().changeRequests(), "nothing sent to Route 53");
        assertEquals(before.lastAttempt(), board.get("default/" + hostedZone).orElseThrow().lastAttempt(),
                "no sync run for the zone");
        assertTrue(lines.list.size() <= 100, lines.list.size() + " log lines: "
                + lines.list.stream().map(ILoggingEvent::getFormattedMessage).toList());
        assertEquals(acceptedBefore, receiver.stats().get(NotifyReason.ACCEPTED), "no junk accepted");

        try (DnsTcpClient client = new DnsTcpClient(peers.notifyPort(), Duration.ofSeconds(5))) {
            client.send(junk.signed(key));
            Message answer = client.receive();
            assertEquals(Rcode.NOERROR, answer.getRcode(), "the TCP listener still answers a valid NOTIFY");
            assertNotNull(answer.getTSIG(), "signed");
        }
        awaitEqual();
        assertEquals(transfersBefore + 1, transfersStarted(), "the valid NOTIFY started one transfer");
    }

    private static void sendUdp(DatagramSocket udp, NotifyJunk junk, Sent sent) throws Exception {
        byte[] packet = junk.next();
        udp.send(new DatagramPacket(packet, packet.length, InetAddress.getByName("127.0.0.1"), peers.notifyPort()));
        sent.udp++;
    }

    /**
     * One connection: up to 30 junk frames, then a clean close, a length prefix that lies, half a frame, or a reset.
     * Every frame written counts as sent, also when the listener had already closed the connection.
     */
    private static void sendTcpConnection(NotifyJunk junk, Sent sent) throws Exception {
        sent.tcpConnections++;
        try (Socket socket = new Socket(InetAddress.getByName("127.0.0.1"), peers.notifyPort())) {
            OutputStream out = socket.getOutputStream();
            int frames = 1 + junk.nextInt(30);
            for (int i = 0; i < frames && sent.total() < PACKETS; i++) {
                out.write(DnsTcpClient.frame(junk.next()));
                sent.tcpFrames++;
            }
            switch (sent.total() < PACKETS ? junk.nextInt(4) : 0) {
                case 0 -> { } // clean close
                case 1 -> { // a length prefix that promises more than ever comes
                    byte[] body = junk.next();
                    byte[] frame = DnsTcpClient.frame(body);
                    int lie = Math.min(0xFFFF, body.length + 1 + junk.nextInt(2000));
                    frame[0] = (byte) (lie >>> 8);
                    frame[1] = (byte) lie;
                    out.write(frame);
                    sent.tcpFrames++;
                }
                case 2 -> { // half a frame
                    byte[] frame = DnsTcpClient.frame(junk.next());
                    out.write(Arrays.copyOf(frame, 1 + junk.nextInt(frame.length - 1)));
                    sent.tcpFrames++;
                }
                default -> socket.setSoLinger(true, 0); // reset on close
            }
            out.flush();
        } catch (IOException e) {
            // the listener closed the connection after a frame it does not answer (not DNS): the next writes fail
        }
    }

    /** IXFRs of the zone named served: the service, which has serial 1, asks IXFR; the test's own dig asks AXFR. */
    private long transfersStarted() {
        return bind.log().lines().filter(l -> l.contains("'" + ZONE + "/IN'") && l.contains("IXFR started")).count();
    }

    private long failedExchanges() throws Exception {
        ManagedCamelContext managed = context.getCamelContextExtension().getContextPlugin(ManagedCamelContext.class);
        long failed = 0;
        for (String route : new String[] {"notify-listener", "notify-listener-tcp", "notify-received"}) {
            failed += managed.getManagedRoute(route).getExchangesFailed();
        }
        return failed;
    }

    /**
     * Sends a NOTIFY over UDP and resends it, as a primary does, until it is answered: the listener may still be
     * working through the junk queued in its socket buffer, so one datagram may wait behind thousands.
     */
    private static Message udpNotify(byte[] wire) throws Exception {
        try (DatagramSocket udp = new DatagramSocket(0, InetAddress.getByName("127.0.0.1"))) {
            udp.setSoTimeout(3000);
            DatagramPacket reply = new DatagramPacket(new byte[512], 512);
            for (int attempt = 1; ; attempt++) {
                udp.send(new DatagramPacket(wire, wire.length, InetAddress.getByName("127.0.0.1"), peers.notifyPort()));
                try {
                    udp.receive(reply);
                    return new Message(Arrays.copyOf(reply.getData(), reply.getLength()));
                } catch (SocketTimeoutException unanswered) {
                    if (attempt == UDP_ATTEMPTS) {
                        throw new AssertionError("the UDP listener answered none of " + UDP_ATTEMPTS + " NOTIFYs 3 s apart");
                    }
                }
            }
        }
    }

    private void awaitEqual() throws InterruptedException {
        assertEqualsWithin(Duration.ofSeconds(20), () -> {
            try {
                return LocalRoute53.expected(ZONE + ".", bind.digAxfrWithKey(ZONE));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, () -> peers.route53().records(hostedZone), "hosted zone " + ZONE + " equals the primary's zone");
    }

    private static String zoneText(long serial, String records) {
        return "$TTL 300\n@ IN SOA ns1." + ZONE + ". hostmaster." + ZONE + ". " + serial + " 3600 600 86400 60\n"
                + "@ IN NS ns1." + ZONE + ".\nns1 IN A 192.0.2.1\n" + records + "\n";
    }

    /** Packets sent so far. */
    private static final class Sent {
        int udp;
        int tcpFrames;
        int tcpConnections;

        int total() {
            return udp + tcpFrames;
        }
    }
}
